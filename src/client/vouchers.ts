import { parseVoucherCode, voucherCodeKey, type VoucherClaims } from '../domain/voucher';
import type { MutationArgs } from '../protocol/sync';
import {
  readVoucherToken,
  verifyVoucherToken,
  type Redemption,
  type ShopVouchers,
  type Voucher,
  type VoucherCheck,
} from '../protocol/voucher';
import type { ClientDb, OutboxEntry } from './db';
import { enqueue } from './outbox';

/**
 * The shop device's copy of its vouchers (issue #7): the server's list and the shop's public key,
 * kept in the device database so the counter can verify and redeem with no network. The balance a
 * device shows is the server's minus this device's redemptions still on their way (S7: the outbox
 * is replayed on top of the last server copy).
 */

const KEY = 'vouchers';

export interface StoredVouchers extends ShopVouchers {
  /** When the server's copy was fetched (epoch ms): the screen says how fresh the balance is. */
  fetchedAt: number;
}

export interface KnownVoucher {
  voucher: Voucher;
  /** Server balance minus this device's redemptions not yet in the server's copy. */
  balance: number;
  pending: number;
}

export async function storedVouchers(db: ClientDb): Promise<StoredVouchers | null> {
  return (await db.getMeta<StoredVouchers>(KEY)) ?? null;
}

export async function saveVouchers(db: ClientDb, data: ShopVouchers, now = Date.now()): Promise<void> {
  await db.setMeta(KEY, { ...data, fetchedAt: now } satisfies StoredVouchers);
}

/** Fetches the server's list (any error is the caller's: offline, the stored copy stays). */
export async function refreshVouchers(
  db: ClientDb,
  fetch: () => Promise<ShopVouchers>,
): Promise<StoredVouchers> {
  const data = await fetch();
  await saveVouchers(db, data);
  return (await storedVouchers(db))!;
}

type Redeem = MutationArgs<'redeemVoucher'>;

/** Redemptions this device made that the server's copy does not show yet (and were not refused). */
function pendingRedemptions(entries: readonly OutboxEntry[], known: ReadonlySet<string>): Redeem[] {
  return entries
    .filter((e) => e.name === 'redeemVoucher' && e.result?.status !== 'rejected')
    .map((e) => e.args as Redeem)
    .filter((a) => !known.has(a.redemptionId));
}

export interface VoucherBook {
  stored: StoredVouchers | null;
  vouchers: KnownVoucher[];
  /** Over-redemptions the owner has not decided on yet, newest first. */
  conflicts: Redemption[];
  redemptions: Redemption[];
}

/** Everything the voucher screen shows, read from this device alone. */
export async function voucherBook(db: ClientDb): Promise<VoucherBook> {
  // Dexie calls awaited directly, no helper in between: a live query follows only its own awaits.
  const stored = ((await db.meta.get(KEY))?.value as StoredVouchers | undefined) ?? null;
  const entries = await db.outbox.orderBy('seq').toArray();
  const known = new Set(stored?.redemptions.map((r) => r.id) ?? []);
  const pending = pendingRedemptions(entries, known);
  const vouchers = (stored?.vouchers ?? []).map((voucher) => {
    const mine = pending.filter((p) => p.voucherId === voucher.id);
    // Shown as the server will apply them: never below zero, the excess becomes a shortfall.
    const balance = mine.reduce((b, p) => Math.max(0, b - p.amount), voucher.balance);
    return { voucher, balance, pending: mine.length };
  });
  const redemptions = stored?.redemptions ?? [];
  const conflicts = redemptions.filter((r) => r.shortfall > 0 && r.resolution === null).reverse();
  return { stored, vouchers, conflicts, redemptions };
}

/** Why the counter cannot take it; `voucher_no_copy`: this device has never fetched the shop's vouchers. */
export type CounterProblem =
  | Extract<VoucherCheck, { ok: false }>['code']
  | 'voucher_not_found'
  | 'voucher_not_issued'
  | 'voucher_no_copy';

export type CounterCheck =
  { ok: true; known: KnownVoucher; claims: VoucherClaims | null } | { ok: false; code: CounterProblem };

/** A token from a scanned QR or a pasted link ("…/s/<slug>/v/<token>"), or null. */
export function tokenIn(text: string): string | null {
  const trimmed = text.trim();
  const fromLink = /\/v\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(trimmed)?.[1];
  const candidate = fromLink ?? trimmed;
  return readVoucherToken(candidate) ? candidate : null;
}

/**
 * What the counter does with a scanned QR, a pasted link or a typed code, on this device alone:
 * a token is verified with the shop's public key (signature, shop, expiry); a typed code is found by
 * its checksum-guarded key among the vouchers this device knows.
 */
export async function checkAtCounter(db: ClientDb, text: string, now = Date.now()): Promise<CounterCheck> {
  const book = await voucherBook(db);
  if (!book.stored) return { ok: false, code: 'voucher_no_copy' };
  const token = tokenIn(text);
  if (token) {
    const check = await verifyVoucherToken(
      token,
      { id: book.stored.shopId, publicKey: book.stored.publicKey },
      now,
    );
    // The server's own list vouches for a token it sent (a key replaced after a restore).
    const listed = book.vouchers.find((k) => k.voucher.token === token);
    if (!check.ok && !(check.code === 'voucher_forged' && listed)) return { ok: false, code: check.code };
    const claims = check.ok ? check.claims : readVoucherToken(token)!.claims;
    if (!check.ok && claims.expiresAt <= now) return { ok: false, code: 'voucher_expired' };
    const known = listed ?? book.vouchers.find((k) => k.voucher.id === claims.id);
    // Genuine but sold after this device last heard from the server: its full value is the balance.
    return { ok: true, known: known ?? unlisted(claims, token), claims };
  }
  const key = parseVoucherCode(text);
  if (!key) return { ok: false, code: 'voucher_malformed' };
  const known = book.vouchers.find((k) => voucherCodeKey(k.voucher.id) === key);
  if (!known) return { ok: false, code: 'voucher_not_found' };
  if (known.voucher.token === null) return { ok: false, code: 'voucher_not_issued' };
  if (Date.parse(known.voucher.expiresAt) <= now) return { ok: false, code: 'voucher_expired' };
  return { ok: true, known, claims: null };
}

function unlisted(c: VoucherClaims, token: string): KnownVoucher {
  const voucher: Voucher = {
    id: c.id,
    token,
    code: '',
    won: c.won,
    item: c.item,
    balance: c.won,
    shortfall: 0,
    issuedAt: new Date(c.issuedAt).toISOString(),
    expiresAt: new Date(c.expiresAt).toISOString(),
    message: '',
    buyerName: '',
    paidBy: null,
    paidAt: null,
    requested: false,
    createdAt: new Date(c.issuedAt).toISOString(),
  };
  return { voucher, balance: c.won, pending: 0 };
}

/** Queues a redemption (S2): the outbox carries it to the server whenever there is a network. */
export async function redeemAtCounter(
  db: ClientDb,
  voucherId: string,
  amount: number,
  orderId: string | null = null,
  now = Date.now(),
): Promise<string> {
  const redemptionId = crypto.randomUUID();
  await enqueue(db, 'redeemVoucher', {
    redemptionId,
    voucherId,
    amount,
    orderId,
    at: new Date(now).toISOString(),
  });
  return redemptionId;
}
