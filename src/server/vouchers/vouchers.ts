import type { z } from 'zod/mini';
import { defaultExpiry, validityProblem, voucherCodeKey } from '../../domain/voucher';
import type {
  ConfirmVoucherRequest,
  IssueVoucherRequest,
  RequestVoucherRequest,
  ResolveConflictRequest,
  ShopVouchers,
  Voucher,
  VoucherBalance,
} from '../../protocol/voucher';
import { verifyVoucherToken } from '../../protocol/voucher';
import { ApiError } from '../http/errors';
import { bumpShopVersion } from '../shops/queries';
import type { Queryable, Storage } from '../storage/types';
import { shopPublicKey, signVoucher } from './keys';
import {
  REDEMPTION_COLUMNS,
  REDEMPTION_FROM,
  toRedemption,
  toVoucher,
  VOUCHER_COLUMNS,
  type RedemptionRow,
  type VoucherRow,
} from './rows';

/** Whole seconds: the token carries seconds, and the row must say exactly what the token says. */
const toSec = (ms: number) => Math.floor(ms / 1000) * 1000;

async function voucherById(
  tx: Queryable,
  shopId: string,
  id: string,
  lock = false,
): Promise<VoucherRow | null> {
  const [row] = await tx.query<VoucherRow & { shop_id: string }>(
    `select ${VOUCHER_COLUMNS}, shop_id from vouchers where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  // Another shop's voucher id "does not exist" here (S13).
  return row && row.shop_id === shopId ? row : null;
}

/**
 * Sells a voucher at the counter. The id comes from the tablet (S1): issuing it again returns the
 * voucher as first issued. An item voucher is worth the item's menu price at the time of sale.
 */
export async function issueVoucher(
  storage: Storage,
  shopId: string,
  a: z.output<typeof IssueVoucherRequest>,
  now = Date.now(),
): Promise<{ voucher: Voucher; version: number | null; created: boolean }> {
  return storage.transaction(async (tx) => {
    const existing = await voucherById(tx, shopId, a.voucherId);
    if (existing) return { voucher: toVoucher(existing), version: null, created: false };
    const [taken] = await tx.query('select 1 from vouchers where id = $1', [a.voucherId]);
    if (taken) throw new ApiError(409, 'voucher_exists');
    if ((a.won === null) === (a.itemId === null)) throw new ApiError(400, 'voucher_amount_required', ['won']);
    let won = a.won ?? 0;
    let item: { id: string; name: string } | null = null;
    if (a.itemId !== null) {
      const [row] = await tx.query<{ name: string; price: number }>(
        'select name, price from menu_items where id = $1 and shop_id = $2',
        [a.itemId, shopId],
      );
      if (!row || row.price <= 0) throw new ApiError(400, 'voucher_item_not_found', ['itemId']);
      won = row.price;
      item = { id: a.itemId, name: row.name.slice(0, 80) };
    }
    const issuedAt = toSec(now);
    const expiresAt = toSec(Date.parse(a.expiresAt));
    const problem = validityProblem(issuedAt, expiresAt, item);
    if (problem) throw new ApiError(400, problem, ['expiresAt']);
    const token = await signVoucher(tx, { id: a.voucherId, shopId, won, item, issuedAt, expiresAt });
    const version = await bumpShopVersion(tx, shopId);
    const [row] = (await tx.query<VoucherRow>(
      `insert into vouchers (id, shop_id, code, token, won, item_id, item_name, balance, issued_at, expires_at,
                             message, buyer_name, paid_by, paid_at, version)
       values ($1, $2, $3, $4, $5, $6, $7, $5, $8, $9, $10, $11, $12, case when $12::text is null then null else now() end, $13)
       returning ${VOUCHER_COLUMNS}`,
      [
        a.voucherId,
        shopId,
        voucherCodeKey(a.voucherId),
        token,
        won,
        item?.id ?? null,
        item?.name ?? null,
        new Date(issuedAt),
        new Date(expiresAt),
        a.message,
        a.buyerName,
        a.paidBy,
        version,
      ],
    )) as [VoucherRow];
    return { voucher: toVoucher(row), version, created: true };
  });
}

/**
 * The shop saw the money. A customer's request is issued (signed) now, valid a year from today; a
 * voucher already issued just records how it was paid.
 */
export async function confirmVoucher(
  storage: Storage,
  shopId: string,
  a: z.output<typeof ConfirmVoucherRequest>,
  now = Date.now(),
): Promise<{ voucher: Voucher; version: number; deviceId: string | null }> {
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    const v = await voucherById(tx, shopId, a.voucherId, true);
    if (!v) throw new ApiError(404, 'voucher_not_found');
    let token = v.token;
    let issuedAt = v.issued_at === null ? null : new Date(v.issued_at);
    let expiresAt = new Date(v.expires_at);
    if (token === null) {
      issuedAt = new Date(toSec(now));
      expiresAt = new Date(defaultExpiry(issuedAt.getTime()));
      token = await signVoucher(tx, {
        id: v.id,
        shopId,
        won: v.won,
        item: null,
        issuedAt: issuedAt.getTime(),
        expiresAt: expiresAt.getTime(),
      });
    }
    const [row] = (await tx.query<VoucherRow>(
      `update vouchers set token = $2, issued_at = $3, expires_at = $4, paid_by = $5,
              paid_at = coalesce(paid_at, now()), version = $6
        where id = $1 returning ${VOUCHER_COLUMNS}`,
      [v.id, token, issuedAt, expiresAt, a.paidBy, version],
    )) as [VoucherRow];
    return { voucher: toVoucher(row), version, deviceId: v.device_id };
  });
}

/** A customer asks for a voucher from the shop page; nothing is signed until the shop confirms. */
export async function requestVoucher(
  storage: Storage,
  shopId: string,
  deviceId: string,
  a: z.output<typeof RequestVoucherRequest>,
  now = Date.now(),
): Promise<Voucher> {
  return storage.transaction(async (tx) => {
    const [prev] = await tx.query<VoucherRow & { shop_id: string }>(
      `select ${VOUCHER_COLUMNS}, shop_id from vouchers where id = $1`,
      [a.voucherId],
    );
    // S1: the same request again is a no-op; someone else's id is refused without saying more.
    if (prev) {
      if (prev.shop_id === shopId && prev.device_id === deviceId) return toVoucher(prev);
      throw new ApiError(409, 'voucher_exists');
    }
    const version = await bumpShopVersion(tx, shopId);
    const [row] = (await tx.query<VoucherRow>(
      `insert into vouchers (id, shop_id, code, won, balance, expires_at, message, buyer_name, device_id, version)
       values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9) returning ${VOUCHER_COLUMNS}`,
      [
        a.voucherId,
        shopId,
        voucherCodeKey(a.voucherId),
        a.won,
        new Date(defaultExpiry(now)),
        a.message,
        a.buyerName,
        deviceId,
        version,
      ],
    )) as [VoucherRow];
    return toVoucher(row);
  });
}

/** Everything a shop device keeps to sell and accept vouchers offline, the public key included. */
export async function shopVouchers(storage: Storage, shopId: string): Promise<ShopVouchers> {
  const publicKey = await storage.transaction((tx) => shopPublicKey(tx, shopId));
  const vouchers = await storage.query<VoucherRow>(
    `select ${VOUCHER_COLUMNS} from vouchers where shop_id = $1 order by created_at desc, id`,
    [shopId],
  );
  const redemptions = await storage.query<RedemptionRow>(
    `select ${REDEMPTION_COLUMNS} from ${REDEMPTION_FROM} where r.shop_id = $1 order by r.version, r.id`,
    [shopId],
  );
  return {
    shopId,
    publicKey,
    vouchers: vouchers.map(toVoucher),
    redemptions: redemptions.map(toRedemption),
  };
}

export async function voucherKey(storage: Storage, shopId: string) {
  return { shopId, publicKey: await storage.transaction((tx) => shopPublicKey(tx, shopId)) };
}

/** The vouchers this customer device asked for (S13: never another device's). */
export async function myVouchers(storage: Storage, shopId: string, deviceId: string) {
  const rows = await storage.query<VoucherRow>(
    `select ${VOUCHER_COLUMNS} from vouchers where shop_id = $1 and device_id = $2 order by created_at desc`,
    [shopId, deviceId],
  );
  return { vouchers: rows.map(toVoucher) };
}

/**
 * The balance for whoever holds the token (the token is the voucher: it is what the counter
 * accepts). The signature is checked first, so a made-up token learns nothing, not even "no such id".
 */
export async function balanceOf(
  storage: Storage,
  shopId: string,
  token: string,
): Promise<z.input<typeof VoucherBalance>> {
  const publicKey = await storage.transaction((tx) => shopPublicKey(tx, shopId));
  // Far in the past: an expired voucher's balance is still shown (90% stays refundable).
  const check = await verifyVoucherToken(token, { id: shopId, publicKey }, 0);
  if (!check.ok)
    throw new ApiError(400, check.code === 'voucher_malformed' ? 'voucher_malformed' : check.code);
  const row = await voucherById(storage, shopId, check.claims.id);
  if (!row || row.token !== token) throw new ApiError(404, 'voucher_not_found');
  return {
    id: row.id,
    balance: row.balance,
    expiresAt: new Date(row.expires_at).toISOString(),
    redeemed: row.balance < row.won,
  };
}

/** The owner's decision on an over-redemption: written down, so the list stops asking. */
export async function resolveConflict(
  storage: Storage,
  shopId: string,
  a: z.output<typeof ResolveConflictRequest>,
): Promise<number> {
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    const rows = await tx.query(
      `update voucher_redemptions set resolution = $3, version = $4
        where id = $1 and shop_id = $2 and shortfall > 0 returning id`,
      [a.redemptionId, shopId, a.resolution, version],
    );
    if (rows.length === 0) throw new ApiError(404, 'voucher_not_found');
    return version;
  });
}
