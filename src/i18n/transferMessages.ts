/** Bank transfer with a deadline (#16 item 5): the customer's instructions, the shop's view, the setting. */
export const transferMessagesKo = {
  transferDepositor: '입금자명',
  transferDepositorHint: '입금자명을 위와 같이 적어 주세요. 가게가 이 이름으로 입금을 확인해요.',
  transferDeadline: '입금 기한',
  transferDeadlineAt: '{time}까지',
  transferDeadlineIfNow: '지금 주문하면 {time}까지',
  transferDeadlineRule: '기한까지 입금이 확인되지 않으면 주문이 자동으로 취소돼요.',
  transferCancelled:
    '입금 기한({time})이 지나 주문이 취소되었습니다. 이미 입금하셨다면 가게에 연락해 주세요.',
  transferCancelledShop: '입금 기한({time})이 지나 자동 취소됨',
  transferWaitingShop: '입금 대기 · 입금자명 {name} · 기한 {time}',
  transferSetting: '계좌이체 입금 기한 (분)',
  transferSettingHint:
    '주문 후 이 시간 안에 입금이 확인되지 않으면 서버가 주문을 취소해요. 예약 주문은 픽업 시간을, 바로 주문은 30분을 넘지 않아요. 10–4320분 (3일).',
};
