/**
 * The customer's checkout words for #16 (review step, limits, the kept cart, order again), kept in a
 * file of their own so the shared message files grow by one line each. Korean first; en has the same keys.
 */
const ko = {
  reviewOrder: '주문 내용 확인',
  reviewOrderTotal: '{total} · 주문 내용 확인',
  reviewTitle: '주문 내용을 확인해 주세요',
  reviewItems: '메뉴',
  reviewWhen: '언제',
  reviewWhere: '어디서',
  reviewWho: '주문하는 분',
  reviewPayment: '결제',
  reviewShopRules: '가게 안내',
  reviewPickupAt: '가게에서 찾아가기 · {address}',
  reviewPickupHere: '가게에서 찾아가기',
  reviewDeliverTo: '배달 · {address}',
  reviewAsap: '{date} 지금 바로 (준비되는 대로)',
  reviewNoContact: '비워 둠 (포장 주문)',
  reviewEdit: '수정하기',
  noteCounter: '{n}/{max}자',
  noteFull: '요청 사항은 {max}자까지 쓸 수 있어요.',
  itemLimitReached: '한 메뉴는 한 번에 {n}개까지 주문할 수 있어요.',
  orderLimitReached: '한 번에 모두 {n}개까지 주문할 수 있어요.',
  contactOptionalHint: '포장 주문은 이름과 번호를 비워 둬도 돼요.',
  phoneHint: '가게에서 연락드릴 번호예요. 이 휴대폰에만 기억해 둬요.',
  backToMenu: '메뉴 보러 가기',
  cartChecked: '장바구니를 지금 메뉴에 맞춰 확인했어요',
  cartItemGone: '{name}: 메뉴에서 빠져서 장바구니에서 뺐어요.',
  cartItemSoldOut: '{name}: 오늘 품절이라 장바구니에서 뺐어요.',
  cartOptionsChanged: '{name}: 옵션이 바뀌어 장바구니에서 뺐어요. 다시 담아 주세요.',
  cartPriceChanged: '{name}: 가격이 {from}에서 {to}(으)로 바뀌었어요.',
  cartQuantityCut: '{name}: 가게에서 정한 수량에 맞춰 {n}개로 줄였어요.',
  cartNoticeDismiss: '알림 닫기',
  orderAgain: '다시 주문하기',
  chooseInGroup: '{n}개를 골라 주세요.',
};

export { ko as checkoutMessagesKo };
