import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, dropTestSchemas } from '../support/drivers';
import { today } from '../support/syncWorld';
import { json, startTestApp, type TestApp } from '../support/testApp';
import { makeWorld, type World } from '../support/world';

afterAll(dropTestSchemas);

/**
 * #16 A shop can rely on a customer's order: a name and a Korean number to call back, and no more of
 * an item or in all than the shop's settings allow. The server refuses the rest with a stored code (S5),
 * whatever an old or hand-made client sends; the shop's own orders from its tablet are its own call.
 */
describe.each(drivers)('checkout contact and quantity refusals on $name', (driver) => {
  let t: TestApp;
  let w: World;
  let deviceSeq = 0;
  let shopSeq = 0;
  const deviceClient = randomUUID();
  const shopClient = randomUUID();
  beforeAll(async () => {
    t = await startTestApp(driver);
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  const args = (extra: object) => ({
    orderId: randomUUID(),
    lines: [{ itemId: w.shop1.itemId, quantity: 1, optionIds: [] }],
    fulfilment: 'pickup',
    date: today(),
    slot: null,
    customerName: '김단골',
    customerPhone: '010-1234-5678',
    address: '',
    note: '',
    ...extra,
  });

  /** Pushes one placeOrder from a customer's phone (or the owner's tablet) and returns its result. */
  async function place(extra: object, from: 'phone' | 'tablet' = 'phone') {
    const res = await json(t.app, {
      method: 'POST',
      url: from === 'phone' ? `/api/s/${w.shop1.slug}/push` : '/api/shop/push',
      ...(from === 'phone' ? { device: w.actors.deviceA.device! } : { cookie: w.actors.owner1.cookie! }),
      payload: {
        clientId: from === 'phone' ? deviceClient : shopClient,
        mutations: [
          {
            mutationId: randomUUID(),
            seq: from === 'phone' ? ++deviceSeq : ++shopSeq,
            name: 'placeOrder',
            args: args(extra),
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results[0] as { status: string; code?: string };
  }

  const settings = (payload: object) =>
    json(t.app, { method: 'PATCH', url: '/api/shop/settings', cookie: w.actors.owner1.cookie!, payload });

  it('refuses an order from a phone with no name, no phone or a number nobody can call', async () => {
    expect(await place({ customerName: '', customerPhone: '' })).toMatchObject({
      status: 'rejected',
      code: 'name_required',
    });
    expect(await place({ customerName: '  ', customerPhone: '010-1234-5678' })).toMatchObject({
      code: 'name_required',
    });
    expect(await place({ customerPhone: '' })).toMatchObject({ code: 'phone_required' });
    expect(await place({ customerPhone: '010-123' })).toMatchObject({ code: 'phone_not_korean' });
    expect(await place({ customerPhone: '12345' })).toMatchObject({ code: 'phone_not_korean' });
    expect(await place({ customerPhone: '+82 10-1234-5678' })).toMatchObject({ status: 'applied' });
    expect(await place({ customerPhone: '02-123-4567' })).toMatchObject({ status: 'applied' });
  });

  it("the shop's own phone and walk-in orders from the tablet need no contact", async () => {
    expect(await place({ customerName: '', customerPhone: '' }, 'tablet')).toMatchObject({
      status: 'applied',
    });
  });

  it('a shop may let a walk-in pickup go without name and phone, never a delivery', async () => {
    const res = await settings({ contactOptionalForPickup: true, delivery: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contactOptionalForPickup: true });
    expect(await place({ customerName: '', customerPhone: '' })).toMatchObject({ status: 'applied' });
    // A number given must still be one the shop can call.
    expect(await place({ customerName: '', customerPhone: '999' })).toMatchObject({
      code: 'phone_not_korean',
    });
    expect(
      await place({ customerName: '', customerPhone: '', fulfilment: 'delivery', address: '망원로 1' }),
    ).toMatchObject({ code: 'name_required' });
    expect((await settings({ contactOptionalForPickup: false })).statusCode).toBe(200);
  });

  it('refuses more of one item or in all than the shop takes (defaults 30 and 100)', async () => {
    const pub = await json(t.app, { method: 'GET', url: `/api/shops/${w.shop1.slug}` });
    expect(pub.json().shop).toMatchObject({ maxPerItem: 30, maxPerOrder: 100 });
    expect(await place({ lines: [{ itemId: w.shop1.itemId, quantity: 31, optionIds: [] }] })).toMatchObject({
      status: 'rejected',
      code: 'item_quantity_limit',
    });
    expect(await place({ lines: [{ itemId: w.shop1.itemId, quantity: 30, optionIds: [] }] })).toMatchObject({
      status: 'applied',
    });
    const res = await settings({ maxPerItem: 3, maxPerOrder: 5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await place({ lines: [{ itemId: w.shop1.itemId, quantity: 4, optionIds: [] }] })).toMatchObject({
      code: 'item_quantity_limit',
    });
    // The shop's own order is its own decision.
    expect(
      await place({ lines: [{ itemId: w.shop1.itemId, quantity: 40, optionIds: [] }] }, 'tablet'),
    ).toMatchObject({ status: 'applied' });
    // Refusals are stored with their code and change nothing else (S5).
    const refused = await t.storage.query<{ n: number }>(
      "select count(*)::int as n from mutations where code = 'item_quantity_limit'",
    );
    expect(refused).toEqual([{ n: 2 }]);
  });

  it('limits are checked by the settings schema', async () => {
    expect((await settings({ maxPerItem: 0 })).statusCode).toBe(400);
    expect((await settings({ maxPerItem: 100 })).statusCode).toBe(400);
    expect((await settings({ maxPerOrder: 0 })).statusCode).toBe(400);
  });
});
