import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/schedule';
import { weekStart } from '../../src/domain/sales';
import { drivers, dropTestSchemas } from '../support/drivers';
import { customerPusher, placeOrder, shopPusher, type Pusher } from '../support/shopOrders';
import { makeSyncShop, today, type SyncShop } from '../support/syncWorld';
import { json, startTestApp, type TestApp } from '../support/testApp';
import { inviteToken, PASSWORD } from '../support/world';

afterAll(dropTestSchemas);

/**
 * The owner's figures over the real routes, against sums worked out by hand below. Orders are placed
 * by customers' phones and moved along by the shop through the sync API, as on a real day.
 *
 * Prices (makeSyncShop): 멸치볶음 ₩5,000; 불고기 ₩12,000, 500g +₩7,000; 갈비찜 ₩18,000.
 *
 * Day D (today):
 *   A 멸치볶음×2            ₩10,000  at pickup     completed, paid
 *   B 불고기 500g×1         ₩19,000  at pickup     completed, unpaid
 *   C 멸치볶음×1 + 불고기 300g ₩17,000  bank transfer completed, paid
 *   D 갈비찜×1              ₩18,000  bank transfer accepted, paid  (open)
 *   E 멸치볶음×1            ₩5,000   at pickup     placed          (open)
 *   F 멸치볶음×3            ₩15,000  at pickup     cancelled       (nothing)
 *   G 멸치볶음×1            ₩5,000   at pickup     rejected        (nothing)
 * Day D+1:
 *   H 불고기 300g×2         ₩24,000  at pickup     completed, paid
 */
describe.each(drivers)('sales routes on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  let staffCookie: string;
  const D = today();
  const D1 = addDays(D, 1);

  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
    const settings = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: shop.ownerCookie,
      payload: { bankTransfer: true, bankAccount: '단골은행 123-456' },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const joined = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token: await inviteToken(t, shop.ownerCookie), username: 'staff', password: PASSWORD },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    staffCookie = joined.headers['set-cookie']!.toString().split(';')[0]!;

    const phone = await customerPusher(t.app, shop.slug);
    const till: Pusher = await shopPusher(t.app, {
      slug: shop.slug,
      username: 'owner',
      password: 'owner password',
    });
    const { plain, sized, limited } = shop.items;
    const line = (itemId: string, quantity: number, optionIds: string[] = []) => ({
      itemId,
      quantity,
      optionIds,
    });
    const bank = { payment: 'bank_transfer' as const };
    const orders = {
      A: placeOrder({ date: D, lines: [line(plain, 2)] }),
      B: placeOrder({ date: D, lines: [line(sized, 1, ['l'])] }),
      C: placeOrder({ date: D, lines: [line(plain, 1), line(sized, 1, ['s'])], ...bank }),
      D: placeOrder({ date: D, lines: [line(limited, 1)], ...bank }),
      E: placeOrder({ date: D, lines: [line(plain, 1)] }),
      F: placeOrder({ date: D, lines: [line(plain, 3)] }),
      G: placeOrder({ date: D, lines: [line(plain, 1)] }),
      H: placeOrder({ date: D1, slot: '10:00', lines: [line(sized, 2, ['s'])] }),
    };
    await phone.push(...Object.values(orders));
    const id = (k: keyof typeof orders) => orders[k].args.orderId;
    // `from`: the status each change expects to find (S10).
    // A "now" order is accepted with prep minutes; an order for a slot is confirmed for it (#16).
    const handOver = (k: keyof typeof orders) =>
      orders[k].args.slot === null
        ? ([
            { name: 'acceptOrder', args: { orderId: id(k), from: 'placed', prepMinutes: 10 } },
            { name: 'markReady', args: { orderId: id(k), from: 'accepted' } },
            { name: 'completeOrder', args: { orderId: id(k), from: 'ready' } },
          ] as const)
        : ([
            { name: 'confirmOrder', args: { orderId: id(k), from: 'placed' } },
            { name: 'markReady', args: { orderId: id(k), from: 'confirmed' } },
            { name: 'completeOrder', args: { orderId: id(k), from: 'ready' } },
          ] as const);
    const paid = (k: keyof typeof orders) => ({
      name: 'markPaid' as const,
      args: { orderId: id(k), paid: true },
    });
    await till.push(...handOver('A'), paid('A'), ...handOver('B'), ...handOver('C'), paid('C'));
    await till.push(
      { name: 'acceptOrder', args: { orderId: id('D'), from: 'placed', prepMinutes: 10 } },
      paid('D'),
      { name: 'rejectOrder', args: { orderId: id('G'), from: 'placed', reason: '재료 소진' } },
      ...handOver('H'),
      paid('H'),
    );
    await phone.push({ name: 'cancelOrder', args: { orderId: id('F'), from: 'placed' } });
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, cookie = shop.ownerCookie) =>
    json(t.app, { method: 'POST', url, cookie, payload });

  it('reports sales by day: completed orders only, by pickup date, with quiet days as zero', async () => {
    const res = await post('/api/shop/sales', { from: D, to: addDays(D, 2), by: 'day' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(body.periods).toEqual([
      { start: D, end: D, orders: 3, revenue: 10_000 + 19_000 + 17_000 },
      { start: D1, end: D1, orders: 1, revenue: 24_000 },
      { start: addDays(D, 2), end: addDays(D, 2), orders: 0, revenue: 0 },
    ]);
    expect(body.total).toEqual({ orders: 4, revenue: 70_000 });
    expect(body.timeZone).toBe('Asia/Seoul');
  });

  it('reports sales by item, options summed into the item, best seller first', async () => {
    const res = await post('/api/shop/sales', { from: D, to: D1, by: 'month' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: unknown[]; periods: { revenue: number }[] };
    expect(body.items).toEqual([
      { itemId: shop.items.sized, name: '불고기', quantity: 1 + 1 + 2, revenue: 19_000 + 12_000 + 24_000 },
      { itemId: shop.items.plain, name: '멸치볶음', quantity: 2 + 1, revenue: 10_000 + 5_000 },
    ]);
    // One month, or two when D is the month's last day.
    const sameMonth = D.slice(0, 7) === D1.slice(0, 7);
    expect(body.periods.map((p) => p.revenue)).toEqual(sameMonth ? [70_000] : [46_000, 24_000]);
  });

  it('reports sales by week, Monday to Sunday', async () => {
    const res = await post('/api/shop/sales', { from: D, to: D1, by: 'week' });
    const body = res.json() as { periods: unknown[] };
    const sameWeek = weekStart(D) === weekStart(D1);
    expect(body.periods).toEqual(
      sameWeek
        ? [{ start: D, end: D1, orders: 4, revenue: 70_000 }]
        : [
            { start: D, end: D, orders: 3, revenue: 46_000 },
            { start: D1, end: D1, orders: 1, revenue: 24_000 },
          ],
    );
  });

  it("gives a day's totals by payment method, paid or not, and keeps open orders apart", async () => {
    const res = await post('/api/shop/sales/day', { date: D });
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json() as Record<string, unknown>;
    const tally = (orders: number, amount: number) => ({ orders, amount });
    expect(day.completed).toEqual({
      methods: [
        {
          method: 'at_pickup',
          paid: tally(1, 10_000),
          unpaid: tally(1, 19_000),
          total: tally(2, 29_000),
        },
        {
          method: 'bank_transfer',
          paid: tally(1, 17_000),
          unpaid: tally(0, 0),
          total: tally(1, 17_000),
        },
      ],
      paid: tally(2, 27_000),
      unpaid: tally(1, 19_000),
      total: tally(3, 46_000),
    });
    expect(day.open).toEqual({
      methods: [
        { method: 'at_pickup', paid: tally(0, 0), unpaid: tally(1, 5_000), total: tally(1, 5_000) },
        {
          method: 'bank_transfer',
          paid: tally(1, 18_000),
          unpaid: tally(0, 0),
          total: tally(1, 18_000),
        },
      ],
      paid: tally(1, 18_000),
      unpaid: tally(1, 5_000),
      total: tally(2, 23_000),
    });
  });

  it('lists every order in the range, any status, for the orders CSV', async () => {
    const res = await post('/api/shop/sales/orders', { from: D, to: D1 });
    expect(res.statusCode, res.body).toBe(200);
    const { orders } = res.json() as { orders: { status: string; date: string; total: number }[] };
    expect(orders.map((o) => o.status).sort()).toEqual(
      [
        'accepted',
        'cancelled',
        'completed',
        'completed',
        'completed',
        'completed',
        'placed',
        'rejected',
      ].sort(),
    );
    // By pickup date: day D first.
    expect(orders.map((o) => o.date)).toEqual([D, D, D, D, D, D, D, D1]);
    const only = await post('/api/shop/sales/orders', { from: D1, to: D1 });
    expect((only.json() as { orders: { total: number }[] }).orders.map((o) => o.total)).toEqual([24_000]);
  });

  it('refuses a reversed range, a range over a year, and a date the database cannot hold, with codes', async () => {
    const reversed = await post('/api/shop/sales', { from: D1, to: D, by: 'day' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'sales_range_invalid', message: expect.any(String) });
    const long = await post('/api/shop/sales/orders', { from: D, to: addDays(D, 366) });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'sales_range_too_long' });
    // Year zero is a valid ISO date, but not a PostgreSQL one: a 4xx, never a 500.
    for (const [url, payload] of [
      ['/api/shop/sales/day', { date: '0000-01-01' }],
      ['/api/shop/sales', { from: '0000-01-01', to: '0000-01-02', by: 'day' }],
      ['/api/shop/sales/orders', { from: '0000-12-31', to: '0001-01-01' }],
    ] as const) {
      const res = await post(url, payload);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'sales_range_invalid', message: expect.any(String) });
    }
  });

  it('staff are refused every sales route and the backup (owner only)', async () => {
    for (const [url, payload] of [
      ['/api/shop/sales', { from: D, to: D, by: 'day' }],
      ['/api/shop/sales/day', { date: D }],
      ['/api/shop/sales/orders', { from: D, to: D }],
    ] as const) {
      const res = await post(url, payload, staffCookie);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'owner_only' });
    }
    const backup = await json(t.app, { method: 'GET', url: '/api/shop/backup', cookie: staffCookie });
    expect(backup.statusCode).toBe(403);
  });

  it("another shop's owner sees none of these figures", async () => {
    const other = await makeSyncShop(t, `other-${randomUUID().slice(0, 6)}`);
    const res = await post('/api/shop/sales', { from: D, to: D1, by: 'day' }, other.ownerCookie);
    expect((res.json() as { total: unknown }).total).toEqual({ orders: 0, revenue: 0 });
    const orders = await post('/api/shop/sales/orders', { from: D, to: D1 }, other.ownerCookie);
    expect((orders.json() as { orders: unknown[] }).orders).toEqual([]);
  });
});
