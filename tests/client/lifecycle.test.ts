import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderDisplay } from '../../src/client/orderState';
import { enqueue } from '../../src/client/outbox';
import type { MutationInput, MutationName } from '../../src/protocol/sync';
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
  tomorrowSlot,
  type Device,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

/**
 * S10, issue #16: one lifecycle per kind of order, enforced by the server with real client code on
 * both ends. A step of another kind's lifecycle is refused with its own code (S5) and changes nothing.
 */
describe.each(drivers)('each kind of order keeps its own lifecycle on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  const customer = async (): Promise<Device> =>
    device(freshDb(), injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }));
  const tablet = (): Device => device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));
  const row = async (id: string) =>
    (
      await t.storage.query<{
        status: string;
        prep_minutes: number | null;
        rider_name: string;
        rider_phone: string;
      }>('select status, prep_minutes, rider_name, rider_phone from orders where id = $1', [id])
    )[0]!;
  /** Queues one change on the tablet and syncs it; returns the code it was refused with, if any. */
  const act = async <N extends MutationName>(
    d: Device,
    name: N,
    args: MutationInput<N> & { orderId: string },
  ) => {
    await enqueue(d.db, name, args);
    await d.engine.syncOnce();
    // The latest refusal kept on the order, if it was this change's (an earlier one stays on record).
    const refusal = (await d.db.orders.get(args.orderId))?.rejection;
    return refusal?.name === name ? refusal.code : null;
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
    const res = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: shop.ownerCookie,
      payload: { delivery: true },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t.close());

  it('a pre-order is confirmed for its slot, never "accepted in 10 minutes"; the customer reads the slot', async () => {
    const phone = await customer();
    const counter = tablet();
    const args = orderArgs(shop.items.plain, tomorrowSlot());
    await place(phone, args);
    await phone.engine.syncOnce();
    await counter.engine.syncOnce();

    expect(
      await act(counter, 'acceptOrder', { orderId: args.orderId, from: 'placed', prepMinutes: 10 }),
    ).toBe('not_for_this_kind');
    expect(await row(args.orderId)).toMatchObject({ status: 'placed', prep_minutes: null });

    expect(await act(counter, 'confirmOrder', { orderId: args.orderId, from: 'placed' })).toBeNull();
    expect((await row(args.orderId)).status).toBe('confirmed');
    await phone.engine.syncOnce();
    expect(orderDisplay((await phone.db.orders.get(args.orderId))!).state).toBe('confirmed');

    // Once confirmed, the customer's own cancel says to call the shop.
    await enqueue(phone.db, 'cancelOrder', { orderId: args.orderId });
    await phone.engine.syncOnce();
    expect(orderDisplay((await phone.db.orders.get(args.orderId))!)).toMatchObject({
      state: 'confirmed',
      code: 'cancel_too_late',
    });

    expect(await act(counter, 'dispatchOrder', { orderId: args.orderId, from: 'confirmed' })).toBe(
      'not_for_this_kind',
    );
    expect(await act(counter, 'markReady', { orderId: args.orderId, from: 'confirmed' })).toBeNull();
    expect(await act(counter, 'completeOrder', { orderId: args.orderId, from: 'ready' })).toBeNull();
    await phone.engine.syncOnce();
    expect(orderDisplay((await phone.db.orders.get(args.orderId))!).state).toBe('completed');
  });

  it("the board's lead time for pre-orders is a shop setting that reaches the tablet's schedule", async () => {
    const res = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: shop.ownerCookie,
      payload: { boardLeadMinutes: 90 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const counter = tablet();
    await counter.engine.pullAll();
    expect((await counter.db.getMeta<Schedule>('schedule'))?.boardLeadMinutes).toBe(90);
    const tooLong = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: shop.ownerCookie,
      payload: { boardLeadMinutes: 24 * 60 + 1 },
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('a "now" pickup cannot be confirmed for a slot it does not have', async () => {
    const phone = await customer();
    const counter = tablet();
    const args = orderArgs(shop.items.plain);
    await place(phone, args);
    await phone.engine.syncOnce();
    await counter.engine.syncOnce();
    expect(await act(counter, 'confirmOrder', { orderId: args.orderId, from: 'placed' })).toBe(
      'not_for_this_kind',
    );
    expect((await row(args.orderId)).status).toBe('placed');
  });

  it('a delivery is accepted, goes out with its rider, and is delivered — never "ready for pickup"', async () => {
    const counter = tablet();
    await counter.engine.pullAll();
    // The shop's own phone order: a delivery typed in at the counter.
    const args = orderArgs(shop.items.plain, { fulfilment: 'delivery', address: '서울 중구 세종대로 110' });
    await place(counter, args);
    await counter.engine.syncOnce();

    expect(
      await act(counter, 'acceptOrder', { orderId: args.orderId, from: 'placed', prepMinutes: 15 }),
    ).toBeNull();
    expect(await act(counter, 'markReady', { orderId: args.orderId, from: 'accepted' })).toBe(
      'not_for_this_kind',
    );
    expect((await row(args.orderId)).status).toBe('accepted');

    expect(
      await act(counter, 'dispatchOrder', {
        orderId: args.orderId,
        from: 'accepted',
        riderName: ' 김배달 ',
        riderPhone: '010-9876-5432',
      }),
    ).toBeNull();
    expect(await row(args.orderId)).toMatchObject({
      status: 'outForDelivery',
      rider_name: '김배달',
      rider_phone: '010-9876-5432',
    });
    const onTablet = (await counter.db.orders.get(args.orderId))!.server!;
    expect(onTablet).toMatchObject({
      status: 'outForDelivery',
      riderName: '김배달',
      riderPhone: '010-9876-5432',
    });

    // Out on the road, it can no longer be rejected or cancelled; only delivered.
    expect(
      await act(counter, 'rejectOrder', { orderId: args.orderId, from: 'outForDelivery', reason: '취소' }),
    ).toBe('invalid_transition');
    expect(await act(counter, 'completeOrder', { orderId: args.orderId, from: 'outForDelivery' })).toBeNull();
    expect((await row(args.orderId)).status).toBe('completed');
  });
});
