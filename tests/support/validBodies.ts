import type { RouteName } from '../../src/protocol/routes';
import { PASSWORD } from './world';

const ORDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ITEM = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

/** Every mutation in one valid batch, so a fuzz case can break any field of any of them. */
const EVERY_MUTATION: [string, Record<string, unknown>][] = [
  [
    'placeOrder',
    {
      orderId: ORDER,
      lines: [{ itemId: ITEM, quantity: 1, optionIds: ['o1'] }],
      fulfilment: 'pickup',
      date: '2026-11-23',
      slot: null,
      customerName: '김단골',
      customerPhone: '010-1234-5678',
      address: '서울 중구',
      note: '문 앞에 두세요\n감사합니다',
    },
  ],
  ['cancelOrder', { orderId: ORDER, from: 'placed' }],
  ['acceptOrder', { orderId: ORDER, from: 'placed', prepMinutes: 10 }],
  ['rejectOrder', { orderId: ORDER, from: 'placed', reason: '재료가 떨어졌어요' }],
  ['confirmOrder', { orderId: ORDER, from: 'placed' }],
  ['markReady', { orderId: ORDER }],
  ['dispatchOrder', { orderId: ORDER, from: 'accepted', riderName: '김배달', riderPhone: '010-9876-5432' }],
  ['completeOrder', { orderId: ORDER }],
  ['markPaid', { orderId: ORDER, paid: true }],
  [
    'sendMessage',
    { messageId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', orderId: null, body: '몇 시에 가면 될까요?' },
  ],
  ['setSoldOut', { itemId: ITEM, until: null }],
  ['setShopStatus', { busyMinutes: 15, pause: { until: '2026-11-23T05:00:00.000Z' }, closedToday: false }],
  ['setShopStatus', { busyMinutes: 15, pause: { until: '2026-11-23T05:00:00.000Z' }, closedToday: false }],
  [
    'redeemVoucher',
    {
      redemptionId: '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c',
      voucherId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      amount: 1000,
      orderId: null,
      at: '2026-11-23T10:00:00.000Z',
    },
  ],
  ['setAside', { mutationId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' }],
];

/** A valid request body per route: each fuzz case breaks exactly one thing about a valid request. */
export const VALID_BODY: Partial<Record<RouteName, unknown>> = {
  signup: { shopName: '퍼즈 가게', slug: 'fuzz-shop', username: 'owner', password: PASSWORD },
  login: { slug: 'shop-one', username: 'owner', password: PASSWORD },
  logout: {},
  changePassword: { currentPassword: PASSWORD, newPassword: PASSWORD },
  updateSettings: { notice: '오늘 휴무' },
  updateDelivery: {
    shopLocation: { lat: 37.5663, lng: 126.978 },
    roadFactor: 1.3,
    tiers: [{ maxKm: 2, fee: 2000, minOrder: 10000 }],
    polygons: [
      {
        name: '퍼즈 구역',
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [126.97, 37.56],
              [126.99, 37.56],
              [126.99, 37.58],
              [126.97, 37.56],
            ],
          ],
        },
        fee: 1000,
        minOrder: 0,
      },
    ],
    freeAbove: 50000,
  },
  updateItem: { soldOutUntil: null },
  createItem: {
    id: '5b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    categoryId: '6c2f3d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    name: '퍼즈 메뉴',
    price: 1000,
  },
  uploadPhoto: { contentType: 'image/jpeg', data: '/9j/4AAQSkZJRg==' },
  createCategory: { id: '7d3a4e5f-6b7c-4d8e-9f0a-1b2c3d4e5f6a', name: '퍼즈 분류' },
  updateCategory: { name: '퍼즈 분류' },
  reorderCategories: { ids: ['8e4b5f6a-7c8d-4e9f-8a1b-2c3d4e5f6a7b'] },
  createInvite: {},
  inspectInvite: { token: 'a'.repeat(43) },
  acceptInvite: { token: 'a'.repeat(43), username: 'newbie', password: PASSWORD },
  registerDevice: {},
  customerPush: validPush(),
  shopPush: validPush(),
  customerPull: { clientId: '7d4f3a52-8c1e-4b7a-9f11-2a3b4c5d6e7f', cursor: 0 },
  shopPull: { clientId: '7d4f3a52-8c1e-4b7a-9f11-2a3b4c5d6e7f', cursor: 0 },
  sharedOrder: { orderId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', secret: 'a'.repeat(43) },
  pushSubscribe: {
    endpoint: 'https://push.example.com/fuzz',
    p256dh: 'BMeV8CmExbqP7Bl6RXQ-kvCIm-XfgCBKrCbpYNRAjshzxsxoLwQvtR9hsGSKGxIQsfz0cFvRZkv5j0Crd4Adsz8',
    auth: '4zVjwCkSmAwBiyGe7vIQnQ',
    lang: 'ko',
  },
  pushUnsubscribe: { endpoint: 'https://push.example.com/fuzz' },
  salesReport: { from: '2026-11-01', to: '2026-11-30', by: 'week' },
  salesDay: { date: '2026-11-23' },
  salesOrders: { from: '2026-11-01', to: '2026-11-30' },
  issueVoucher: {
    voucherId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
    won: 30000,
    itemId: null,
    expiresAt: '2030-01-01T00:00:00.000Z',
    message: '생일 축하해',
    buyerName: '김단골',
    paidBy: 'cash',
  },
  confirmVoucher: { voucherId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', paidBy: 'transfer' },
  resolveVoucherConflict: { redemptionId: '3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e', resolution: 'accept_loss' },
  voucherBalance: { token: `${'eyJh'.repeat(20)}.${'A'.repeat(86)}` },
  requestVoucher: {
    voucherId: '4c5d6e7f-8a9b-4cad-8e2f-3a4b5c6d7e8f',
    won: 30000,
    message: '',
    buyerName: '김단골',
  },
};

export function validPush() {
  return {
    clientId: '0b6c1f0e-3e59-4f0a-8a55-6c1d2e3f4a5b',
    mutations: EVERY_MUTATION.map(([name, args], i) => ({
      mutationId: `3f2a1b0c-9d8e-4f7a-8b6c-${String(i).padStart(12, '0')}`,
      seq: i + 1,
      name,
      args,
    })),
  };
}
