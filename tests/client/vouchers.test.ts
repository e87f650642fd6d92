import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictsOf } from '../../src/client/conflicts';
import { clientIdOf } from '../../src/client/outbox';
import { checkAtCounter, redeemAtCounter, refreshVouchers, voucherBook } from '../../src/client/vouchers';
import type { ShopVouchers, Voucher } from '../../src/protocol/voucher';
import { drivers, dropTestSchemas } from '../support/drivers';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  type Device,
  type SyncShop,
} from '../support/syncWorld';
import { json, startTestApp, type TestApp } from '../support/testApp';

afterAll(dropTestSchemas);

describe.each(drivers)('gift vouchers across offline tablets on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  const tablet = (): Device => device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }));
  const fetchVouchers = async () =>
    (
      await json(t.app, { method: 'GET', url: '/api/shop/vouchers', cookie: shop.ownerCookie })
    ).json() as ShopVouchers;
  /** The owner sells a ₩30,000 voucher valid for a year, paid at the counter. */
  const issue30k = async (buyerName: string): Promise<Voucher> => {
    const issued = await json(t.app, {
      method: 'POST',
      url: '/api/shop/vouchers',
      cookie: shop.ownerCookie,
      payload: {
        voucherId: randomUUID(),
        won: 30_000,
        itemId: null,
        expiresAt: new Date(Date.now() + 366 * 86_400_000).toISOString(),
        message: '',
        buyerName,
        paidBy: 'card',
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    return issued.json() as Voucher;
  };
  const balanceOn = async (d: Device, id: string) =>
    (await voucherBook(d.db)).vouchers.find((k) => k.voucher.id === id)?.balance;

  it('S7/S13: two tablets offline redeem ₩20,000 each of one ₩30,000 voucher: one ₩10,000 over-redemption, equal balances', async () => {
    const v = await issue30k('김단골');

    // Both tablets heard from the server once (the shop's key and its vouchers), then the network fell.
    const a = tablet();
    const b = tablet();
    for (const d of [a, b]) await refreshVouchers(d.db, fetchVouchers);

    // Offline: one scans the QR (the token), the other takes the typed code; both verify on the device.
    const seenA = await checkAtCounter(a.db, `https://dangol.example/s/${shop.slug}/v/${v.token}`);
    const seenB = await checkAtCounter(b.db, v.code.toLowerCase());
    expect(seenA.ok && seenA.known.balance).toBe(30_000);
    expect(seenB.ok && seenB.known.balance).toBe(30_000);
    await redeemAtCounter(a.db, v.id, 20_000);
    await redeemAtCounter(b.db, v.id, 20_000);
    expect(await balanceOn(a, v.id)).toBe(10_000);
    expect(await balanceOn(b, v.id)).toBe(10_000);

    // Back online: A's push arrives first, then B's.
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    for (const d of [a, b]) {
      await d.engine.syncOnce();
      await refreshVouchers(d.db, fetchVouchers);
      expect(await d.db.outbox.count()).toBe(0);
    }

    const [bookA, bookB] = [await voucherBook(a.db), await voucherBook(b.db)];
    expect(bookA.conflicts).toHaveLength(1);
    expect(bookA.conflicts).toEqual(bookB.conflicts);
    const [conflict] = bookA.conflicts;
    expect(conflict).toMatchObject({ voucherId: v.id, amount: 20_000, taken: 10_000, shortfall: 10_000 });
    // The later arrival is the one recorded, with the tablet that sent it.
    expect(conflict?.clientId).toBe(await clientIdOf(b.db));
    expect(await balanceOn(a, v.id)).toBe(0);
    expect(await balanceOn(b, v.id)).toBe(0);
    // The voucher holder's phone sees the same.
    const wallet = await json(t.app, {
      method: 'POST',
      url: `/api/s/${shop.slug}/vouchers/balance`,
      payload: { token: v.token },
    });
    expect(wallet.json()).toMatchObject({ balance: 0, redeemed: true });
  });

  it('S5: a redemption the server refuses is kept as a notice with the voucher, the amount and the reason', async () => {
    const v = await issue30k('이단골');
    const d = tablet();
    await refreshVouchers(d.db, fetchVouchers);
    // The server loses the voucher while the tablet is offline: restored from a backup taken before it was sold.
    await t.storage.query('delete from vouchers where id = $1', [v.id]);
    const seen = await checkAtCounter(d.db, v.token!);
    expect(seen.ok).toBe(true);
    await redeemAtCounter(d.db, v.id, 12_000);
    await d.engine.syncOnce();
    await d.engine.syncOnce();
    expect(await d.db.outbox.count()).toBe(0);
    // The balance goes back to what the server knows, but not silently.
    expect(await conflictsOf(d.db)).toMatchObject([
      { name: 'redeemVoucher', code: 'voucher_not_found', voucherId: v.id, amount: 12_000 },
    ]);
  });

  it('a typed code with one wrong symbol is refused on the device; an unknown device copy says so', async () => {
    const d = tablet();
    expect(await checkAtCounter(d.db, '0000-0000-000')).toEqual({ ok: false, code: 'voucher_no_copy' });
    await refreshVouchers(d.db, fetchVouchers);
    const [v] = (await fetchVouchers()).vouchers;
    const code = v!.code;
    const typo = (code[0] === '7' ? '8' : '7') + code.slice(1);
    expect(await checkAtCounter(d.db, typo)).toEqual({ ok: false, code: 'voucher_malformed' });
    expect(await checkAtCounter(d.db, code)).toMatchObject({ ok: true });
  });
});
