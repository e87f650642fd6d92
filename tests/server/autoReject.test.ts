import { afterAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/client/outbox';
import { AUTO_REJECT_REASON } from '../../src/domain/orderAlerts';
import { buildApp } from '../../src/server/buildApp';
import { rejectUnanswered } from '../../src/server/jobs/autoReject';
import { orderPayload, type PushNotifier } from '../../src/server/push/notify';
import { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import { drivers, dropTestSchemas } from '../support/drivers';
import { startTestApp } from '../support/testApp';
import {
  ALWAYS_OPEN,
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

const MINUTE = 60_000;
const CLOSED_ALL_WEEK = JSON.stringify(Array.from({ length: 7 }, () => []));

/** Issue #17: an order nobody answered in the shop's set minutes is rejected by the server, with its reason. */
describe.each(drivers)('auto-reject on $name', (driver) => {
  it('the server rejects an unanswered order on its clock — only in opening time — and the phone reads why', async () => {
    const t = await startTestApp(driver);
    const shop = await makeSyncShop(t);
    await t.storage.query('update shops set auto_reject_minutes = 10 where id = $1', [shop.id]);
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    const args = orderArgs(shop.items.plain);
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    const hub = new LocalPokeHub();
    const row = async () =>
      (
        await t.storage.query<{ status: string; cancel_reason: string | null }>(
          'select status, cancel_reason from orders where id = $1',
          [args.orderId],
        )
      )[0];

    // Nine minutes on: not yet.
    expect(await rejectUnanswered(t.storage, hub, new Date(Date.now() + 9 * MINUTE))).toEqual([]);
    // Eleven minutes on, but the shop is closed then: nobody could have answered, so nothing happens.
    await t.storage.query('update shops set hours = $2 where id = $1', [shop.id, CLOSED_ALL_WEEK]);
    expect(await rejectUnanswered(t.storage, hub, new Date(Date.now() + 11 * MINUTE))).toEqual([]);
    expect((await row())?.status).toBe('placed');
    await t.storage.query('update shops set hours = $2 where id = $1', [
      shop.id,
      JSON.stringify(ALWAYS_OPEN),
    ]);

    // A second app on the same database, its clock eleven minutes ahead, running every 20 ms.
    const told: [string, string][] = [];
    const pushNotifier = {
      vapidKeys: async () => ({ publicKey: '', privateKey: '' }),
      mutationApplied: (name: string, orderId: string) => told.push([name, orderId]),
    } as unknown as PushNotifier;
    let runs = 0;
    const app = await buildApp({
      storage: t.storage,
      config: t.config,
      logger: false,
      pokeHub: new LocalPokeHub(),
      pushNotifier,
      transferSweep: false,
      autoReject: { intervalMs: 20, now: () => (runs++, new Date(Date.now() + 11 * MINUTE)) },
    });
    await app.ready();
    for (let i = 0; i < 100 && (await row())?.status !== 'rejected'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await row()).toEqual({ status: 'rejected', cancel_reason: AUTO_REJECT_REASON });
    expect(told).toEqual([['autoReject', args.orderId]]);
    await app.close();
    const after = runs;
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(after);

    // The customer's phone pulls the rejection and its reason (S6: it came with a version bump).
    await phone.engine.syncOnce();
    const local = await phone.db.orders.get(args.orderId);
    expect(local?.server?.status).toBe('rejected');
    expect(local?.server?.cancelReason).toBe(AUTO_REJECT_REASON);
    await t.close();
  });

  it('an order the shop answered, or typed in itself, is never auto-rejected; nor when the setting is off', async () => {
    const t = await startTestApp(driver);
    const shop = await makeSyncShop(t);
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    const args = orderArgs(shop.items.plain);
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    const later = new Date(Date.now() + 60 * MINUTE);
    const hub = new LocalPokeHub();
    // Off by default.
    expect(await rejectUnanswered(t.storage, hub, later)).toEqual([]);
    await t.storage.query('update shops set auto_reject_minutes = 10 where id = $1', [shop.id]);
    // A phone order the shop typed in has no customer device: the shop has seen it.
    await t.storage.query('update orders set device_id = null where id = $1', [args.orderId]);
    expect(await rejectUnanswered(t.storage, hub, later)).toEqual([]);
    await t.storage.query("update orders set status = 'accepted' where id = $1", [args.orderId]);
    await t.storage.query('update orders set device_id = (select id from devices limit 1) where id = $1', [
      args.orderId,
    ]);
    expect(await rejectUnanswered(t.storage, hub, later)).toEqual([]);
    await t.close();
  });

  it('the notification says the shop did not confirm in time, in Korean and English', () => {
    const order = {
      id: 'o1',
      status: 'rejected',
      reject_reason: null,
      cancel_reason: AUTO_REJECT_REASON,
      slug: 'uri-banchan',
      shop_name: '우리동네 반찬가게',
    } as unknown as Parameters<typeof orderPayload>[0];
    expect(orderPayload(order, 'ko')?.body).toContain('가게가 제때 주문을 확인하지 못해 자동으로 취소됐어요');
    expect(orderPayload(order, 'en')?.body).toContain('did not confirm your order in time');
  });
});
