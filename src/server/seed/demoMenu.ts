import type { OptionGroup } from '../../domain/catalogue';

/** A neighbourhood side-dish store (반찬가게), the kind of shop Dangol is for. Prices in won. */
export const DEMO_SHOP = {
  slug: 'uri-banchan',
  name: '우리동네 반찬가게',
  phone: '02-123-4567',
  address: '서울특별시 마포구 망원로 12',
  notice: '오늘의 국은 소고기미역국입니다. 예약 주문은 전날 저녁 6시까지 받아요.',
  owner: 'owner',
  /** Printed at start-up while unchanged, so a first-time user can sign in at once. */
  password: 'banchan1234',
  /** A made-up account: the demo shows how a bank-transfer order looks. */
  bankAccount: '우리은행 1002-123-456789 (예금주: 우리동네반찬)',
};

const size = (id: string, base: string, bigger: string, delta: number): OptionGroup => ({
  id,
  name: '용량',
  minChoices: 1,
  maxChoices: 1,
  options: [
    // The base size at no extra cost is the shop's own default (#16); a paid choice never is.
    { id: `${id}-s`, name: base, priceDelta: 0, isDefault: true },
    { id: `${id}-l`, name: bigger, priceDelta: delta },
  ],
});

export interface DemoItem {
  name: string;
  description: string;
  price: number;
  optionGroups?: OptionGroup[];
  dailyQuota?: number;
  leadDays?: number;
  orderCutoff?: string;
}

export const DEMO_MENU: { category: string; items: DemoItem[] }[] = [
  {
    category: '메인 반찬',
    items: [
      {
        name: '소불고기',
        description: '국내산 양파와 배로 재운 달콤한 불고기. 데워서 바로 드세요.',
        price: 12000,
        optionGroups: [size('bulgogi-size', '300g', '500g', 7000)],
      },
      { name: '제육볶음', description: '고추장 양념에 볶은 돼지고기', price: 10000 },
      {
        name: '돼지갈비찜',
        description: '주말 한정, 하루 20개만 만들어요.',
        price: 18000,
        dailyQuota: 20,
      },
    ],
  },
  {
    category: '밑반찬',
    items: [
      { name: '멸치볶음', description: '견과류를 넣은 잔멸치볶음 200g', price: 5000 },
      { name: '진미채볶음', description: '부드러운 진미채 200g', price: 6000 },
      { name: '시금치나물', description: '참기름과 깨소금으로 무친 시금치 200g', price: 4000 },
      { name: '콩나물무침', description: '아삭한 콩나물무침 250g', price: 3500 },
      {
        name: '오늘의 반찬 3종 세트',
        description: '밑반찬 중 세 가지를 골라 담아 드려요.',
        price: 12000,
        optionGroups: [
          {
            id: 'set-pick',
            name: '반찬 선택 (3가지)',
            minChoices: 3,
            maxChoices: 3,
            options: [
              { id: 'set-anchovy', name: '멸치볶음', priceDelta: 0 },
              { id: 'set-squid', name: '진미채볶음', priceDelta: 500 },
              { id: 'set-spinach', name: '시금치나물', priceDelta: 0 },
              { id: 'set-sprout', name: '콩나물무침', priceDelta: 0 },
              { id: 'set-egg', name: '메추리알장조림', priceDelta: 1000 },
            ],
          },
        ],
      },
    ],
  },
  {
    category: '국·찌개',
    items: [
      {
        name: '된장찌개 (2인분)',
        description: '두부와 애호박을 넣은 집된장 찌개',
        price: 8000,
        optionGroups: [
          {
            id: 'stew-spice',
            name: '맵기',
            minChoices: 1,
            maxChoices: 1,
            options: [
              { id: 'stew-mild', name: '순한맛', priceDelta: 0 },
              { id: 'stew-normal', name: '보통', priceDelta: 0 },
              { id: 'stew-hot', name: '매운맛', priceDelta: 0 },
            ],
          },
        ],
      },
      { name: '소고기미역국', description: '한우 양지로 끓인 미역국 1L', price: 9000 },
    ],
  },
  {
    category: '김치',
    items: [
      {
        name: '배추김치',
        description: '국내산 배추와 고춧가루로 담근 포기김치',
        price: 15000,
        optionGroups: [size('kimchi-size', '1kg', '2kg', 13000)],
      },
      { name: '깍두기', description: '시원한 무 깍두기 500g', price: 8000 },
    ],
  },
  {
    category: '예약 주문',
    items: [
      {
        name: '잔치 잡채 (1kg)',
        description: '생일·집들이용 잡채. 전날 저녁 6시까지 주문해 주세요.',
        price: 25000,
        leadDays: 1,
        orderCutoff: '18:00',
      },
    ],
  },
];

export const DEMO_ITEMS = DEMO_MENU.reduce((n, c) => n + c.items.length, 0);
