import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueOf, enqueue } from '../../src/client/outbox';
import { decodeHandoff, encodeHandoff } from '../../src/protocol/handoff';
import type { MutationArgs } from '../../src/protocol/sync';
import { drivers, dropTestSchemas } from '../support/drivers';
import { FaultyTransport, RELIABLE } from '../support/faultyTransport';
import { startTestApp, type TestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  type Device,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

/**
 * The outage path end to end with real client code: a phone that cannot reach the server hands its
 * order over by text message; the shop's tablet imports the code as the same order id; when the phone
 * syncs later, the server keeps one order (S1) and the phone sees it as its own. Then its share link.
 */
describe.each(drivers)('SMS hand-off and share links on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t?.close());

  const tablet = (): Device => device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }), true);

  it('an order texted to the shop and imported there is one order when the phone syncs later', async () => {
    const token = await newDevice(t.app);
    const line = new FaultyTransport(() => injectTransport(t.app, { device: token, slug: shop.slug }));
    const phone = device(freshDb(), line);
    await phone.engine.pullAll(); // the phone's catalogue, from its one visit
    line.fault = { ...RELIABLE, mode: 'offline', on: 'both', times: Infinity };
    const secret = randomBytes(32).toString('base64url');
    const args = orderArgs(shop.items.sized, {
      lines: [
        { itemId: shop.items.sized, quantity: 2, optionIds: ['l'] },
        { itemId: shop.items.plain, quantity: 1, optionIds: [] },
      ],
      customerName: '문자손님',
      note: '현관 앞에 두세요',
      shareSecret: secret,
    });
    await enqueue(phone.db, 'placeOrder', args);
    await expect(phone.engine.syncOnce()).rejects.toThrow();

    // The text message carries the code; the tablet decodes it against its own catalogue.
    const stored = (await phone.db.outbox.toArray())[0]!.args as MutationArgs<'placeOrder'>;
    const code = encodeHandoff({ ...stored, shopSlug: shop.slug });
    const shopTablet = tablet();
    await shopTablet.engine.syncOnce();
    const decoded = decodeHandoff(code, { shopSlug: shop.slug, catalogue: await catalogueOf(shopTablet.db) });
    if (!decoded.ok) throw new Error(decoded.problem);
    const { shopSlug, ...imported } = decoded.order;
    expect(shopSlug).toBe(shop.slug);
    expect(imported.orderId).toBe(args.orderId);
    await enqueue(shopTablet.db, 'placeOrder', imported);
    await shopTablet.engine.syncOnce();
    const [atShop] = await t.storage.query<{ device_id: string | null; total: number; note: string }>(
      'select device_id, total, note from orders where id = $1',
      [args.orderId],
    );
    expect(atShop).toEqual({ device_id: null, total: 2 * 19_000 + 5000, note: '현관 앞에 두세요' });

    // The phone comes back: its own placeOrder is the same order, now linked to it.
    line.fault = RELIABLE;
    await phone.engine.syncOnce();
    const rows = await t.storage.query<{ device_id: string }>('select device_id from orders where id = $1', [
      args.orderId,
    ]);
    expect(rows).toEqual([{ device_id: token.split('.')[0] }]);
    const local = await phone.db.orders.get(args.orderId);
    expect(local?.server?.total).toBe(43_000);
    expect(local?.rejection).toBeNull();

    // Whoever holds the link the phone shares sees the order's progress — and not who ordered it.
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/s/${shop.slug}/shared-order`,
      headers: { 'x-dangol-protocol': '1', 'content-type': 'application/json' },
      payload: { orderId: args.orderId, secret },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: args.orderId, total: 43_000, status: 'placed' });
    expect(res.body).not.toContain('문자손님');
    expect(res.body).not.toContain('010-');
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/s/${shop.slug}/shared-order`,
      headers: { 'x-dangol-protocol': '1', 'content-type': 'application/json' },
      payload: { orderId: args.orderId, secret: randomBytes(32).toString('base64url') },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ code: 'share_link_invalid' });
  });

  it('a texted order is claimed only by a phone sending the same lines', async () => {
    const shopTablet = tablet();
    const args = orderArgs(shop.items.plain, {
      lines: [{ itemId: shop.items.plain, quantity: 2, optionIds: [] }],
    });
    await enqueue(shopTablet.db, 'placeOrder', args);
    await shopTablet.engine.syncOnce();
    const guesser = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    await enqueue(guesser.db, 'placeOrder', {
      ...args,
      lines: [{ itemId: shop.items.plain, quantity: 1, optionIds: [] }],
    });
    await guesser.engine.syncOnce();
    expect((await guesser.db.orders.get(args.orderId))?.rejection?.code).toBe('order_exists');
    expect(await t.storage.query('select device_id from orders where id = $1', [args.orderId])).toEqual([
      { device_id: null },
    ]);
  });

  it("another phone cannot claim a texted order that is already linked to its owner's phone", async () => {
    const owner = await newDevice(t.app);
    const phone = device(freshDb(), injectTransport(t.app, { device: owner, slug: shop.slug }));
    const args = orderArgs(shop.items.plain);
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    const thief = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    await enqueue(thief.db, 'placeOrder', { ...args });
    await thief.engine.syncOnce();
    expect((await thief.db.orders.get(args.orderId))?.rejection?.code).toBe('order_exists');
    expect(await t.storage.query('select 1 from orders where id = $1', [args.orderId])).toHaveLength(1);
  });
});
