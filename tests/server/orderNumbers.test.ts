import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MutationArgs } from '../../src/protocol/sync';
import { loadMigrations, migrate } from '../../src/server/storage/migrate';
import { drivers, dropTestSchemas } from '../support/drivers';
import { makeSyncShop, newDevice, orderArgs, today, type SyncShop } from '../support/syncWorld';
import { json, startTestApp, type TestApp } from '../support/testApp';

afterAll(dropTestSchemas);

/** One sync client (a customer's phone, or a signed-in tablet) placing orders with its own seq. */
function client(app: FastifyInstance, who: { slug: string; device: string } | { cookie: string }) {
  const clientId = randomUUID();
  let seq = 0;
  const url = 'device' in who ? `/api/s/${who.slug}/push` : '/api/shop/push';
  const headers = 'device' in who ? { 'x-dangol-device': who.device } : { cookie: who.cookie };
  return async (args: MutationArgs<'placeOrder'>): Promise<number | null | undefined> => {
    const res = await json(app, {
      method: 'POST',
      url,
      headers,
      payload: { clientId, mutations: [{ mutationId: randomUUID(), seq: ++seq, name: 'placeOrder', args }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [result] = (
      res.json() as { results: { status: string; code?: string; order?: { number?: number } }[] }
    ).results;
    expect(result?.code ?? result?.status).toBe('applied');
    return result?.order?.number;
  };
}

async function numbersOf(t: TestApp, shopId: string): Promise<{ number: number; day: string }[]> {
  return t.storage.query(
    `select number, number_day::text as day from orders where shop_id = $1 order by number_day, number`,
    [shopId],
  );
}

describe.each(drivers)('migration 015 numbers the orders from before it on $name', (driver) => {
  it("gives each shop's existing orders 1, 2, 3… per Seoul day, in the order they were made", async () => {
    const storage = await driver.open();
    try {
      await migrate(
        storage,
        loadMigrations().filter((m) => m.id < 15),
      );
      const [a, b] = [randomUUID(), randomUUID()];
      for (const [id, slug] of [
        [a, 'old-a'],
        [b, 'old-b'],
      ])
        await storage.query(`insert into shops (id, slug, name, hours) values ($1, $2, $2, '[]')`, [
          id,
          slug,
        ]);
      // 23:50 and 23:55 on the 1st in Seoul, 00:05 on the 2nd (15:05 UTC on the 1st); the other shop apart.
      const orders: [string, string, string][] = [
        [a, 'c', '2026-03-01T14:55:00Z'],
        [a, 'a', '2026-03-01T14:50:00Z'],
        [a, 'd', '2026-03-01T15:05:00Z'],
        [b, 'b', '2026-03-01T14:52:00Z'],
      ];
      const ids = new Map<string, string>();
      for (const [shop, name, at] of orders) {
        const id = randomUUID();
        ids.set(name, id);
        await storage.query(
          `insert into orders (id, shop_id, lines, total, status, fulfilment, date, customer_name, created_at, version)
           values ($1, $2, '[]', 0, 'completed', 'pickup', '2026-03-01', $3, $4, 1)`,
          [id, shop, name, at],
        );
      }
      await migrate(storage);
      const rows = await storage.query<{ customer_name: string; number: number; day: string }>(
        'select customer_name, number, number_day::text as day from orders order by customer_name',
      );
      expect(rows).toEqual([
        { customer_name: 'a', number: 1, day: '2026-03-01' },
        { customer_name: 'b', number: 1, day: '2026-03-01' },
        { customer_name: 'c', number: 2, day: '2026-03-01' },
        { customer_name: 'd', number: 1, day: '2026-03-02' },
      ]);
    } finally {
      await storage.close();
    }
  });
});

describe.each(drivers)('order numbers people can say (issue #16) on $name', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts 1, 2, 3 per shop per day and sends the number to the phone and the tablet', async () => {
    const shop = await makeSyncShop(t);
    const phone = client(t.app, { slug: shop.slug, device: await newDevice(t.app) });
    const tablet = client(t.app, { cookie: shop.ownerCookie });
    expect(await phone(orderArgs(shop.items.plain))).toBe(1);
    expect(await tablet(orderArgs(shop.items.plain))).toBe(2);
    expect(await phone(orderArgs(shop.items.plain))).toBe(3);
    expect(await numbersOf(t, shop.id)).toEqual([1, 2, 3].map((number) => ({ number, day: today() })));

    // A replay of the same order (S1) keeps its number and takes no new one.
    const again = orderArgs(shop.items.plain);
    expect(await phone(again)).toBe(4);
    expect(await phone(again)).toBe(4);

    // Pulled by the shop's tablet (and read by the same schema the phone uses).
    const pulled = await json(t.app, {
      method: 'POST',
      url: '/api/shop/pull',
      cookie: shop.ownerCookie,
      payload: { clientId: randomUUID(), cursor: 0 },
    });
    expect(pulled.statusCode, pulled.body).toBe(200);
    const orders = (pulled.json() as { orders: { number?: number | null }[] }).orders;
    expect(orders.map((o) => o.number).sort()).toEqual([1, 2, 3, 4]);
  });

  it("starts again at 1 on the next shop-local day (Seoul's midnight, not the server's)", async () => {
    const shop = await makeSyncShop(t);
    const phone = client(t.app, { slug: shop.slug, device: await newDevice(t.app) });
    vi.useFakeTimers({ toFake: ['Date'] });
    // 23:50 in Seoul is 14:50 UTC: still the 1st there, whatever zone the server runs in.
    vi.setSystemTime(new Date('2026-03-01T14:50:00Z'));
    const late = orderArgs(shop.items.plain, { date: '2026-03-01' });
    expect(await phone(late)).toBe(1);
    expect(await phone({ ...late, orderId: randomUUID() })).toBe(2);
    // 00:10 in Seoul on the 2nd (15:10 UTC on the 1st): a new day, a new count.
    vi.setSystemTime(new Date('2026-03-01T15:10:00Z'));
    const early = orderArgs(shop.items.plain, { date: '2026-03-02' });
    expect(await phone(early)).toBe(1);
    expect(await phone({ ...early, orderId: randomUUID() })).toBe(2);
    expect(await numbersOf(t, shop.id)).toEqual([
      { number: 1, day: '2026-03-01' },
      { number: 2, day: '2026-03-01' },
      { number: 1, day: '2026-03-02' },
      { number: 2, day: '2026-03-02' },
    ]);
  });

  it("is the day the order was made, not its pickup day: a pre-order takes today's number", async () => {
    const shop = await makeSyncShop(t);
    const phone = client(t.app, { slug: shop.slug, device: await newDevice(t.app) });
    const { addDays } = await import('../../src/domain/schedule');
    expect(await phone(orderArgs(shop.items.plain, { date: addDays(today(), 2), slot: '10:00' }))).toBe(1);
    expect(await phone(orderArgs(shop.items.plain))).toBe(2);
  });

  it('counts each shop on its own', async () => {
    const a = await makeSyncShop(t);
    const b = await makeSyncShop(t);
    const phoneA = client(t.app, { slug: a.slug, device: await newDevice(t.app) });
    const phoneB = client(t.app, { slug: b.slug, device: await newDevice(t.app) });
    expect(await phoneA(orderArgs(a.items.plain))).toBe(1);
    expect(await phoneB(orderArgs(b.items.plain))).toBe(1);
    expect(await phoneA(orderArgs(a.items.plain))).toBe(2);
    expect(await phoneB(orderArgs(b.items.plain))).toBe(2);
  });

  it('S6: gives 20 orders placed at once from 5 phones and a tablet the numbers 1–20, each once', async () => {
    const shop: SyncShop = await makeSyncShop(t, undefined, 100);
    const senders = [
      ...(await Promise.all(
        Array.from({ length: 5 }, async () =>
          client(t.app, { slug: shop.slug, device: await newDevice(t.app) }),
        ),
      )),
      client(t.app, { cookie: shop.ownerCookie }),
    ];
    // Each sender's own orders go one after another (its seq); the senders race each other.
    const perSender = Array.from({ length: senders.length }, (_, i) => (i < 2 ? 4 : 3));
    const got = await Promise.all(
      senders.map(async (send, i) => {
        const mine: (number | null | undefined)[] = [];
        for (let k = 0; k < perSender[i]!; k++) mine.push(await send(orderArgs(shop.items.plain)));
        return mine;
      }),
    );
    const numbers = got.flat();
    expect(numbers).toHaveLength(20);
    expect([...numbers].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await numbersOf(t, shop.id)).map((r) => r.number)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});
