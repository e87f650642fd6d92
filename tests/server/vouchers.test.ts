import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redemption, ShopVouchers, Voucher } from '../../src/protocol/voucher';
import { drivers, dropTestSchemas } from '../support/drivers';
import { injectTransport, makeSyncShop, type SyncShop } from '../support/syncWorld';
import { json, startTestApp, type TestApp } from '../support/testApp';
import { newDevice } from '../support/syncWorld';

afterAll(dropTestSchemas);

const DAY = 86_400_000;
const inAYear = () => new Date(Date.now() + 366 * DAY).toISOString();

describe.each(drivers)('gift vouchers on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  const issue = (payload: object, cookie = shop.ownerCookie) =>
    json(t.app, { method: 'POST', url: '/api/shop/vouchers', cookie, payload });
  const amountVoucher = (won = 30_000) => ({
    voucherId: randomUUID(),
    won,
    itemId: null,
    expiresAt: inAYear(),
    message: '생일 축하해',
    buyerName: '김단골',
    paidBy: 'cash',
  });
  const list = async () =>
    (
      await json(t.app, { method: 'GET', url: '/api/shop/vouchers', cookie: shop.ownerCookie })
    ).json() as ShopVouchers;
  const redeem = async (voucherId: string, amount: number, clientId = randomUUID()) => {
    const tablet = injectTransport(t.app, { cookie: shop.ownerCookie });
    return tablet.push({
      clientId,
      mutations: [
        {
          mutationId: randomUUID(),
          seq: 1,
          name: 'redeemVoucher',
          args: {
            redemptionId: randomUUID(),
            voucherId,
            amount,
            orderId: null,
            at: new Date().toISOString(),
          },
        },
      ],
    });
  };

  it('S1: issues a signed amount voucher once per id; the private key is never in an answer', async () => {
    const body = amountVoucher();
    const first = await issue(body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await issue(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const v = first.json() as Voucher;
    expect(v).toMatchObject({ won: 30_000, balance: 30_000, paidBy: 'cash', requested: false });
    expect(v.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-.{3}$/);
    const all = await list();
    expect(JSON.stringify(all)).not.toMatch(/PRIVATE/);
    expect(all.vouchers.map((x) => x.id)).toContain(v.id);
  });

  it('an item voucher is worth the menu price; a validity under a year is refused (표준약관)', async () => {
    const item = await issue({ ...amountVoucher(), won: null, itemId: shop.items.sized });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json()).toMatchObject({ won: 12_000, item: { id: shop.items.sized, name: '불고기' } });
    const short = await issue({
      ...amountVoucher(),
      expiresAt: new Date(Date.now() + 100 * DAY).toISOString(),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'voucher_validity_too_short' });
    const both = await issue({ ...amountVoucher(), itemId: shop.items.plain });
    expect(both.json()).toMatchObject({ code: 'voucher_amount_required' });
  });

  it('redeems in arrival order; an over-redemption is applied and recorded as a shortfall', async () => {
    const v = (await issue(amountVoucher())).json() as Voucher;
    const a = await redeem(v.id, 20_000);
    const b = await redeem(v.id, 20_000);
    expect(a.results[0]?.status).toBe('applied');
    expect(b.results[0]?.status).toBe('applied');
    const after = await list();
    expect(after.vouchers.find((x) => x.id === v.id)).toMatchObject({ balance: 0, shortfall: 10_000 });
    const mine = after.redemptions.filter((r) => r.voucherId === v.id);
    expect(mine.map((r) => [r.taken, r.shortfall])).toEqual([
      [20_000, 0],
      [10_000, 10_000],
    ]);
    const conflict = mine[1] as Redemption;
    expect(conflict.userName).toBe('owner');
    const resolved = await json(t.app, {
      method: 'POST',
      url: '/api/shop/vouchers/resolve',
      cookie: shop.ownerCookie,
      payload: { redemptionId: conflict.id, resolution: 'contact_customer' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await list()).redemptions.find((r) => r.id === conflict.id)?.resolution).toBe('contact_customer');
  });

  it('S5: redeeming an unknown voucher is refused and recorded, not dropped', async () => {
    const res = await redeem(randomUUID(), 1000);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'voucher_not_found' });
  });

  it('a forged token is refused with a clear message in Korean and English', async () => {
    const v = (await issue(amountVoucher())).json() as Voucher;
    const [payload, sig] = v.token!.split('.') as [string, string];
    const forged = `${payload}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    for (const [lang, words] of [
      ['ko', '이 가게에서 발행한 상품권이 아닙니다'],
      ['en', 'not issued by this shop'],
    ] as const) {
      const res = await json(t.app, {
        method: 'POST',
        url: `/api/s/${shop.slug}/vouchers/balance`,
        headers: { 'accept-language': lang },
        payload: { token: forged },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'voucher_forged' });
      expect((res.json() as { message: string }).message).toContain(words);
    }
    const genuine = await json(t.app, {
      method: 'POST',
      url: `/api/s/${shop.slug}/vouchers/balance`,
      payload: { token: v.token },
    });
    expect(genuine.json()).toMatchObject({ id: v.id, balance: 30_000, redeemed: false });
  });

  it('a customer asks for a voucher; it is signed only when the shop confirms the transfer', async () => {
    const device = await newDevice(t.app);
    const voucherId = randomUUID();
    const asked = await json(t.app, {
      method: 'POST',
      url: `/api/s/${shop.slug}/vouchers/request`,
      device,
      payload: { voucherId, won: 50_000, message: '엄마 생신 선물', buyerName: '박손님' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ token: null, requested: true });
    // Not issued: the counter refuses it.
    expect((await redeem(voucherId, 1000)).results[0]).toMatchObject({ code: 'voucher_not_issued' });
    const confirmed = await json(t.app, {
      method: 'POST',
      url: '/api/shop/vouchers/confirm',
      cookie: shop.ownerCookie,
      payload: { voucherId, paidBy: 'transfer' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const mine = await json(t.app, { method: 'GET', url: `/api/s/${shop.slug}/vouchers`, device });
    const [v] = (mine.json() as { vouchers: Voucher[] }).vouchers;
    expect(v).toMatchObject({ id: voucherId, paidBy: 'transfer', balance: 50_000 });
    expect(v?.token).toMatch(/\./);
    const other = await newDevice(t.app);
    const theirs = await json(t.app, { method: 'GET', url: `/api/s/${shop.slug}/vouchers`, device: other });
    expect((theirs.json() as { vouchers: Voucher[] }).vouchers).toEqual([]);
  });
});
