import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/client/outbox';
import { orderDisplay } from '../../src/client/orderState';
import type { Transport } from '../../src/client/syncEngine';
import { drivers, dropTestSchemas } from '../support/drivers';
import type { TestApp } from '../support/testApp';
import { startTestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  place,
  tomorrowSlot,
  type Device,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

const offline: Transport = {
  push: () => Promise.reject(new Error('offline')),
  pull: () => Promise.reject(new Error('offline')),
};

describe.each(drivers)('sync: real client code against the real server on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  const customer = async (): Promise<Device> =>
    device(freshDb(), injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }));
  const tablet = (): Device => device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));
  const stateOf = async (d: Device, id: string) => orderDisplay((await d.db.orders.get(id))!);
  const serverCount = async (id: string) =>
    (
      (
        await t.storage.query<{ n: number }>('select count(*)::int as n from orders where id = $1', [id])
      )[0] as { n: number }
    ).n;

  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  it('S2: the outbox entry and the optimistic order are written together, priced by the same rules', async () => {
    const phone = await customer();
    await phone.engine.pullAll(); // the catalogue, so the phone can price offline
    const args = orderArgs(shop.items.sized, {
      lines: [{ itemId: shop.items.sized, quantity: 2, optionIds: ['l'] }],
    });
    await place(phone, args);
    expect(await phone.db.outbox.count()).toBe(1);
    const local = (await phone.db.orders.get(args.orderId))!;
    expect(local.view?.total).toBe((12000 + 7000) * 2);
    expect(orderDisplay(local).state).toBe('saved');
  });

  it('an order written offline says "saved", then "sent" only once the server has it, then "received", then "accepted"', async () => {
    const phone = await customer();
    const online = phone.transport;
    await phone.engine.pullAll();
    const args = orderArgs(shop.items.plain);
    phone.engine = device(phone.db, offline).engine;
    await place(phone, args);
    await expect(phone.engine.syncOnce()).rejects.toThrow('offline');
    expect((await stateOf(phone, args.orderId)).state).toBe('saved');
    expect(await serverCount(args.orderId)).toBe(0);

    phone.engine = device(phone.db, online).engine;
    await phone.engine.syncOnce();
    expect((await stateOf(phone, args.orderId)).state).toBe('sent');
    expect(await phone.db.outbox.count()).toBe(0);

    const shopTablet = tablet();
    await shopTablet.engine.syncOnce();
    expect((await shopTablet.db.orders.get(args.orderId))?.server?.total).toBe(5000);
    await shopTablet.engine.syncOnce(); // its cursor now proves it stored the order
    await phone.engine.syncOnce();
    expect((await stateOf(phone, args.orderId)).state).toBe('received');

    await enqueue(shopTablet.db, 'acceptOrder', { orderId: args.orderId, prepMinutes: 20 });
    expect((await shopTablet.db.orders.get(args.orderId))?.view?.status).toBe('accepted');
    await shopTablet.engine.syncOnce();
    await phone.engine.syncOnce();
    const accepted = (await phone.db.orders.get(args.orderId))!;
    expect(orderDisplay(accepted).state).toBe('accepted');
    expect(accepted.server?.prepMinutes).toBe(20);
    expect(Date.parse(accepted.server!.readyBy!)).toBeGreaterThan(Date.now() + 19 * 60_000);
  });

  it('S1/S4: a push whose answer is lost is replayed: one order on the server, the stored outcome on the device', async () => {
    const phone = await customer();
    const real = phone.transport;
    let drops = 2;
    const lossy: Transport = {
      push: async (req) => {
        const res = await real.push(req); // committed on the server…
        if (drops-- > 0) throw new Error('response lost'); // …but the answer never arrives
        return res;
      },
      pull: (req) => real.pull(req),
    };
    phone.engine = device(phone.db, lossy).engine;
    await phone.engine.pullAll();
    const args = orderArgs(shop.items.plain);
    await place(phone, args);
    await expect(phone.engine.syncOnce()).rejects.toThrow('response lost');
    await expect(phone.engine.syncOnce()).rejects.toThrow('response lost');
    await phone.engine.syncOnce();
    expect(await serverCount(args.orderId)).toBe(1);
    expect((await stateOf(phone, args.orderId)).state).toBe('sent');
    expect(await phone.db.outbox.count()).toBe(0);
  });

  it('S4: the same mutation id with different arguments is refused as a conflict', async () => {
    const phone = await customer();
    const args = orderArgs(shop.items.plain);
    const entry = await place(phone, args);
    await phone.engine.syncOnce();
    const clientId = (await phone.db.getMeta<string>('clientId'))!;
    const res = await phone.transport.push({
      clientId,
      mutations: [
        {
          mutationId: entry.mutationId,
          seq: entry.seq,
          name: 'cancelOrder',
          args: { orderId: args.orderId },
        },
      ],
    });
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'mutation_conflict' });
    expect(await serverCount(args.orderId)).toBe(1);
  });

  it('S5: a sold-out item is refused with a stored code the customer sees, and nothing is half-written', async () => {
    const phone = await customer();
    await t.storage.query(
      `update menu_items set sold_out_until = (now() + interval '30 days')::date where id = $1`,
      [shop.items.sized],
    );
    try {
      const args = orderArgs(shop.items.sized, {
        lines: [{ itemId: shop.items.sized, quantity: 1, optionIds: ['s'] }],
      });
      await place(phone, args);
      await phone.engine.syncOnce();
      expect(await stateOf(phone, args.orderId)).toMatchObject({ state: 'refused', code: 'sold_out' });
      expect(await phone.db.outbox.count()).toBe(0);
      expect(await serverCount(args.orderId)).toBe(0);
      // last_seq still advanced past the refusal: later orders are not blocked.
      const next = orderArgs(shop.items.plain);
      await place(phone, next);
      await phone.engine.syncOnce();
      expect((await stateOf(phone, next.orderId)).state).toBe('sent');
    } finally {
      await t.storage.query('update menu_items set sold_out_until = null where id = $1', [shop.items.sized]);
    }
  });

  it('a daily quota reached while a customer was offline ends in a clear refusal, not a silent loss', async () => {
    const [a, b] = [await customer(), await customer()];
    const date = tomorrowSlot().date;
    const big = (d: Device, qty: number) =>
      place(
        d,
        orderArgs(shop.items.limited, {
          date,
          slot: '11:00',
          lines: [{ itemId: shop.items.limited, quantity: qty, optionIds: [] }],
        }),
      );
    const first = await big(a, 2);
    const second = await big(b, 2);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect((await stateOf(a, (first.args as { orderId: string }).orderId)).state).toBe('sent');
    expect(await stateOf(b, (second.args as { orderId: string }).orderId)).toMatchObject({
      state: 'refused',
      code: 'quota_exceeded',
    });
  });

  it('S5: a refused order stays refused, with its reason and its lines, even after a cancel written before the refusal arrived', async () => {
    const phone = await customer();
    await phone.engine.pullAll();
    const args = orderArgs(shop.items.limited, {
      ...tomorrowSlot(),
      lines: [{ itemId: shop.items.limited, quantity: 4, optionIds: [] }],
    });
    await place(phone, args);
    await enqueue(phone.db, 'cancelOrder', { orderId: args.orderId });
    await phone.engine.syncOnce();
    const local = (await phone.db.orders.get(args.orderId))!;
    expect(orderDisplay(local)).toMatchObject({ state: 'refused', code: 'quota_exceeded' });
    expect(local.draft?.lines.map((l) => [l.name, l.quantity])).toEqual([['갈비찜', 4]]);
    expect(await serverCount(args.orderId)).toBe(0);
  });

  it('a full slot refuses the next order with slot_full', async () => {
    const small = await makeSyncShop(t, undefined, 1);
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: small.slug }),
    );
    const slot = tomorrowSlot();
    const first = orderArgs(small.items.plain, slot);
    const second = orderArgs(small.items.plain, slot);
    await place(phone, first);
    await place(phone, second);
    await phone.engine.syncOnce();
    expect(orderDisplay((await phone.db.orders.get(first.orderId))!).state).toBe('sent');
    expect(orderDisplay((await phone.db.orders.get(second.orderId))!)).toMatchObject({
      state: 'refused',
      code: 'slot_full',
    });
  });

  it('S10: two tablets race accept against cancel: exactly one wins, the other is told invalid_transition', async () => {
    const phone = await customer();
    const args = orderArgs(shop.items.plain);
    await place(phone, args);
    await phone.engine.syncOnce();
    const [t1, t2] = [tablet(), tablet()];
    await Promise.all([t1.engine.syncOnce(), t2.engine.syncOnce()]);
    // Both decided on the order as they saw it: placed.
    await enqueue(t1.db, 'acceptOrder', { orderId: args.orderId, from: 'placed', prepMinutes: 15 });
    await enqueue(t2.db, 'cancelOrder', { orderId: args.orderId, from: 'placed' });
    await Promise.all([t1.engine.syncOnce(), t2.engine.syncOnce()]);
    await Promise.all([t1.engine.syncOnce(), t2.engine.syncOnce()]);
    const [o1, o2] = [(await t1.db.orders.get(args.orderId))!, (await t2.db.orders.get(args.orderId))!];
    expect(o1.server?.status).toBe(o2.server?.status);
    expect(['accepted', 'cancelled']).toContain(o1.server?.status);
    const loser = o1.server?.status === 'accepted' ? o2 : o1;
    expect(loser.rejection).toMatchObject({ code: 'invalid_transition' });
    // The loser's screen shows what now stands, not its own refused change.
    expect(loser.view?.status).toBe(o1.server?.status);
  });

  it("S13: a customer device never pulls another device's order, and cannot touch it", async () => {
    const [a, b] = [await customer(), await customer()];
    const args = orderArgs(shop.items.plain);
    await place(a, args);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(await b.db.orders.get(args.orderId)).toBeUndefined();
    await enqueue(b.db, 'cancelOrder', { orderId: args.orderId });
    await b.engine.syncOnce();
    expect((await b.db.orders.get(args.orderId))?.rejection).toMatchObject({ code: 'order_not_found' });
    expect((await b.db.orders.get(args.orderId))?.server).toBeNull();
    await a.engine.syncOnce();
    expect((await a.db.orders.get(args.orderId))?.server?.status).toBe('placed');
  });

  it('S10: two tablets race accept against decline, and two accepts: one wins each time', async () => {
    for (const [a, b] of [
      ['acceptOrder', 'rejectOrder'],
      ['acceptOrder', 'acceptOrder'],
    ] as const) {
      const phone = await customer();
      const args = orderArgs(shop.items.plain);
      await place(phone, args);
      await phone.engine.syncOnce();
      const [t1, t2] = [tablet(), tablet()];
      await Promise.all([t1.engine.syncOnce(), t2.engine.syncOnce()]);
      const act = (d: Device, name: 'acceptOrder' | 'rejectOrder') =>
        name === 'acceptOrder'
          ? enqueue(d.db, name, { orderId: args.orderId, from: 'placed', prepMinutes: 10 })
          : enqueue(d.db, name, { orderId: args.orderId, from: 'placed', reason: '재료 소진' });
      await act(t1, a);
      await act(t2, b);
      await Promise.all([t1.engine.syncOnce(), t2.engine.syncOnce()]);
      await Promise.all([t1.engine.syncOnce(), t2.engine.syncOnce()]);
      const rejections = [
        (await t1.db.orders.get(args.orderId))!,
        (await t2.db.orders.get(args.orderId))!,
      ].map((o) => o.rejection?.code ?? null);
      expect(rejections.sort()).toEqual(['invalid_transition', null].sort());
      const [{ n }] = (await t.storage.query<{ n: number }>(
        `select count(*)::int as n from mutations where order_id = $1 and status = 'applied'`,
        [args.orderId],
      )) as [{ n: number }];
      expect(n).toBe(2); // the placing and exactly one of the two decisions
    }
  });

  it('S1: a second device placing an order id it does not own is refused without learning anything', async () => {
    const [a, b] = [await customer(), await customer()];
    const args = orderArgs(shop.items.plain);
    await place(a, args);
    await a.engine.syncOnce();
    await place(b, { ...args, customerName: 'someone else' });
    await b.engine.syncOnce();
    const seen = (await b.db.orders.get(args.orderId))!;
    expect(orderDisplay(seen)).toMatchObject({ state: 'refused', code: 'order_exists' });
    expect(seen.server).toBeNull();
  });

  it('a customer may cancel while placed; once accepted the refusal says to call the shop', async () => {
    const phone = await customer();
    const shopTablet = tablet();
    const early = orderArgs(shop.items.plain);
    const late = orderArgs(shop.items.plain);
    await place(phone, early);
    await place(phone, late);
    await phone.engine.syncOnce();
    await shopTablet.engine.syncOnce();
    await enqueue(shopTablet.db, 'acceptOrder', { orderId: late.orderId, prepMinutes: 10 });
    await shopTablet.engine.syncOnce();
    await enqueue(phone.db, 'cancelOrder', { orderId: early.orderId });
    await enqueue(phone.db, 'cancelOrder', { orderId: late.orderId });
    await phone.engine.syncOnce();
    expect((await stateOf(phone, early.orderId)).state).toBe('cancelled');
    expect(await stateOf(phone, late.orderId)).toMatchObject({ state: 'accepted', code: 'cancel_too_late' });
  });

  it("a customer device cannot run the shop's mutations (forbidden, recorded)", async () => {
    const phone = await customer();
    const args = orderArgs(shop.items.plain);
    await place(phone, args);
    await phone.engine.syncOnce();
    await enqueue(phone.db, 'acceptOrder', { orderId: args.orderId, prepMinutes: 1 });
    await phone.engine.syncOnce();
    expect((await phone.db.orders.get(args.orderId))?.rejection).toMatchObject({ code: 'forbidden' });
    expect((await phone.db.orders.get(args.orderId))?.server?.status).toBe('placed');
  });

  it('bad mutations are refused with codes and change nothing: foreign items, client prices, negative quantities, unknown names, huge batches', async () => {
    const other = await makeSyncShop(t);
    const phone = await customer();
    const clientId = crypto.randomUUID();
    const before = await t.storage.query('select count(*)::int as n from orders');
    const mutation = (args: object, name = 'placeOrder', seq = 1) => ({
      mutationId: crypto.randomUUID(),
      seq,
      name,
      args,
    });
    const base = orderArgs(shop.items.plain);
    // Well-formed but wrong: another shop's item is unknown here (S13), refused with a stored code.
    const foreign = await phone.transport.push({
      clientId,
      mutations: [
        mutation({ ...base, lines: [{ itemId: other.items.plain, quantity: 1, optionIds: [] }] }) as never,
      ],
    });
    expect(foreign.results[0]).toMatchObject({ status: 'rejected', code: 'unknown_item' });
    // Malformed: refused whole with 400, nothing recorded.
    const bad = [
      [
        mutation(
          { ...base, lines: [{ itemId: shop.items.plain, quantity: -2, optionIds: [] }] },
          'placeOrder',
          2,
        ),
      ],
      [
        mutation(
          { ...base, lines: [{ itemId: shop.items.plain, quantity: 1, optionIds: [], price: 1 }] },
          'placeOrder',
          2,
        ),
      ],
      [mutation({ ...base, total: 100 }, 'placeOrder', 2)],
      [mutation({ orderId: base.orderId }, 'refundOrder', 2)],
      Array.from({ length: 101 }, (_, i) => mutation(orderArgs(shop.items.plain), 'placeOrder', i + 2)),
    ];
    for (const mutations of bad) {
      await expect(phone.transport.push({ clientId, mutations: mutations as never })).rejects.toMatchObject({
        status: 400,
      });
    }
    expect(await t.storage.query('select count(*)::int as n from orders')).toEqual(before);
    const [client] = await t.storage.query<{ last_seq: number }>(
      'select last_seq from sync_clients where client_id = $1',
      [clientId],
    );
    expect(client?.last_seq).toBe(1);
  });

  it('a client id belongs to the device that first used it', async () => {
    const a = await customer();
    const b = await customer();
    await place(a, orderArgs(shop.items.plain));
    await a.engine.syncOnce();
    const clientId = (await a.db.getMeta<string>('clientId'))!;
    await b.db.setMeta('clientId', clientId);
    await place(b, orderArgs(shop.items.plain));
    await expect(b.engine.syncOnce()).rejects.toThrow(/403/);
  });

  it('S6: a fresh tablet catches up on thousands of orders page by page, each exactly once', async () => {
    const busy = await makeSyncShop(t);
    const n = 2300;
    // History written straight into the database: this test is about catching up, not pushing.
    await t.storage.query(
      `insert into orders (id, shop_id, lines, total, status, fulfilment, date, version, received_at)
       select gen_random_uuid(), $1, '[]', 5000, 'completed', 'pickup', current_date, g, now() from generate_series(1, $2) g`,
      [busy.id, n],
    );
    await t.storage.query('update shops set version = $2 where id = $1', [busy.id, n]);
    const fresh = device(freshDb(), injectTransport(t.app, { cookie: busy.ownerCookie }));
    let pulls = 0;
    const counting: Transport = {
      push: (r) => fresh.transport.push(r),
      pull: (r) => (pulls++, fresh.transport.pull(r)),
    };
    await device(fresh.db, counting).engine.pullAll();
    expect(await fresh.db.orders.count()).toBe(n);
    expect(pulls).toBe(3);
    expect(await fresh.db.getMeta('cursor')).toBe(n);
  });

  it('pushes a long outbox in one sync round, not one batch per minute', async () => {
    const phone = await customer();
    for (let i = 0; i < 230; i++) await place(phone, orderArgs(shop.items.plain));
    await phone.engine.syncOnce();
    expect(await phone.db.outbox.count()).toBe(0);
  });
});
