import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderDisplay } from '../../src/client/orderState';
import { enqueue, pendingSummary, unsyncedChanges } from '../../src/client/outbox';
import { MAX_REFUSALS } from '../../src/client/setAside';
import type { Transport } from '../../src/client/syncEngine';
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
  type Device,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

/**
 * An entry written by an older app (or any code path that skipped the schema), put straight into the
 * outbox as enqueue would have written it, with the next seq.
 */
async function writePoisoned(d: Device, note: string): Promise<string> {
  const args = orderArgs('00000000-0000-4000-8000-000000000000');
  const good = await place(d, args);
  await d.db.outbox.update(good.seq, { args: { ...(good.args as object), note } });
  return args.orderId;
}

const serverOrders = async (t: TestApp, ids: string[]) =>
  (await t.storage.query<{ id: string }>('select id from orders where id = any($1::uuid[])', [ids])).map(
    (r) => r.id,
  );

describe.each(drivers)('S15: no entry can stop a queue, on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  const phone = async (wrap?: (t: Transport) => Transport): Promise<Device> => {
    const transport = injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug });
    return device(freshDb(), wrap ? wrap(transport) : transport);
  };
  const tablet = (): Device => device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));

  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  it('a poisoned entry (a NUL in a note) is set aside at once; the good ones behind it arrive', async () => {
    const p = await phone();
    await p.engine.pullAll();
    const poisoned = await writePoisoned(p, '문 앞\u0000에');
    const good = [orderArgs(shop.items.plain), orderArgs(shop.items.plain)];
    for (const a of good) await place(p, a);
    await p.engine.syncOnce();

    expect(await serverOrders(t, [poisoned, ...good.map((a) => a.orderId)])).toEqual(
      expect.arrayContaining(good.map((a) => a.orderId)),
    );
    expect(await serverOrders(t, [poisoned])).toEqual([]);
    // Kept whole, shown as not sent with the reason, counted for the banner, in the export.
    const kept = await p.db.setAside.toArray();
    expect(kept).toHaveLength(1);
    expect((kept[0]!.args as { note: string }).note).toBe('문 앞\u0000에');
    expect(kept[0]!.reason).toBe('invalid_here');
    const local = (await p.db.orders.get(poisoned))!;
    expect(local.rejection).toEqual({ code: 'set_aside', name: 'placeOrder' });
    expect(orderDisplay(local).state).toBe('refused');
    expect(await pendingSummary(p.db)).toMatchObject({ count: 0, setAside: 1 });
    expect((await unsyncedChanges(p.db)).setAside.map((e) => e.orderId)).toEqual([poisoned]);
    // The queue is empty once the server's last_seq passed the set-aside seq.
    expect(await p.db.outbox.count()).toBe(0);
    // And it keeps flowing afterwards.
    const later = orderArgs(shop.items.plain);
    await place(p, later);
    await p.engine.syncOnce();
    expect(await serverOrders(t, [later.orderId])).toEqual([later.orderId]);
  });

  it(`an entry the server refuses as malformed (a rule this app lacks) is set aside after ${MAX_REFUSALS} refusals, and nothing before it is lost`, async () => {
    let refusing = '';
    // The server of a newer release: it refuses this one order's lines as malformed.
    const newerServer = (inner: Transport): Transport => ({
      pull: (req) => inner.pull(req),
      push: async (req) => {
        if (req.mutations.some((m) => (m.args as { orderId?: string }).orderId === refusing))
          throw Object.assign(new Error('400'), { status: 400, code: 'invalid_input' });
        return inner.push(req);
      },
    });
    const p = await phone(newerServer);
    await p.engine.pullAll();
    const before = orderArgs(shop.items.plain);
    const odd = orderArgs(shop.items.plain);
    const after = orderArgs(shop.items.plain);
    refusing = odd.orderId;
    for (const a of [before, odd, after]) await place(p, a);

    for (let round = 1; round < MAX_REFUSALS; round++) {
      // Refused like any failure: the runner backs off and tries again; nothing is set aside yet.
      await expect(p.engine.syncOnce()).rejects.toThrow('400');
      expect(await p.db.setAside.count()).toBe(0);
    }
    expect(await serverOrders(t, [before.orderId])).toEqual([before.orderId]);
    await p.engine.syncOnce();
    expect(await serverOrders(t, [before.orderId, odd.orderId, after.orderId])).toEqual(
      expect.arrayContaining([before.orderId, after.orderId]),
    );
    expect(await serverOrders(t, [odd.orderId])).toEqual([]);
    expect((await p.db.setAside.toArray()).map((e) => [e.orderId, e.reason])).toEqual([
      [odd.orderId, 'refused_by_server'],
    ]);
    expect(await p.db.outbox.count()).toBe(0);
  });

  it('a tablet: a poisoned chat reply and an SMS import with a NUL never stop its accepts', async () => {
    const customer = await phone();
    await customer.engine.pullAll();
    const order = orderArgs(shop.items.plain);
    await place(customer, order);
    await customer.engine.syncOnce();

    const tab = tablet();
    await tab.engine.syncOnce();
    const reply = await enqueue(tab.db, 'sendMessage', {
      messageId: randomUUID(),
      orderId: order.orderId,
      body: '곧 준비돼요',
    });
    await tab.db.outbox.update(reply.seq, { args: { ...(reply.args as object), body: '곧\u0000준비돼요' } });
    await enqueue(tab.db, 'acceptOrder', { orderId: order.orderId, from: 'placed', prepMinutes: 10 });
    await tab.engine.syncOnce();

    const [row] = await t.storage.query<{ status: string }>('select status from orders where id = $1', [
      order.orderId,
    ]);
    expect(row?.status).toBe('accepted');
    const message = (await tab.db.messages.get((reply.args as { messageId: string }).messageId))!;
    expect(message).toMatchObject({ state: 'refused', code: 'set_aside' });
    // The SMS import's enqueue refuses the text outright, before anything is queued.
    await expect(
      enqueue(tab.db, 'placeOrder', { ...orderArgs(shop.items.plain), note: '문자\u0000' }),
    ).rejects.toThrow();
  });
});
