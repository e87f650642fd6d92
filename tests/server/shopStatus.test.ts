import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/client/outbox';
import type { Schedule } from '../../src/domain/schedule';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, startTestApp, type TestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  place,
  today,
  tomorrowSlot,
  type Device,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

/**
 * Issue #17 (4): the counter's levers, enforced by the server with the same codes the phone checks
 * first (domain/pickupOptions customerTimeProblem): paused, closed today, and the kitchen-load cap.
 */
describe.each(drivers)('busy, pause, close and kitchen load on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  const customer = async (): Promise<Device> =>
    device(freshDb(), injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }));
  const tablet = (): Device => device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));
  /** Places on a fresh phone and syncs; the code it was refused with, or null when placed. */
  const phoneOrders = async (args = orderArgs(shop.items.plain)) => {
    const phone = await customer();
    await place(phone, args);
    await phone.engine.syncOnce();
    return (await phone.db.orders.get(args.orderId))?.rejection?.code ?? null;
  };
  const setStatus = async (counter: Device, args: Parameters<typeof enqueue<'setShopStatus'>>[2]) => {
    await enqueue(counter.db, 'setShopStatus', args);
    await counter.engine.syncOnce();
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  it('a paused shop refuses customers with shop_paused, takes its own phone order, and reopens', async () => {
    const counter = tablet();
    await setStatus(counter, { pause: { until: null } });
    expect(await phoneOrders()).toBe('shop_paused');
    expect(await phoneOrders(orderArgs(shop.items.plain, tomorrowSlot()))).toBe('shop_paused');

    // The phone learns it at its next pull, to show it before anyone builds a cart.
    const phone = await customer();
    await phone.engine.pullAll();
    expect((await phone.db.getMeta<Schedule>('schedule'))?.pause).toEqual({ until: null });

    // The owner still takes a regular's call.
    const own = orderArgs(shop.items.plain);
    await place(counter, own);
    await counter.engine.syncOnce();
    expect((await counter.db.orders.get(own.orderId))?.server?.status).toBe('placed');

    await setStatus(counter, { pause: false });
    expect(await phoneOrders()).toBeNull();
  });

  it('a pause until an instant ends by itself', async () => {
    const counter = tablet();
    await setStatus(counter, { pause: { until: new Date(Date.now() - 1000).toISOString() } });
    expect(await phoneOrders()).toBeNull();
    await setStatus(counter, { pause: { until: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(await phoneOrders()).toBe('shop_paused');
    await setStatus(counter, { pause: false });
  });

  it('closing today refuses today (now and slots) and keeps later days; reopening takes today again', async () => {
    const counter = tablet();
    await setStatus(counter, { closedToday: true });
    expect(await phoneOrders()).toBe('shop_closed');
    expect(await phoneOrders(orderArgs(shop.items.plain, tomorrowSlot()))).toBeNull();
    await setStatus(counter, { closedToday: false });
    expect(await phoneOrders()).toBeNull();
  });

  it('busy is stored for today and reaches the phone; "back to normal" clears it', async () => {
    const counter = tablet();
    await setStatus(counter, { busyMinutes: 15 });
    const phone = await customer();
    await phone.engine.pullAll();
    expect((await phone.db.getMeta<Schedule>('schedule'))?.busy).toEqual({ minutes: 15, date: today() });
    await setStatus(counter, { busyMinutes: 0 });
    await phone.engine.pullAll();
    expect((await phone.db.getMeta<Schedule>('schedule'))?.busy).toBeNull();
  });

  it('a shop that pauses when no device is connected refuses customers while away, and only then', async () => {
    const patch = (payload: object) =>
      json(t.app, { method: 'PATCH', url: '/api/shop/settings', cookie: shop.ownerCookie, payload });
    expect((await patch({ pauseWhenAway: true })).statusCode).toBe(200);
    // No shop device has pulled for an hour (the always-open test shop is open now).
    await t.storage.query(`update shops set shop_seen_at = now() - interval '1 hour' where id = $1`, [
      shop.id,
    ]);
    expect(await phoneOrders()).toBe('shop_paused');
    const res = await json(t.app, { method: 'GET', url: `/api/shops/${shop.slug}` });
    expect(res.json()).toMatchObject({ shopAway: true, schedule: { pauseWhenAway: true } });
    // A device is back: orders flow again, with no one reopening anything.
    await t.storage.query('update shops set shop_seen_at = now() where id = $1', [shop.id]);
    expect(await phoneOrders()).toBeNull();
    // With the setting off, an away shop only warns.
    await t.storage.query(`update shops set shop_seen_at = now() - interval '1 hour' where id = $1`, [
      shop.id,
    ]);
    expect((await patch({ pauseWhenAway: false })).statusCode).toBe(200);
    expect(await phoneOrders()).toBeNull();
    await t.storage.query('update shops set shop_seen_at = now() where id = $1', [shop.id]);
  });

  it('kitchen load, property: never more than N "now" orders per 15-minute window, across devices and replays', async () => {
    const cap = 3;
    const throttled = await makeSyncShop(t);
    await t.storage.query('update shops set now_capacity = $2 where id = $1', [throttled.id, cap]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ replay: fc.boolean(), parallel: fc.boolean() }), { minLength: 1, maxLength: 9 }),
        async (ops) => {
          // Each run starts with an empty kitchen: earlier runs' orders cancelled (they hold no room).
          const run = throttled;
          await t.storage.query(`update orders set status = 'cancelled' where shop_id = $1`, [run.id]);
          const sent: { device: string; body: object }[] = [];
          const push = async (p: { device: string; body: object }) => {
            const res = await json(t.app, {
              method: 'POST',
              url: `/api/s/${run.slug}/push`,
              headers: { 'x-dangol-device': p.device },
              payload: p.body,
            });
            expect(res.statusCode, res.body).toBe(200);
            const [result] = (res.json() as { results: { status: string; code?: string }[] }).results;
            return result!;
          };
          const fresh = async () => {
            const body = {
              clientId: randomUUID(),
              mutations: [
                { mutationId: randomUUID(), seq: 1, name: 'placeOrder', args: orderArgs(run.items.plain) },
              ],
            };
            return { device: await newDevice(t.app), body };
          };
          // Ops run in batches: a "parallel" op joins the batch of the one before it (racing devices).
          const batches: (typeof ops)[] = [];
          for (const op of ops) {
            if (op.parallel && batches.length > 0) batches.at(-1)!.push(op);
            else batches.push([op]);
          }
          for (const batch of batches) {
            const results = await Promise.all(
              batch.map(async (op) => {
                // A replay resends an earlier push exactly (same client, seq, mutation): S1/S4 dedupe.
                const p = op.replay && sent.length > 0 ? sent[sent.length - 1]! : await fresh();
                if (!sent.includes(p)) sent.push(p);
                return push(p);
              }),
            );
            for (const r of results) expect(r.code ?? r.status).toMatch(/^(applied|kitchen_full)$/);
          }
          const windows = await t.storage.query<{ n: number }>(
            `select count(*)::int as n from orders
              where shop_id = $1 and slot is null and status not in ('rejected', 'cancelled')
              group by date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00')`,
            [run.id],
          );
          for (const w of windows) expect(w.n).toBeLessThanOrEqual(cap);
          // And the cap is a cap, not a wall: the first N distinct orders of a window went through.
          const distinct = new Set(sent.map((p) => p)).size;
          expect(windows.reduce((a, w) => a + w.n, 0)).toBeGreaterThanOrEqual(Math.min(cap, distinct));
        },
      ),
      { numRuns: 6 },
    );
  });
});
