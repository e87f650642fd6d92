import { afterAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/client/outbox';
import { addDays } from '../../src/domain/schedule';
import { buildApp } from '../../src/server/buildApp';
import { TransferSweeper } from '../../src/server/payments/transferSweeper';
import { orderPayload, type PushNotifier } from '../../src/server/push/notify';
import type { Storage } from '../../src/server/storage/types';
import { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import { drivers, dropTestSchemas } from '../support/drivers';
import { startTestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  today,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

const quiet = { warn: () => {} };
const DAY = 24 * 60 * 60_000;

/** Issue #16 (5): the periodic job — runs by itself, never two sweeps at once, gone when the app closes. */
describe.each(drivers)('transfer sweeper on $name', (driver) => {
  it('the server sweeps by itself on its clock, and stops sweeping when it closes', async () => {
    const t = await startTestApp(driver);
    const shop = await makeSyncShop(t);
    await t.storage.query("update shops set bank_transfer = true, bank_account = '국민 1' where id = $1", [
      shop.id,
    ]);
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    const args = orderArgs(shop.items.plain, {
      payment: 'bank_transfer',
      date: addDays(today(), 2),
      slot: '10:00',
    });
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    // A second app on the same database, its clock four days ahead, sweeping every 20 ms.
    let sweeps = 0;
    // The customer hears of it by Web Push too (the notifier's own sends are tested in webPush.test).
    const told: [string, string][] = [];
    const pushNotifier = {
      vapidKeys: async () => ({ publicKey: '', privateKey: '' }),
      mutationApplied: (name: string, orderId: string) => told.push([name, orderId]),
    } as unknown as PushNotifier;
    const app = await buildApp({
      storage: t.storage,
      config: t.config,
      logger: false,
      pokeHub: new LocalPokeHub(),
      pushNotifier,
      transferSweep: { intervalMs: 20, now: () => (sweeps++, new Date(Date.now() + 4 * DAY)) },
    });
    await app.ready();
    const status = async () =>
      (
        await t.storage.query<{ status: string }>('select status from orders where id = $1', [args.orderId])
      )[0]?.status;
    for (let i = 0; i < 100 && (await status()) !== 'cancelled'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await status()).toBe('cancelled');
    expect(told).toEqual([['transferDeadline', args.orderId]]);
    await app.close();
    const after = sweeps;
    await new Promise((r) => setTimeout(r, 100));
    expect(sweeps).toBe(after);
    await t.close();
  });

  it('a sweep asked for while one runs is that same sweep; stop() waits for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let queries = 0;
    const storage = {
      query: async () => {
        queries++;
        await gate;
        return [];
      },
    } as unknown as Storage;
    const sweeper = new TransferSweeper({ storage, hub: new LocalPokeHub(), log: quiet });
    const first = sweeper.sweep();
    const second = sweeper.sweep();
    expect(second).toBe(first);
    let stopped = false;
    const stopping = sweeper.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(queries).toBe(1);
  });

  it('#16: the notification says the transfer deadline passed, in Korean and English', () => {
    const order = {
      id: 'o1',
      status: 'cancelled',
      cancel_reason: 'transfer_deadline',
      slug: 'uri-banchan',
      shop_name: '우리동네 반찬가게',
    } as unknown as Parameters<typeof orderPayload>[0];
    expect(orderPayload(order, 'ko')?.body).toContain('입금 기한이 지나 주문이 취소됐어요');
    expect(orderPayload(order, 'en')?.body).toContain('transfer deadline passed');
  });
});
