import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOrderLabel } from '../../src/app/useOrderLabels';
import { drivers, dropTestSchemas } from '../support/drivers';
import { startTestApp, type TestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  place,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

/**
 * Issue #16 with real client code: an order written on a device is called by its provisional label
 * until a pull brings the server's copy, which carries the day's number into the device's database.
 */
describe.each(drivers)('order numbers reach the devices (S7) on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  it("provisional on the phone and on the tablet until synced, then both show the server's number", async () => {
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    const counter = device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));
    const first = orderArgs(shop.items.plain);
    const phoneOrder = orderArgs(shop.items.plain);
    await place(counter, first);
    await place(phone, phoneOrder);

    // Only on the devices: no number, a label that says it is provisional.
    const offline = (await phone.db.orders.get(phoneOrder.orderId))!;
    expect(offline.view?.number ?? null).toBeNull();
    expect(localOrderLabel(offline, 'ko')).toMatch(/^임시 [A-Z][0-9A-Z]{3}$/);

    await counter.engine.syncOnce();
    await phone.engine.syncOnce();
    await counter.engine.syncOnce();
    const mine = (await phone.db.orders.get(phoneOrder.orderId))!;
    expect(mine.server?.number).toBe(2);
    expect(localOrderLabel(mine, 'ko')).toBe('2번');
    expect(localOrderLabel((await counter.db.orders.get(first.orderId))!, 'ko')).toBe('1번');
    expect(localOrderLabel((await counter.db.orders.get(phoneOrder.orderId))!, 'en')).toBe('No. 2');
  });
});
