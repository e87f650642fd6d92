import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/client/outbox';
import { drivers, dropTestSchemas } from '../support/drivers';
import { startTestApp, type TestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

/** A bank transfer the shop confirms: the shop records it, the customer's phone sees it; only the shop may. */
describe.each(drivers)('payments on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
    await t.storage.query(
      "update shops set bank_transfer = true, bank_account = '우리은행 1002-1' where id = $1",
      [shop.id],
    );
  });
  afterAll(() => t?.close());

  it('a transfer confirmed on the tablet shows as paid on the phone; the phone cannot mark it paid', async () => {
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    const tablet = device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }), true);
    const args = orderArgs(shop.items.plain, { payment: 'bank_transfer' });
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    await enqueue(phone.db, 'markPaid', { orderId: args.orderId, paid: true });
    await phone.engine.syncOnce();
    expect((await phone.db.orders.get(args.orderId))?.rejection?.code).toBe('forbidden');

    await tablet.engine.syncOnce();
    await enqueue(tablet.db, 'markPaid', { orderId: args.orderId, paid: true });
    expect((await tablet.db.orders.get(args.orderId))?.view?.paidAt).not.toBeNull();
    await tablet.engine.syncOnce();
    await phone.engine.syncOnce();
    const seen = await phone.db.orders.get(args.orderId);
    expect(seen?.server?.payment).toBe('bank_transfer');
    expect(seen?.server?.paidAt).not.toBeNull();
  });

  it('refuses a payment method the shop does not take', async () => {
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    await t.storage.query('update shops set bank_transfer = false where id = $1', [shop.id]);
    const args = orderArgs(shop.items.plain, { payment: 'bank_transfer' });
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    expect((await phone.db.orders.get(args.orderId))?.rejection?.code).toBe('payment_unavailable');
    expect(await t.storage.query('select 1 from orders where id = $1', [args.orderId])).toEqual([]);
  });
});
