import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffOrderOf } from '../../src/app/customer/handoffMessage';
import { orderDisplay } from '../../src/client/orderState';
import { catalogueOf, enqueue } from '../../src/client/outbox';
import type { Transport } from '../../src/client/syncEngine';
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
    const code = encodeHandoff(handoffOrderOf(stored, shop.slug));
    expect(code).not.toContain(secret);
    const shopTablet = tablet();
    await shopTablet.engine.syncOnce();
    const decoded = decodeHandoff(code, { shopSlug: shop.slug, catalogue: await catalogueOf(shopTablet.db) });
    if (!decoded.ok) throw new Error(decoded.problem);
    const { shopSlug, ...imported } = decoded.order;
    expect(shopSlug).toBe(shop.slug);
    expect(imported.orderId).toBe(args.orderId);
    expect(imported.handoffKey).toMatch(/^[0-9a-f]{16}$/);
    await enqueue(shopTablet.db, 'placeOrder', imported);
    await shopTablet.engine.syncOnce();
    const [atShop] = await t.storage.query<{
      device_id: string | null;
      total: number;
      note: string;
      handoff_key_hash: string | null;
    }>('select device_id, total, note, handoff_key_hash from orders where id = $1', [args.orderId]);
    expect(atShop).toMatchObject({ device_id: null, total: 2 * 19_000 + 5000, note: '현관 앞에 두세요' });
    // Only a hash of the key is kept.
    expect(atShop?.handoff_key_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(atShop?.handoff_key_hash).not.toContain(imported.handoffKey);

    // The phone comes back: its own placeOrder is the same order, now linked to it.
    line.fault = RELIABLE;
    await phone.engine.syncOnce();
    const rows = await t.storage.query<{ device_id: string; handoff_key_hash: string | null }>(
      'select device_id, handoff_key_hash from orders where id = $1',
      [args.orderId],
    );
    // The key has done its work: it is not kept once the order is the phone's.
    expect(rows).toEqual([{ device_id: token.split('.')[0], handoff_key_hash: null }]);
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

  /** A device whose every answer from the server is kept, to show nothing of the order reached it. */
  const watchedDevice = async () => {
    const inner = injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug });
    const seen: unknown[] = [];
    const transport: Transport = {
      push: async (body) => {
        const res = await inner.push(body);
        seen.push(res);
        return res;
      },
      pull: async (body) => {
        const res = await inner.pull(body);
        seen.push(res);
        return res;
      },
    };
    return { ...device(freshDb(), transport), seen };
  };

  /** A phone's order texted to the shop and imported there; the phone itself stays offline. */
  const textedOrder = async (withKey: boolean) => {
    const secret = randomBytes(32).toString('base64url');
    const args = orderArgs(shop.items.sized, {
      lines: [{ itemId: shop.items.sized, quantity: 3, optionIds: ['l'] }],
      customerName: '엿보기대상',
      customerPhone: '010-2222-3333',
      shareSecret: secret,
    });
    const shopTablet = tablet();
    await shopTablet.engine.syncOnce();
    const code = encodeHandoff(handoffOrderOf(args, shop.slug));
    const decoded = decodeHandoff(code, { shopSlug: shop.slug, catalogue: await catalogueOf(shopTablet.db) });
    if (!decoded.ok) throw new Error(decoded.problem);
    // Without a key: what a tablet imports from a version 1 code (an older phone app).
    const { shopSlug: _slug, handoffKey, ...order } = decoded.order;
    await enqueue(shopTablet.db, 'placeOrder', withKey ? { ...order, handoffKey } : order);
    await shopTablet.engine.syncOnce();
    return { args, decoded: decoded.order };
  };

  const deviceOf = async (orderId: string) =>
    t.storage.query<{ device_id: string | null }>('select device_id from orders where id = $1', [orderId]);

  it('a device that read the text message (id, lines, name, even the key) cannot claim the order, and learns nothing of it', async () => {
    const { args, decoded } = await textedOrder(true);
    const snoop = await watchedDevice();
    // Everything the message says, with a share secret of its own: its derived key is not the code's.
    await enqueue(snoop.db, 'placeOrder', { ...args, shareSecret: randomBytes(32).toString('base64url') });
    // Without any secret, and with the code's key itself (which only a shop's tablet may pass on).
    const bare: MutationArgs<'placeOrder'> = { ...args };
    delete bare.shareSecret;
    await enqueue(snoop.db, 'placeOrder', bare);
    await enqueue(snoop.db, 'placeOrder', { ...bare, handoffKey: decoded.handoffKey! });
    await snoop.engine.syncOnce();
    await snoop.engine.syncOnce();

    const results = snoop.seen.flatMap(
      (r) => (r as { results?: { code?: string; order?: unknown }[] }).results ?? [],
    );
    expect(results.map((r) => r.code)).toEqual([
      'handoff_claim_refused',
      'handoff_claim_refused',
      'forbidden',
    ]);
    expect(results.every((r) => r.order === undefined)).toBe(true);
    const answers = JSON.stringify(snoop.seen);
    for (const secretBit of [args.orderId, args.customerName, args.customerPhone])
      expect(answers).not.toContain(secretBit);
    const local = await snoop.db.orders.get(args.orderId);
    expect(local?.server).toBeNull();
    expect(orderDisplay(local!)).toMatchObject({ state: 'refused', code: 'handoff_claim_refused' });
    expect(await deviceOf(args.orderId)).toEqual([{ device_id: null }]);

    // The phone that made the code still claims it afterwards.
    const token = await newDevice(t.app);
    const phone = device(freshDb(), injectTransport(t.app, { device: token, slug: shop.slug }));
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    expect(await deviceOf(args.orderId)).toEqual([{ device_id: token.split('.')[0] }]);
    expect((await phone.db.orders.get(args.orderId))?.server?.customerName).toBe('엿보기대상');
  });

  it('an order imported without a claim key (a version 1 code) is claimed by no one, and its phone says where it is', async () => {
    const { args } = await textedOrder(false);
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    const local = await phone.db.orders.get(args.orderId);
    expect(local?.server).toBeNull();
    expect(orderDisplay(local!)).toEqual({
      state: 'refused',
      code: 'handoff_claim_refused',
      changePending: false,
    });
    expect(await deviceOf(args.orderId)).toEqual([{ device_id: null }]);
    expect(await t.storage.query('select 1 from orders where id = $1', [args.orderId])).toHaveLength(1);
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
