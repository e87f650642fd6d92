import { defineMessages } from './define';

/** Bank transfer with a deadline (#16 item 5): the customer's instructions, the shop's view, the setting. */
export const transferMessages = defineMessages({
  ko: {
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
  },
  en: {
    transferDepositor: 'Depositor name',
    transferDepositorHint: 'Please use this depositor name; the shop matches your transfer by it.',
    transferDeadline: 'Pay by',
    transferDeadlineAt: '{time}',
    transferDeadlineIfNow: '{time}, if you order now',
    transferDeadlineRule: 'If the transfer has not arrived by then, the order is cancelled automatically.',
    transferCancelled:
      'The transfer deadline ({time}) passed, so the order was cancelled. If you have already paid, please contact the shop.',
    transferCancelledShop: 'Cancelled automatically: transfer deadline ({time}) passed',
    transferWaitingShop: 'Awaiting transfer · depositor {name} · by {time}',
    transferSetting: 'Bank transfer deadline (minutes)',
    transferSettingHint:
      'If a transfer has not arrived this long after the order, the server cancels it. Never later than a pre-order’s pickup time, nor 30 minutes for a “now” order. 10–4320 minutes (3 days).',
  },
});
