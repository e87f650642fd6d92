/** The settings editor's words for what a customer's order must hold (#16): contact and quantity limits. */
export const checkoutSettings = {
  ko: {
    seCheckoutRules: '주문 받는 기준',
    seContactOptional: '포장 주문은 이름·전화번호 없이도 받기',
    seContactOptionalHint:
      '가게에 와서 바로 찾아가는 손님을 위한 설정이에요. 배달 주문에는 늘 이름과 번호가 필요해요.',
    seMaxPerItem: '한 메뉴 최대 수량',
    seMaxPerItemHint: '손님이 한 주문에 한 메뉴를 이만큼까지 담을 수 있어요.',
    seMaxPerOrder: '한 주문 최대 수량',
    // The menu editor: an option pre-chosen for the customer. Without it every option starts unchosen.
    meOptionDefault: '옵션 {g}-{n} 처음부터 선택해 두기',
    seMaxPerOrderHint:
      '모든 메뉴를 합쳐 한 주문에 이만큼까지예요. 더 많은 주문은 가게에 문의하도록 안내해요.',
  },
  en: {
    seCheckoutRules: 'What an order must hold',
    seContactOptional: 'Take pickup orders without a name and phone number',
    seContactOptionalHint:
      'For walk-in customers who pick up at once. A delivery always needs a name and number.',
    seMaxPerItem: 'Most of one item per order',
    seMaxPerItemHint: 'A customer can put up to this many of one item in one order.',
    seMaxPerOrder: 'Most items per order',
    meOptionDefault: 'Option {g}-{n} chosen to start with',
    seMaxPerOrderHint:
      'All items together in one order. Customers wanting more are asked to contact the shop.',
  },
};
