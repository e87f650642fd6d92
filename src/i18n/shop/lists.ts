import { defineMessages } from '../define';

/**
 * The kind of each order on the day's lists (#16 item 6): the pickup list and the production list
 * name deliveries as deliveries and pre-orders as pre-orders, on screen and on paper.
 */
export const lists = defineMessages({
  ko: {
    listKind: '종류',
    listKindPickup: '픽업',
    listKindDelivery: '배달',
    listKindPreorderPickup: '예약 픽업',
    listKindPreorderDelivery: '예약 배달',
    listAddress: '배달 주소',
    prodSlotDeliveries: '{slot} 배달 · 주문 {n}건',
    prodSlotMixed: '{slot} 픽업 {p}건 · 배달 {d}건 · 주문 {n}건',
    prodTotalMixed: '하루 합계 · 주문 {n}건 (픽업 {p}건 · 배달 {d}건)',
  },
  en: {
    listKind: 'Kind',
    listKindPickup: 'Pickup',
    listKindDelivery: 'Delivery',
    listKindPreorderPickup: 'Pre-order pickup',
    listKindPreorderDelivery: 'Pre-order delivery',
    listAddress: 'Deliver to',
    prodSlotDeliveries: 'Delivery {slot} · {n} orders',
    prodSlotMixed: '{slot} · {p} pickups · {d} deliveries · {n} orders',
    prodTotalMixed: 'Day total · {n} orders ({p} pickups · {d} deliveries)',
  },
});
