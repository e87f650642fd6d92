import { describe, expect, it } from 'vitest';
import {
  orderProblem,
  takenFrom,
  type OrderDraft,
  type ShopRules,
} from '../../../src/app/shop/intake/orderChecks';
import type { MenuItem } from '../../../src/domain/catalogue';
import type { Order } from '../../../src/domain/order';
import type { Schedule } from '../../../src/domain/schedule';

const ALWAYS_OPEN = Array.from({ length: 7 }, () => [
  { open: '00:00', close: '12:00' },
  { open: '12:00', close: '00:00' },
]);
const schedule: Schedule = {
  timeZone: 'Asia/Seoul',
  hours: ALWAYS_OPEN as never,
  slotMinutes: 30,
  slotCapacity: 2,
  leadMinutes: 0,
  preorderDays: 7,
  closedDates: [],
};
// 2026-03-10 09:00 in Seoul.
const NOW = new Date('2026-03-10T00:00:00Z');
const TODAY = '2026-03-10';

function item(id: string, extra: Partial<MenuItem> = {}): MenuItem {
  return {
    id,
    categoryId: 'c',
    name: id,
    description: '',
    price: 5000,
    photoUrl: null,
    optionGroups: [],
    soldOutUntil: null,
    dailyQuota: null,
    leadDays: 0,
    orderCutoff: null,
    position: 0,
    ...extra,
  };
}

const sized = item('sized', {
  price: 12_000,
  optionGroups: [
    {
      id: 'size',
      name: '용량',
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: 's', name: '300g', priceDelta: 0 },
        { id: 'l', name: '500g', priceDelta: 7000 },
      ],
    },
  ],
});
const catalogue = new Map<string, MenuItem>([
  ['plain', item('plain')],
  ['sized', sized],
  ['quota', item('quota', { dailyQuota: 3 })],
  ['soldout', item('soldout', { soldOutUntil: TODAY })],
  ['party', item('party', { leadDays: 1 })],
]);
const rules = { pickup: true, delivery: false, payAtPickup: true, bankTransfer: false, bankAccount: '' };

function order(extra: Partial<Order>): Order {
  return {
    id: crypto.randomUUID(),
    lines: [],
    total: 0,
    status: 'placed',
    fulfilment: 'pickup',
    date: TODAY,
    slot: null,
    customerName: '',
    customerPhone: '',
    address: '',
    note: '',
    payment: 'at_pickup',
    paidAt: null,
    createdAt: NOW.toISOString(),
    receivedAt: null,
    prepMinutes: null,
    readyBy: null,
    rejectReason: null,
    version: 1,
    ...extra,
  };
}
const line = (itemId: string, quantity: number) => ({
  itemId,
  name: itemId,
  quantity,
  options: [],
  unitPrice: 5000,
  lineTotal: 5000 * quantity,
});

const draft = (extra: Partial<OrderDraft> = {}): OrderDraft => ({
  lines: [{ itemId: 'plain', quantity: 1, optionIds: [] }],
  fulfilment: 'pickup',
  date: TODAY,
  slot: '12:00',
  payment: 'at_pickup',
  address: '',
  ...extra,
});

describe('takenFrom: slot use and daily quantities counted on the tablet', () => {
  it('counts active orders only, per slot and per item and day', () => {
    const taken = takenFrom([
      order({ slot: '12:00', lines: [line('quota', 2)] }),
      order({ slot: '12:00', status: 'accepted', lines: [line('quota', 1), line('plain', 4)] }),
      order({ slot: '12:00', status: 'cancelled', lines: [line('quota', 5)] }),
      order({ slot: '12:00', status: 'rejected', lines: [line('quota', 5)] }),
      order({ slot: null, status: 'completed', lines: [line('plain', 1)] }),
      order({ date: '2026-03-11', slot: '12:00', lines: [line('quota', 1)] }),
    ]);
    expect(taken.slots).toEqual({ [`${TODAY} 12:00`]: 2, '2026-03-11 12:00': 1 });
    expect(taken.items).toEqual({
      [`${TODAY} quota`]: 3,
      [`${TODAY} plain`]: 5,
      '2026-03-11 quota': 1,
    });
  });
});

describe('orderProblem: what the server would refuse, as this tablet knows it', () => {
  const shop = (extra: Partial<ShopRules> = {}): ShopRules => ({
    catalogue,
    schedule,
    rules,
    taken: { slots: {}, items: {} },
    ...extra,
  });

  it('accepts a good order with a required option and a slot', () => {
    expect(
      orderProblem(NOW, draft({ lines: [{ itemId: 'sized', quantity: 2, optionIds: ['l'] }] }), shop()),
    ).toBe(null);
  });

  it('refuses what the server refuses, with its error codes', () => {
    const cases: [Partial<OrderDraft>, Partial<ShopRules>, string][] = [
      [{ lines: [] }, {}, 'empty_order'],
      [{ lines: [{ itemId: 'sized', quantity: 1, optionIds: [] }] }, {}, 'invalid_options'],
      [{ lines: [{ itemId: 'nope', quantity: 1, optionIds: [] }] }, {}, 'unknown_item'],
      [{ lines: [{ itemId: 'soldout', quantity: 1, optionIds: [] }] }, {}, 'sold_out'],
      [{ date: '2026-03-09' }, {}, 'date_past'],
      [{ date: '2026-03-30' }, {}, 'too_far_ahead'],
      [{ slot: '12:10' }, {}, 'slot_invalid'],
      [{ slot: '08:30' }, {}, 'too_soon'],
      [{}, { taken: { slots: { [`${TODAY} 12:00`]: 2 }, items: {} } }, 'slot_full'],
      [{ lines: [{ itemId: 'party', quantity: 1, optionIds: [] }] }, {}, 'item_lead_time'],
      [
        { lines: [{ itemId: 'quota', quantity: 2, optionIds: [] }] },
        { taken: { slots: {}, items: { [`${TODAY} quota`]: 2 } } },
        'quota_exceeded',
      ],
      [{ fulfilment: 'delivery', address: '망원로 1' }, {}, 'fulfilment_unavailable'],
      [{ payment: 'bank_transfer' }, {}, 'payment_unavailable'],
    ];
    for (const [d, s, code] of cases) expect(orderProblem(NOW, draft(d), shop(s)), code).toBe(code);
  });

  it('a sold-out item may still be pre-ordered for a day after it is back, and the quota counts per day', () => {
    const tomorrow = '2026-03-11';
    expect(
      orderProblem(
        NOW,
        draft({ date: tomorrow, lines: [{ itemId: 'soldout', quantity: 1, optionIds: [] }] }),
        shop(),
      ),
    ).toBe(null);
    expect(
      orderProblem(
        NOW,
        draft({ date: tomorrow, lines: [{ itemId: 'quota', quantity: 3, optionIds: [] }] }),
        shop({ taken: { slots: {}, items: { [`${TODAY} quota`]: 3 } } }),
      ),
    ).toBe(null);
  });

  it('leaves checkout rules to the server while the tablet has not heard them', () => {
    expect(orderProblem(NOW, draft({ payment: 'bank_transfer' }), shop({ rules: null }))).toBe(null);
    // Everything else is still checked.
    expect(orderProblem(NOW, draft({ slot: '12:10' }), shop({ rules: null }))).toBe('slot_invalid');
  });
});
