import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaymentMethod } from '../../src/domain/checkout';
import { ORDER_STATUSES, type Order, type OrderStatus, type PricedLine } from '../../src/domain/order';
import {
  countsAsSale,
  dayTotals,
  isOpen,
  MAX_RANGE_DAYS,
  periodOf,
  rangeProblem,
  salesByItem,
  salesByPeriod,
  salesTotal,
  weekStart,
  type SalesBy,
} from '../../src/domain/sales';
import { addDays, weekdayOf } from '../../src/domain/schedule';

let n = 0;
function line(
  itemId: string,
  name: string,
  quantity: number,
  unitPrice: number,
  deltas: number[] = [],
): PricedLine {
  const options = deltas.map((d, i) => ({ id: `o${i}`, name: `옵션${i}`, priceDelta: d }));
  const unit = unitPrice + deltas.reduce((a, b) => a + b, 0);
  return { itemId, name, quantity, options, unitPrice: unit, lineTotal: unit * quantity };
}

function order(
  date: string,
  status: OrderStatus,
  lines: PricedLine[],
  extra: { payment?: PaymentMethod; paid?: boolean } = {},
): Order {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    lines,
    total: lines.reduce((s, l) => s + l.lineTotal, 0),
    status,
    fulfilment: 'pickup',
    date,
    slot: null,
    customerName: '',
    customerPhone: '',
    address: '',
    note: '',
    payment: extra.payment ?? 'at_pickup',
    paidAt: extra.paid ? '2026-05-04T03:00:00.000Z' : null,
    // Placed days before pickup: sales must follow the pickup date, never this.
    createdAt: '2026-04-01T00:00:00.000Z',
    receivedAt: null,
    prepMinutes: null,
    readyBy: null,
    rejectReason: null,
    version: n,
  };
}

const ANCHOVY = (q = 1) => line('anchovy', '멸치볶음', q, 5000);
const BULGOGI = (q = 1, large = false) => line('bulgogi', '소불고기', q, 12000, large ? [7000] : [0]);

describe('which orders are sales', () => {
  it('only completed orders are sales; every step before handover is open; rejected and cancelled are neither', () => {
    expect(ORDER_STATUSES.filter(countsAsSale)).toEqual(['completed']);
    expect(ORDER_STATUSES.filter(isOpen)).toEqual([
      'placed',
      'accepted',
      'confirmed',
      'ready',
      'outForDelivery',
    ]);
    for (const s of ['rejected', 'cancelled'] as const) {
      expect(countsAsSale(s)).toBe(false);
      expect(isOpen(s)).toBe(false);
    }
  });
});

describe('ranges', () => {
  it('accepts one day up to a leap year, refuses a reversed range or a longer one', () => {
    expect(rangeProblem({ from: '2026-05-04', to: '2026-05-04' })).toBeNull();
    expect(rangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull(); // 366 days
    expect(rangeProblem({ from: '2024-01-01', to: '2025-01-01' })).toBe('sales_range_too_long');
    expect(rangeProblem({ from: '2026-05-04', to: '2026-05-03' })).toBe('sales_range_invalid');
    // ISO's year 0000 is not in PostgreSQL's calendar: refused as input, not failed in the database.
    expect(rangeProblem({ from: '0000-12-31', to: '0001-01-01' })).toBe('sales_range_invalid');
    expect(rangeProblem({ from: '0001-01-01', to: '0001-01-01' })).toBeNull();
    expect(rangeProblem({ from: 'garbage', to: '2026-05-03' })).toBe('sales_range_invalid');
    expect(MAX_RANGE_DAYS).toBe(366);
  });

  it('weeks run Monday to Sunday', () => {
    // 2026-05-04 is a Monday, 2026-05-10 a Sunday.
    expect(weekdayOf('2026-05-04')).toBe(1);
    expect(weekStart('2026-05-04')).toBe('2026-05-04');
    expect(weekStart('2026-05-10')).toBe('2026-05-04');
    expect(weekStart('2026-05-11')).toBe('2026-05-11');
    expect(periodOf('2026-05-06', 'week')).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    // Across a year's end.
    expect(periodOf('2027-01-01', 'week')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('months end on their last day, February in a leap year included', () => {
    expect(periodOf('2024-02-10', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('2026-02-10', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('2026-12-31', 'month')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('2026-04-30', 'month')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
  });
});

describe('sales by period', () => {
  const orders = [
    order('2026-05-04', 'completed', [ANCHOVY(2)]), // Mon, 10,000
    order('2026-05-04', 'completed', [BULGOGI(1, true)]), // Mon, 19,000
    order('2026-05-05', 'ready', [ANCHOVY(9)]), // open: not a sale
    order('2026-05-06', 'rejected', [ANCHOVY(9)]),
    order('2026-05-07', 'cancelled', [ANCHOVY(9)]),
    order('2026-05-10', 'completed', [BULGOGI(2)]), // Sun, 24,000
    order('2026-05-11', 'completed', [ANCHOVY(1)]), // next Mon, 5,000
    order('2026-06-01', 'completed', [ANCHOVY(3)]), // June, 15,000
    order('2026-04-30', 'completed', [ANCHOVY(100)]), // before the range
  ];
  const range = { from: '2026-05-01', to: '2026-06-02' };

  it('by day: every day of the range, quiet days as zero', () => {
    const days = salesByPeriod(orders, range, 'day');
    expect(days).toHaveLength(33);
    expect(days[0]).toEqual({ start: '2026-05-01', end: '2026-05-01', orders: 0, revenue: 0 });
    const get = (d: string) => days.find((x) => x.start === d);
    expect(get('2026-05-04')).toEqual({ start: '2026-05-04', end: '2026-05-04', orders: 2, revenue: 29000 });
    expect(get('2026-05-05')).toMatchObject({ orders: 0, revenue: 0 });
    expect(get('2026-05-10')).toMatchObject({ orders: 1, revenue: 24000 });
    expect(days.at(-1)).toEqual({ start: '2026-06-02', end: '2026-06-02', orders: 0, revenue: 0 });
  });

  it('by week: Monday to Sunday, the first and last weeks cut to the range', () => {
    const weeks = salesByPeriod(orders, range, 'week');
    expect(weeks.map((w) => [w.start, w.end, w.orders, w.revenue])).toEqual([
      ['2026-05-01', '2026-05-03', 0, 0], // Fri–Sun, cut
      ['2026-05-04', '2026-05-10', 3, 53000],
      ['2026-05-11', '2026-05-17', 1, 5000],
      ['2026-05-18', '2026-05-24', 0, 0],
      ['2026-05-25', '2026-05-31', 0, 0],
      ['2026-06-01', '2026-06-02', 1, 15000], // cut
    ]);
  });

  it('by month', () => {
    expect(salesByPeriod(orders, range, 'month')).toEqual([
      { start: '2026-05-01', end: '2026-05-31', orders: 4, revenue: 58000 },
      { start: '2026-06-01', end: '2026-06-02', orders: 1, revenue: 15000 },
    ]);
  });

  it('follows the pickup date, not when the order was placed', () => {
    const preorder = { ...order('2026-05-09', 'completed', [ANCHOVY()]), createdAt: '2026-05-02T01:00:00Z' };
    const days = salesByPeriod([preorder], { from: '2026-05-02', to: '2026-05-09' }, 'day');
    expect(days.find((d) => d.start === '2026-05-02')?.orders).toBe(0);
    expect(days.find((d) => d.start === '2026-05-09')?.orders).toBe(1);
  });

  it('an invalid range reports nothing rather than looping', () => {
    expect(salesByPeriod(orders, { from: '2026-05-02', to: '2026-05-01' }, 'day')).toEqual([]);
    expect(salesByPeriod(orders, { from: '2020-01-01', to: '2026-01-01' }, 'day')).toEqual([]);
  });

  it('totals agree with the periods', () => {
    expect(salesTotal(orders, range)).toEqual({ orders: 5, revenue: 73000 });
  });
});

describe('sales by item', () => {
  it('sums quantity and revenue per item over every option choice, best sellers first', () => {
    const orders = [
      order('2026-05-04', 'completed', [BULGOGI(2, true), ANCHOVY(1)]),
      order('2026-05-05', 'completed', [BULGOGI(1, false)]),
      order('2026-05-05', 'completed', [ANCHOVY(3)]),
      order('2026-05-05', 'accepted', [BULGOGI(10)]),
      order('2026-05-05', 'cancelled', [ANCHOVY(10)]),
    ];
    expect(salesByItem(orders, { from: '2026-05-01', to: '2026-05-31' })).toEqual([
      // 2 × 19,000 + 1 × 12,000
      { itemId: 'bulgogi', name: '소불고기', quantity: 3, revenue: 50000 },
      { itemId: 'anchovy', name: '멸치볶음', quantity: 4, revenue: 20000 },
    ]);
  });

  it('a renamed item stays one row, under its latest name', () => {
    const orders = [
      order('2026-05-06', 'completed', [line('x', '새 이름', 1, 1000)]),
      order('2026-05-04', 'completed', [line('x', '옛 이름', 1, 1000)]),
    ];
    expect(salesByItem(orders, { from: '2026-05-01', to: '2026-05-31' })).toEqual([
      { itemId: 'x', name: '새 이름', quantity: 2, revenue: 2000 },
    ]);
  });

  it('leaves out days outside the range', () => {
    const orders = [
      order('2026-04-30', 'completed', [ANCHOVY()]),
      order('2026-06-01', 'completed', [ANCHOVY()]),
    ];
    expect(salesByItem(orders, { from: '2026-05-01', to: '2026-05-31' })).toEqual([]);
  });
});

describe("a day's totals by payment method", () => {
  it('splits the day’s completed orders by method and paid or not, and keeps open orders apart', () => {
    const day = '2026-05-09';
    const orders = [
      order(day, 'completed', [ANCHOVY(2)], { paid: true }), // counter, paid 10,000
      order(day, 'completed', [BULGOGI(1)], { paid: true }), // counter, paid 12,000
      order(day, 'completed', [ANCHOVY(1)]), // counter, not marked paid 5,000
      order(day, 'completed', [BULGOGI(1, true)], { payment: 'bank_transfer', paid: true }), // 19,000
      order(day, 'completed', [ANCHOVY(3)], { payment: 'bank_transfer' }), // transfer not seen 15,000
      order(day, 'ready', [BULGOGI(2)], { payment: 'bank_transfer', paid: true }), // prepaid, open 24,000
      order(day, 'placed', [ANCHOVY(1)]), // open 5,000
      order(day, 'rejected', [ANCHOVY(50)], { paid: true }),
      order(day, 'cancelled', [ANCHOVY(50)], { payment: 'bank_transfer' }),
      order('2026-05-08', 'completed', [ANCHOVY(50)], { paid: true }), // the day before
    ];
    const t = dayTotals(orders, day);
    expect(t.date).toBe(day);
    expect(t.completed).toEqual({
      methods: [
        {
          method: 'at_pickup',
          paid: { orders: 2, amount: 22000 },
          unpaid: { orders: 1, amount: 5000 },
          total: { orders: 3, amount: 27000 },
        },
        {
          method: 'bank_transfer',
          paid: { orders: 1, amount: 19000 },
          unpaid: { orders: 1, amount: 15000 },
          total: { orders: 2, amount: 34000 },
        },
      ],
      paid: { orders: 3, amount: 41000 },
      unpaid: { orders: 2, amount: 20000 },
      total: { orders: 5, amount: 61000 },
    });
    expect(t.open.methods.map((m) => [m.method, m.paid, m.unpaid])).toEqual([
      ['at_pickup', { orders: 0, amount: 0 }, { orders: 1, amount: 5000 }],
      ['bank_transfer', { orders: 1, amount: 24000 }, { orders: 0, amount: 0 }],
    ]);
    expect(t.open.total).toEqual({ orders: 2, amount: 29000 });
  });

  it('a day without orders has both methods at zero', () => {
    const t = dayTotals([], '2026-05-09');
    expect(t.completed.methods.map((m) => m.method)).toEqual(['at_pickup', 'bank_transfer']);
    expect(t.completed.total).toEqual({ orders: 0, amount: 0 });
    expect(t.open.total).toEqual({ orders: 0, amount: 0 });
  });
});

describe('properties', () => {
  const STATUSES = ORDER_STATUSES as OrderStatus[];
  const arbOrder = fc
    .record({
      day: fc.integer({ min: 0, max: 120 }),
      status: fc.constantFrom(...STATUSES),
      payment: fc.constantFrom<PaymentMethod>('at_pickup', 'bank_transfer'),
      paid: fc.boolean(),
      lines: fc.array(
        fc.record({
          item: fc.constantFrom('a', 'b', 'c'),
          quantity: fc.integer({ min: 1, max: 20 }),
          price: fc.integer({ min: 0, max: 50_000 }),
          delta: fc.integer({ min: 0, max: 10_000 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map((r) =>
      order(
        addDays('2026-01-01', r.day),
        r.status,
        r.lines.map((l) => line(l.item, `메뉴 ${l.item}`, l.quantity, l.price, [l.delta])),
        { payment: r.payment, paid: r.paid },
      ),
    );
  const arbRange = fc
    .record({ start: fc.integer({ min: 0, max: 120 }), length: fc.integer({ min: 1, max: 120 }) })
    .map(({ start, length }) => ({
      from: addDays('2026-01-01', start),
      to: addDays('2026-01-01', start + length - 1),
    }));

  it('whatever the grouping, periods tile the range and sum to the range total', () => {
    fc.assert(
      fc.property(
        fc.array(arbOrder, { maxLength: 40 }),
        arbRange,
        fc.constantFrom<SalesBy>('day', 'week', 'month'),
        (orders, range, by) => {
          const periods = salesByPeriod(orders, range, by);
          expect(periods[0]!.start).toBe(range.from);
          expect(periods.at(-1)!.end).toBe(range.to);
          for (let i = 1; i < periods.length; i++)
            expect(periods[i]!.start).toBe(addDays(periods[i - 1]!.end, 1));
          const total = salesTotal(orders, range);
          expect(periods.reduce((s, p) => s + p.orders, 0)).toBe(total.orders);
          expect(periods.reduce((s, p) => s + p.revenue, 0)).toBe(total.revenue);
          // Items add up to the same money: an order's total is the sum of its lines.
          expect(salesByItem(orders, range).reduce((s, i) => s + i.revenue, 0)).toBe(total.revenue);
        },
      ),
    );
  });

  it("a day's completed totals are that day's sales, and paid + unpaid = total per method", () => {
    fc.assert(
      fc.property(fc.array(arbOrder, { maxLength: 40 }), fc.integer({ min: 0, max: 120 }), (orders, d) => {
        const date = addDays('2026-01-01', d);
        const t = dayTotals(orders, date);
        const sales = salesTotal(orders, { from: date, to: date });
        expect(t.completed.total).toEqual({ orders: sales.orders, amount: sales.revenue });
        for (const b of [t.completed, t.open]) {
          for (const m of [...b.methods, b]) {
            expect(m.paid.orders + m.unpaid.orders).toBe(m.total.orders);
            expect(m.paid.amount + m.unpaid.amount).toBe(m.total.amount);
          }
          expect(b.methods.reduce((s, m) => s + m.total.amount, 0)).toBe(b.total.amount);
        }
      }),
    );
  });
});
