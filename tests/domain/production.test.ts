import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MenuItem, OptionGroup } from '../../src/domain/catalogue';
import type { WeeklyHours } from '../../src/domain/hours';
import { ORDER_STATUSES, type Order, type OrderLineInput, type OrderStatus } from '../../src/domain/order';
import { priceOrder } from '../../src/domain/pricing';
import {
  compareSlots,
  countItems,
  dayUsage,
  optionGroupLines,
  optionSummary,
  ordersPerDay,
  pickupListOf,
  productionOf,
  slotUsage,
  type ItemCount,
} from '../../src/domain/production';

const DAY = '2026-12-19'; // a Saturday: the cake shop's day

const item = (id: string, name: string, price: number, optionGroups: OptionGroup[] = []): MenuItem => ({
  id,
  categoryId: 'cat',
  name,
  description: '',
  price,
  photoUrl: null,
  optionGroups,
  soldOutUntil: null,
  dailyQuota: null,
  leadDays: 0,
  orderCutoff: null,
  position: 0,
});

const CATALOGUE = new Map<string, MenuItem>(
  [
    item('cake', '생크림 케이크', 30000, [
      {
        id: 'size',
        name: '크기',
        minChoices: 1,
        maxChoices: 1,
        options: [
          { id: 'no1', name: '1호', priceDelta: 0 },
          { id: 'no2', name: '2호', priceDelta: 8000 },
        ],
      },
      {
        id: 'extra',
        name: '추가',
        minChoices: 0,
        maxChoices: 2,
        options: [
          { id: 'candle', name: '초', priceDelta: 0 },
          { id: 'letter', name: '레터링', priceDelta: 3000 },
        ],
      },
    ]),
    item('set', '반찬 3종 세트', 12000, [
      {
        id: 'pick',
        name: '반찬 선택',
        minChoices: 3,
        maxChoices: 3,
        options: [
          { id: 'anchovy', name: '멸치볶음', priceDelta: 0 },
          { id: 'squid', name: '진미채볶음', priceDelta: 500 },
          { id: 'spinach', name: '시금치나물', priceDelta: 0 },
          { id: 'egg', name: '메추리알장조림', priceDelta: 1000 },
        ],
      },
    ]),
    item('bread', '식빵', 5000),
  ].map((i) => [i.id, i]),
);

let seq = 0;
function order(
  lines: OrderLineInput[],
  extra: Partial<Pick<Order, 'slot' | 'status' | 'date' | 'customerName' | 'createdAt'>> = {},
): Order {
  const priced = priceOrder(CATALOGUE, lines, DAY);
  if (!priced.ok) throw new Error(priced.problem);
  seq += 1;
  return {
    id: `order-${String(seq).padStart(3, '0')}`,
    lines: priced.lines,
    total: priced.total,
    status: 'placed',
    fulfilment: 'pickup',
    date: DAY,
    slot: '10:00',
    customerName: `손님 ${seq}`,
    customerPhone: '010-0000-0000',
    address: '',
    note: '',
    payment: 'at_pickup',
    paidAt: null,
    createdAt: `2026-12-1${seq % 9}T09:00:00.000Z`,
    receivedAt: null,
    prepMinutes: null,
    readyBy: null,
    rejectReason: null,
    version: seq,
    ...extra,
  };
}

const line = (itemId: string, quantity: number, ...optionIds: string[]): OrderLineInput => ({
  itemId,
  quantity,
  optionIds,
});

/**
 * Rows as a person reads them: "item quantity", "item [options] quantity", "item +option quantity".
 * Priced lines name an option with its group ("크기: 1호"), in menu order.
 */
function readable(items: ItemCount[]): string[] {
  return items.flatMap((i) => [
    `${i.name} ${i.quantity}`,
    ...i.variants.map((v) => `${i.name} [${v.options.map((o) => o.name).join(', ')}] ${v.quantity}`),
    ...i.options.map((o) => `${i.name} +${o.name} ${o.quantity}`),
  ]);
}

describe('the production list of a Saturday with ten pre-orders', () => {
  const orders = [
    order([line('cake', 1, 'no1', 'candle')], { slot: '10:00', status: 'accepted' }),
    order([line('cake', 2, 'no2', 'candle', 'letter'), line('bread', 1)], { slot: '10:00' }),
    order([line('set', 1, 'anchovy', 'squid', 'spinach')], { slot: '10:00', status: 'ready' }),
    order([line('cake', 1, 'candle', 'no1')], { slot: '11:30', status: 'completed' }),
    order([line('set', 2, 'anchovy', 'egg', 'spinach'), line('bread', 3)], { slot: '11:30' }),
    order([line('cake', 1, 'no2')], { slot: '11:30', status: 'accepted' }),
    order([line('bread', 2), line('set', 1, 'squid', 'egg', 'anchovy')], { slot: '14:00' }),
    order([line('cake', 1, 'no1'), line('cake', 1, 'no1', 'candle')], { slot: '14:00' }),
    order([line('set', 1, 'spinach', 'squid', 'anchovy')], { slot: null, status: 'accepted' }),
    order([line('bread', 1)], { slot: null }),
  ];
  // Not made: refused or taken back, another day.
  const ignored = [
    order([line('cake', 5, 'no2', 'letter')], { slot: '10:00', status: 'rejected' }),
    order([line('bread', 9)], { slot: '11:30', status: 'cancelled' }),
    order([line('cake', 7, 'no1')], { slot: '10:00', date: '2026-12-20' }),
  ];
  const production = productionOf([...ignored, ...orders], DAY);

  it('sums every item, every combination of options and every single option over the day', () => {
    expect(production.orders).toBe(10);
    expect(readable(production.total)).toEqual([
      '반찬 3종 세트 5',
      '반찬 3종 세트 [반찬 선택: 멸치볶음, 반찬 선택: 시금치나물, 반찬 선택: 메추리알장조림] 2',
      // anchovy+spinach+squid: 1 (10:00) + 1 (ASAP, options in another order) — one combination.
      '반찬 3종 세트 [반찬 선택: 멸치볶음, 반찬 선택: 진미채볶음, 반찬 선택: 시금치나물] 2',
      '반찬 3종 세트 [반찬 선택: 멸치볶음, 반찬 선택: 진미채볶음, 반찬 선택: 메추리알장조림] 1',
      '반찬 3종 세트 +반찬 선택: 메추리알장조림 3',
      '반찬 3종 세트 +반찬 선택: 멸치볶음 5',
      '반찬 3종 세트 +반찬 선택: 시금치나물 4',
      '반찬 3종 세트 +반찬 선택: 진미채볶음 3',
      '생크림 케이크 7',
      // no1+candle: 1 + 1 (candle listed first) + 1 (second line of the 14:00 order).
      '생크림 케이크 [크기: 1호, 추가: 초] 3',
      '생크림 케이크 [크기: 2호, 추가: 초, 추가: 레터링] 2',
      '생크림 케이크 [크기: 1호] 1',
      '생크림 케이크 [크기: 2호] 1',
      '생크림 케이크 +추가: 레터링 2',
      '생크림 케이크 +추가: 초 5',
      '생크림 케이크 +크기: 1호 4',
      '생크림 케이크 +크기: 2호 3',
      '식빵 7',
      '식빵 [] 7',
    ]);
  });

  it('splits the day by pickup slot, "as soon as possible" first, and the slots add up to the total', () => {
    expect(production.slots.map((s) => [s.slot, s.orders])).toEqual([
      [null, 2],
      ['10:00', 3],
      ['11:30', 3],
      ['14:00', 2],
    ]);
    const at = (slot: string | null) => readable(production.slots.find((s) => s.slot === slot)!.items);
    expect(at(null)).toEqual([
      '반찬 3종 세트 1',
      '반찬 3종 세트 [반찬 선택: 멸치볶음, 반찬 선택: 진미채볶음, 반찬 선택: 시금치나물] 1',
      '반찬 3종 세트 +반찬 선택: 멸치볶음 1',
      '반찬 3종 세트 +반찬 선택: 시금치나물 1',
      '반찬 3종 세트 +반찬 선택: 진미채볶음 1',
      '식빵 1',
      '식빵 [] 1',
    ]);
    expect(at('10:00')).toEqual([
      '반찬 3종 세트 1',
      '반찬 3종 세트 [반찬 선택: 멸치볶음, 반찬 선택: 진미채볶음, 반찬 선택: 시금치나물] 1',
      '반찬 3종 세트 +반찬 선택: 멸치볶음 1',
      '반찬 3종 세트 +반찬 선택: 시금치나물 1',
      '반찬 3종 세트 +반찬 선택: 진미채볶음 1',
      '생크림 케이크 3',
      '생크림 케이크 [크기: 2호, 추가: 초, 추가: 레터링] 2',
      '생크림 케이크 [크기: 1호, 추가: 초] 1',
      '생크림 케이크 +추가: 레터링 2',
      '생크림 케이크 +추가: 초 3',
      '생크림 케이크 +크기: 1호 1',
      '생크림 케이크 +크기: 2호 2',
      '식빵 1',
      '식빵 [] 1',
    ]);
    expect(at('14:00')).toEqual([
      '반찬 3종 세트 1',
      '반찬 3종 세트 [반찬 선택: 멸치볶음, 반찬 선택: 진미채볶음, 반찬 선택: 메추리알장조림] 1',
      '반찬 3종 세트 +반찬 선택: 메추리알장조림 1',
      '반찬 3종 세트 +반찬 선택: 멸치볶음 1',
      '반찬 3종 세트 +반찬 선택: 진미채볶음 1',
      '생크림 케이크 2',
      '생크림 케이크 [크기: 1호] 1',
      '생크림 케이크 [크기: 1호, 추가: 초] 1',
      '생크림 케이크 +추가: 초 1',
      '생크림 케이크 +크기: 1호 2',
      '식빵 2',
      '식빵 [] 2',
    ]);
  });

  it('lists who comes when: standing orders only, "as soon as possible" first, then by slot', () => {
    const list = pickupListOf([...ignored, ...orders], DAY);
    expect(list).toHaveLength(10);
    expect(list.map((o) => o.slot)).toEqual([
      null,
      null,
      '10:00',
      '10:00',
      '10:00',
      '11:30',
      '11:30',
      '11:30',
      '14:00',
      '14:00',
    ]);
    expect(list.map((o) => o.status)).not.toContain('rejected');
    expect(list.map((o) => o.status)).not.toContain('cancelled');
  });

  it('counts slot use as the server does: standing orders with a slot, against the capacity', () => {
    const hours = Array.from({ length: 7 }, () => [{ open: '10:00', close: '15:00' }]) as WeeklyHours;
    const schedule = { hours, closedDates: [], slotMinutes: 30, slotCapacity: 4 };
    const usage = slotUsage([...ignored, ...orders], DAY, schedule);
    expect(usage.map((u) => u.slot)).toEqual([
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
    ]);
    const taken = Object.fromEntries(usage.filter((u) => u.taken > 0).map((u) => [u.slot, u.taken]));
    expect(taken).toEqual({ '10:00': 3, '11:30': 3, '14:00': 2 });
    expect(usage.every((u) => u.capacity === 4 && !u.offSchedule)).toBe(true);

    expect(dayUsage([...ignored, ...orders], DAY, schedule)).toEqual({
      date: DAY,
      closed: false,
      orders: 10,
      slotted: 8,
      capacity: 40,
    });
    expect(dayUsage(orders, DAY, { ...schedule, closedDates: [DAY] })).toMatchObject({
      closed: true,
      capacity: 0,
      orders: 10,
    });
    expect(ordersPerDay([...ignored, ...orders])).toEqual(
      new Map([
        ['2026-12-20', 1],
        [DAY, 10],
      ]),
    );
  });

  it('keeps a slot that orders hold after the hours changed, marked as off the schedule', () => {
    const hours = Array.from({ length: 7 }, () => [{ open: '11:00', close: '12:00' }]) as WeeklyHours;
    const usage = slotUsage(orders, DAY, { hours, closedDates: [], slotMinutes: 60, slotCapacity: 5 });
    expect(usage.map((u) => [u.slot, u.taken, u.offSchedule])).toEqual([
      ['10:00', 3, true],
      ['11:00', 0, false],
      ['11:30', 3, true],
      ['14:00', 2, true],
    ]);
  });
});

describe('production sums (properties)', () => {
  const lineArb = fc.oneof(
    fc.record({
      itemId: fc.constant('cake'),
      quantity: fc.integer({ min: 1, max: 5 }),
      optionIds: fc
        .tuple(fc.constantFrom('no1', 'no2'), fc.subarray(['candle', 'letter']))
        .chain(([size, extra]) => fc.shuffledSubarray([size, ...extra], { minLength: extra.length + 1 })),
    }),
    fc.record({
      itemId: fc.constant('set'),
      quantity: fc.integer({ min: 1, max: 5 }),
      optionIds: fc.shuffledSubarray(['anchovy', 'squid', 'spinach', 'egg'], { minLength: 3, maxLength: 3 }),
    }),
    fc.record({
      itemId: fc.constant('bread'),
      quantity: fc.integer({ min: 1, max: 5 }),
      optionIds: fc.constant<string[]>([]),
    }),
  );
  const orderArb = fc.record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
    slot: fc.constantFrom(null, '09:00', '10:30', '17:00'),
    status: fc.constantFrom(...(ORDER_STATUSES as OrderStatus[])),
    date: fc.constantFrom(DAY, '2026-12-18'),
  });
  const ordersArb = fc
    .array(orderArb, { maxLength: 25 })
    .map((xs) => xs.map((x) => order(x.lines, { slot: x.slot, status: x.status, date: x.date })));
  const sumOf = (items: ItemCount[], itemId: string) => items.find((i) => i.itemId === itemId)?.quantity ?? 0;

  it('the total is what the standing lines of the day ask for, and the slots add up to it', () => {
    fc.assert(
      fc.property(ordersArb, (orders) => {
        const p = productionOf(orders, DAY);
        const standing = orders.filter(
          (o) => o.date === DAY && o.status !== 'rejected' && o.status !== 'cancelled',
        );
        for (const id of ['cake', 'set', 'bread']) {
          const asked = standing
            .flatMap((o) => o.lines)
            .filter((l) => l.itemId === id)
            .reduce((n, l) => n + l.quantity, 0);
          expect(sumOf(p.total, id)).toBe(asked);
          expect(p.slots.reduce((n, s) => n + sumOf(s.items, id), 0)).toBe(asked);
        }
        for (const i of p.total) {
          expect(i.variants.reduce((n, v) => n + v.quantity, 0)).toBe(i.quantity);
          for (const o of i.options) {
            expect(o.quantity).toBeLessThanOrEqual(i.quantity);
            const viaVariants = i.variants
              .filter((v) => v.options.some((x) => x.id === o.optionId))
              .reduce((n, v) => n + v.quantity, 0);
            expect(o.quantity).toBe(viaVariants);
          }
        }
        expect(p.orders).toBe(standing.length);
        expect(p.slots.reduce((n, s) => n + s.orders, 0)).toBe(standing.length);
        expect([...p.slots.map((s) => s.slot)]).toEqual([...p.slots.map((s) => s.slot)].sort(compareSlots));
      }),
    );
  });

  it('does not depend on the order the tablet stored the orders in', () => {
    fc.assert(
      fc.property(ordersArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (orders, rnd) => {
        const shuffled = [...orders].sort(() => rnd.next().value - 0.5);
        expect(productionOf(shuffled, DAY)).toEqual(productionOf(orders, DAY));
        expect(countItems(shuffled.filter((o) => o.date === DAY && o.status === 'placed'))).toEqual(
          countItems(orders.filter((o) => o.date === DAY && o.status === 'placed')),
        );
      }),
    );
  });
});

describe('option labels', () => {
  it('names each group once, in the order given', () => {
    const names = [
      '크기: 1호',
      '추가: 초',
      '추가: 레터링',
      '반찬 선택 (3가지): 멸치볶음',
      '반찬 선택 (3가지): 진미채볶음',
    ];
    expect(optionGroupLines(names)).toEqual([
      '크기: 1호',
      '추가: 초, 레터링',
      '반찬 선택 (3가지): 멸치볶음, 진미채볶음',
    ]);
    expect(optionSummary(names)).toBe(
      '크기: 1호 / 추가: 초, 레터링 / 반찬 선택 (3가지): 멸치볶음, 진미채볶음',
    );
  });

  it('leaves names without a group as they are, and never merges across another group', () => {
    expect(optionGroupLines(['곱빼기', '곱빼기', 'a: x', 'b: y', 'a: z'])).toEqual([
      '곱빼기',
      '곱빼기',
      'a: x',
      'b: y',
      'a: z',
    ]);
    expect(optionSummary([])).toBe('');
  });
});
