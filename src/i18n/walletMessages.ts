/** The customer's voucher wallet and request form, and the voucher card both sides show. */
export const walletKo = {
  voucherExpiresOn: '유효기간 {date}까지',
  voucherWon: '금액(원)',
  voucherMessage: '메시지 (선택)',
  voucherBuyer: '구매자 이름',
  voucherCode: '코드',
  voucherQrOf: '상품권 QR 코드',
  walletTitle: '내 상품권',
  walletSaved: '이 휴대폰에 저장했어요. 인터넷이 없어도 매장에서 보여 줄 수 있어요.',
  walletBalance: '남은 금액 {amount}',
  walletBalanceAt: '{time} 기준',
  walletOfflineBalance: '인터넷에 연결되면 남은 금액을 새로 확인해요.',
  walletShowAtCounter: '매장에서 이 QR을 보여 주거나 코드를 불러 주세요.',
  voucherExpiresSoon:
    '유효기간이 {days}일 남았어요 ({date}까지). 기간 안에 쓰시거나 가게에 연장을 요청해 주세요. 만료 후에도 남은 금액의 90%는 환불받을 수 있어요.',
  voucherExpiredRefund:
    '유효기간이 지났어요. {until}까지 가게에 요청하면 남은 금액의 90%인 {amount}을 환불받을 수 있어요.',
  walletEmpty: '저장된 상품권이 없어요.',
  walletInvalid: '이 링크의 상품권을 읽을 수 없어요.',
  walletMenu: '가게 메뉴 보기',
  walletBuyTitle: '상품권 사기 (계좌이체)',
  walletBuy: '상품권 신청',
  walletBuyAsked:
    '신청했어요. 아래 계좌로 보내 주시면 가게에서 입금을 확인한 뒤 발행해요. 발행되면 이 화면에 나타나요.',
};
