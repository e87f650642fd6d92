import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/client/outbox';
import { addDays } from '../../src/domain/schedule';
import { cancelLapsedTransfers } from '../../src/server/payments/transferSweep';
import type { Storage } from '../../src/server/storage/types';
import type { PokeEvent } from '../../src/server/sync/pokeHub';
import type { MutationArgs } from '../../src/protocol/sync';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, startTestAppWithHub, type TestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  today,
  type Device,
  type SyncShop,
} from '../support/syncWorld';
import type { LocalPokeHub } from '../../src/server/sync/localPokeHub';

afterAll(dropTestSchemas);

const MINUTE = 60_000;
/** The order's share-link secret, as a phone makes it (32 random bytes, base64url). */
const SECRET = randomBytes(32).toString('base64url');

/**
 * Issue #16 (5), S6/S8/S10: an unpaid bank transfer past its deadline is cancelled by the server,
 * like any other status change (the shop's version, the order's status and version, a poke), and the
 * customer's phone and the shop's tablet both learn why. The clock is the sweep's `now`.
 */
describe.each(drivers)('transfer deadline on $name', (driver) => {
  let t: TestApp & { hub: LocalPokeHub };
  let shop: SyncShop;
  let tablet: Device;
  beforeAll(async () => {
    t = await startTestAppWithHub(driver);
  });
  // A shop of its own per test: one test's overdue orders are never another's sweep.
  beforeEach(async () => {
    shop = await makeSyncShop(t);
    await t.storage.query(
      "update shops set bank_transfer = true, bank_account = '우리은행 1002-123-456789' where id = $1",
      [shop.id],
    );
    tablet = device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }), true);
  });
  afterAll(() => t?.close());

  const phone = async () =>
    device(freshDb(), injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }));
  const placed = async (d: Device, extra: Partial<MutationArgs<'placeOrder'>>) => {
    const args = orderArgs(shop.items.plain, { payment: 'bank_transfer', ...extra });
    await enqueue(d.db, 'placeOrder', args);
    await d.engine.syncOnce();
    const order = (await d.db.orders.get(args.orderId))?.server;
    if (!order) throw new Error('the order did not reach the server');
    return order;
  };
  const row = async (id: string) =>
    (
      await t.storage.query<{ status: string; paid_at: Date | null; cancel_reason: string | null }>(
        'select status, paid_at, cancel_reason from orders where id = $1',
        [id],
      )
    )[0]!;
  const setDeadline = (minutes: number) =>
    json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: shop.ownerCookie,
      payload: { transferDeadlineMinutes: minutes },
    });

  it('S10 #16: a pre-order gets its deadline from the setting when placed; a later change does not move it', async () => {
    expect((await setDeadline(120)).statusCode).toBe(200);
    const d = await phone();
    const order = await placed(d, { date: addDays(today(), 3), slot: '10:00' });
    const given = Date.parse(order.payBy!) - Date.parse(order.createdAt);
    expect(Math.abs(given - 120 * MINUTE)).toBeLessThan(MINUTE);
    expect((await setDeadline(24 * 60)).statusCode).toBe(200);
    await d.engine.syncOnce();
    expect((await d.db.orders.get(order.id))?.server?.payBy).toBe(order.payBy);
    // Out of bounds: refused with the field named (a deadline of 5 minutes leaves no time to pay).
    expect((await setDeadline(5)).statusCode).toBe(400);
  });

  it('S6 S8 S10 #16: an unpaid transfer past its deadline is cancelled; the phone and the shop pull the reason', async () => {
    const d = await phone();
    const order = await placed(d, { date: addDays(today(), 3), slot: '10:00', shareSecret: SECRET });
    const payBy = new Date(order.payBy!);
    // Other tests' shops may have overdue orders too: the sweep is for every shop.
    expect(await cancelLapsedTransfers(t.storage, t.hub, new Date(payBy.getTime() - MINUTE))).not.toContain(
      order.id,
    );
    await tablet.engine.syncOnce();
    const [{ version: before }] = (await t.storage.query<{ version: number }>(
      'select version from shops where id = $1',
      [shop.id],
    )) as [{ version: number }];

    const pokes: PokeEvent[] = [];
    const unsubscribe = t.hub.subscribe(shop.id, (e) => pokes.push(e));
    const cancelled = await cancelLapsedTransfers(t.storage, t.hub, new Date(payBy.getTime() + 1000));
    unsubscribe();
    expect(cancelled).toContain(order.id);
    expect(await row(order.id)).toMatchObject({ status: 'cancelled', cancel_reason: 'transfer_deadline' });
    // The shop's next version, on the order and in the poke to its customer's device and the shop.
    expect(pokes).toEqual([
      expect.objectContaining({ version: before + 1, deviceIds: [expect.any(String)], public: false }),
    ]);

    await d.engine.syncOnce();
    const mine = (await d.db.orders.get(order.id))?.server;
    expect(mine).toMatchObject({
      status: 'cancelled',
      cancelReason: 'transfer_deadline',
      payBy: order.payBy,
    });
    expect(mine?.version).toBe(before + 1);
    await tablet.engine.syncOnce();
    expect((await tablet.db.orders.get(order.id))?.server).toMatchObject({
      status: 'cancelled',
      cancelReason: 'transfer_deadline',
    });
    // Someone holding the order's share link (the family collecting it) sees why, too.
    const shared = await json(t.app, {
      method: 'POST',
      url: `/api/s/${shop.slug}/shared-order`,
      payload: { orderId: order.id, secret: SECRET },
    });
    expect(shared.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'transfer_deadline',
      payBy: order.payBy,
    });
    // Swept again: nothing more happens (no second cancellation, no empty version).
    expect(await cancelLapsedTransfers(t.storage, t.hub, new Date(payBy.getTime() + 1000))).not.toContain(
      order.id,
    );
  });

  it('#16: a paid transfer, a pay-at-pickup order and a ready order are never cancelled for a deadline', async () => {
    const d = await phone();
    const paid = await placed(d, { date: addDays(today(), 2), slot: '10:00' });
    const atPickup = await placed(d, { payment: 'at_pickup', date: addDays(today(), 2), slot: '10:00' });
    const ready = await placed(d, { date: today(), slot: null });
    expect(atPickup.payBy ?? null).toBeNull();
    await tablet.engine.syncOnce();
    await enqueue(tablet.db, 'markPaid', { orderId: paid.id, paid: true });
    await enqueue(tablet.db, 'acceptOrder', { orderId: ready.id, from: 'placed', prepMinutes: 10 });
    await enqueue(tablet.db, 'markReady', { orderId: ready.id, from: 'accepted' });
    await tablet.engine.syncOnce();

    const farFuture = new Date(Date.now() + 10 * 24 * 60 * MINUTE);
    const cancelled = await cancelLapsedTransfers(t.storage, t.hub, farFuture);
    for (const o of [paid, atPickup, ready]) expect(cancelled).not.toContain(o.id);
    expect((await row(paid.id)).status).toBe('placed');
    expect((await row(atPickup.id)).status).toBe('placed');
    expect((await row(ready.id)).status).toBe('ready');
  });

  it('#16: the sweep first, then the shop marks it paid: refused, the order stays cancelled and unpaid', async () => {
    const d = await phone();
    const order = await placed(d, { date: addDays(today(), 2), slot: '10:00' });
    await tablet.engine.syncOnce();
    await cancelLapsedTransfers(t.storage, t.hub, new Date(Date.parse(order.payBy!) + 1000));
    await enqueue(tablet.db, 'markPaid', { orderId: order.id, paid: true });
    await tablet.engine.syncOnce();
    expect((await tablet.db.orders.get(order.id))?.rejection?.code).toBe('invalid_transition');
    expect(await row(order.id)).toMatchObject({ status: 'cancelled', paid_at: null });
  });

  it('#16: markPaid lands between the sweep finding an order and cancelling it: paid and open, never both', async () => {
    const d = await phone();
    const order = await placed(d, { date: addDays(today(), 2), slot: '10:00' });
    await tablet.engine.syncOnce();
    // The sweep's transaction waits at its start until the shop's markPaid has committed.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = t.storage;
    const gated: Storage = {
      driver: real.driver,
      query: (sql, params) => real.query(sql, params),
      exec: (sql) => real.exec(sql),
      transaction: async (fn) => {
        await gate;
        return real.transaction(fn);
      },
      ping: () => real.ping(),
      close: () => real.close(),
    };
    const sweep = cancelLapsedTransfers(gated, t.hub, new Date(Date.parse(order.payBy!) + 1000));
    await new Promise((r) => setTimeout(r, 50)); // the sweep has read its candidates
    await enqueue(tablet.db, 'markPaid', { orderId: order.id, paid: true });
    await tablet.engine.syncOnce();
    release();
    expect(await sweep).not.toContain(order.id);
    const after = await row(order.id);
    expect(after.status).toBe('placed');
    expect(after.paid_at).not.toBeNull();
  });

  it('#16: sweeps and payments at once leave each order either paid and open or cancelled and unpaid', async () => {
    const d = await phone();
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await placed(d, { date: addDays(today(), 2), slot: '11:00' }));
    await tablet.engine.syncOnce();
    for (const o of orders) await enqueue(tablet.db, 'markPaid', { orderId: o.id, paid: true });
    const late = new Date(Math.max(...orders.map((o) => Date.parse(o.payBy!))) + 1000);
    await Promise.all([tablet.engine.syncOnce(), cancelLapsedTransfers(t.storage, t.hub, late)]);
    for (const o of orders) {
      const r = await row(o.id);
      if (r.status === 'cancelled') expect(r.paid_at).toBeNull();
      else expect(r.paid_at).not.toBeNull();
    }
  });
});
