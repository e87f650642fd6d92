import { CROCKFORD, normalizeCrockford } from './crockford';
import type { Won } from './money';

/**
 * Gift vouchers a shop sells itself (issue #7): the rules every device and the server share.
 *
 * A voucher is worth an amount in won; an item voucher ("one 불고기") is worth the item's price when
 * it was sold and is redeemed whole. Its balance only goes down, by redemptions, in the order the
 * server receives them; a redemption larger than the balance (two offline tablets took the same
 * voucher) is still recorded, because the goods have already left the counter, and its excess is a
 * shortfall the owner must see.
 */

export interface VoucherItem {
  id: string;
  name: string;
}

/** What the shop signs: everything a device needs to accept the voucher with no network. */
export interface VoucherClaims {
  id: string;
  shopId: string;
  /** Face value in won (an item voucher: the item's price at issue). */
  won: Won;
  item: VoucherItem | null;
  /** Epoch milliseconds, whole seconds (the token carries seconds). */
  issuedAt: number;
  /** The first instant the voucher is no longer valid (epoch ms, whole seconds). */
  expiresAt: number;
}

/**
 * The default validity, and the shortest the shop may choose. The FTC's standard terms for
 * new-type (mobile/online) vouchers, as revised in December 2020 (공정거래위원회 신유형 상품권
 * 표준약관), ask for at least one year for money and item vouchers alike; three months is allowed
 * only for perishable or seasonal goods. After expiry the buyer can still claim 90% of the unused
 * value for the five-year limitation period, so an expired balance is shown, not erased.
 */
export const DEFAULT_VALID_DAYS = 365;
export const MIN_VALID_DAYS = 365;
export const MIN_VALID_DAYS_PERISHABLE_ITEM = 90;
/** A longer voucher is a promise few shops can keep; five years is the limitation period. */
export const MAX_VALID_DAYS = 5 * 365;
/** After expiry, the share of the unused value the buyer may still claim back (표준약관). */
export const REFUND_AFTER_EXPIRY_PERCENT = 90;

const DAY_MS = 86_400_000;

export function defaultExpiry(issuedAt: number): number {
  return issuedAt + DEFAULT_VALID_DAYS * DAY_MS;
}

/** Null when the validity the shop chose is allowed, else why not. */
export function validityProblem(
  issuedAt: number,
  expiresAt: number,
  item: VoucherItem | null,
): 'voucher_validity_too_short' | 'voucher_validity_too_long' | null {
  const days = (expiresAt - issuedAt) / DAY_MS;
  const min = item ? MIN_VALID_DAYS_PERISHABLE_ITEM : MIN_VALID_DAYS;
  // A day's slack: the shop picks a date, and "a year from today" ends at that day's close.
  if (days < min - 1) return 'voucher_validity_too_short';
  if (days > MAX_VALID_DAYS + 1) return 'voucher_validity_too_long';
  return null;
}

export function isExpired(claims: Pick<VoucherClaims, 'expiresAt'>, now: number): boolean {
  return now >= claims.expiresAt;
}

/** The last day a voucher can be used, as printed on it: the date of the second before it expires. */
export function voucherLastDay(expiresAt: number): string {
  return new Date(expiresAt - 1000).toISOString().slice(0, 10);
}

/** The issuer tells the holder this many days before expiry (표준약관, revised 2020; it was 7 days). */
export const EXPIRY_NOTICE_DAYS = 30;
/** Unused value stays claimable (at 90 %) for the commercial limitation period after issue. */
export const REFUND_LIMIT_DAYS = 5 * 365;

export function refundAfterExpiry(balance: Won): Won {
  return Math.floor((balance * REFUND_AFTER_EXPIRY_PERCENT) / 100);
}

export type ExpiryNotice =
  { kind: 'soon'; daysLeft: number } | { kind: 'expired'; refundWon: Won; refundUntil: number };

/**
 * What the holder must be told about expiry now, if anything. Only a voucher with value left has
 * anything to tell: within EXPIRY_NOTICE_DAYS, how many days remain (the last day counts as one);
 * once expired, the 90 % refund and until when it can be claimed; nothing after that.
 */
export function expiryNotice(
  v: { balance: Won; issuedAt: number; expiresAt: number },
  now: number,
): ExpiryNotice | null {
  if (v.balance <= 0) return null;
  if (isExpired(v, now)) {
    const refundUntil = v.issuedAt + REFUND_LIMIT_DAYS * DAY_MS;
    return now < refundUntil
      ? { kind: 'expired', refundWon: refundAfterExpiry(v.balance), refundUntil }
      : null;
  }
  const daysLeft = Math.ceil((v.expiresAt - now) / DAY_MS);
  return daysLeft <= EXPIRY_NOTICE_DAYS ? { kind: 'soon', daysLeft } : null;
}

export interface RedemptionEffect {
  /** What the voucher actually covered. */
  taken: Won;
  /** What was handed over beyond the balance: the over-redemption the owner must decide on. */
  shortfall: Won;
  balanceAfter: Won;
}

/** One redemption against a balance, applied in arrival order. */
export function redeem(balance: Won, amount: Won): RedemptionEffect {
  const taken = Math.min(balance, amount);
  return { taken, shortfall: amount - taken, balanceAfter: balance - taken };
}

/** Replays redemptions in order over a face value: the balance every device must agree on. */
export function balanceAfter(won: Won, amounts: readonly Won[]): Won {
  return amounts.reduce((b, a) => redeem(b, a).balanceAfter, won);
}

export type VoucherState = 'requested' | 'active' | 'used' | 'expired';

export function voucherState(
  v: { issued: boolean; balance: Won; expiresAt: number },
  now: number,
): VoucherState {
  if (!v.issued) return 'requested';
  if (v.balance === 0) return 'used';
  return isExpired(v, now) ? 'expired' : 'active';
}

export interface VoucherTotals {
  /** Issued vouchers and their face value (what the shop sold). */
  sold: number;
  soldWon: Won;
  /** Balances still valid: money the shop holds for goods it has yet to hand over (a liability). */
  outstandingWon: Won;
  redeemedWon: Won;
  /** Balances past expiry: still claimable at 90% for five years, so still owed in part. */
  expiredWon: Won;
  /** Goods handed over beyond a voucher's balance (over-redemptions). */
  shortfallWon: Won;
}

export function voucherTotals(
  vouchers: readonly { issued: boolean; won: Won; balance: Won; expiresAt: number; shortfall: Won }[],
  now: number,
): VoucherTotals {
  const t: VoucherTotals = {
    sold: 0,
    soldWon: 0,
    outstandingWon: 0,
    redeemedWon: 0,
    expiredWon: 0,
    shortfallWon: 0,
  };
  for (const v of vouchers) {
    if (!v.issued) continue;
    t.sold += 1;
    t.soldWon += v.won;
    t.redeemedWon += v.won - v.balance;
    t.shortfallWon += v.shortfall;
    if (isExpired(v, now)) t.expiredWon += v.balance;
    else t.outstandingWon += v.balance;
  }
  return t;
}

// ——— the short code a person can read out or type ———

/**
 * Crockford's base32 (./crockford), read forgivingly. The check symbol is the value mod 37
 * (Crockford's own check alphabet), which catches every single wrong symbol and every swap of two
 * neighbours: 37 is prime and divides neither 32^k nor (32 - 1)·32^k.
 */
const ALPHABET = CROCKFORD;
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;
/** 48 random bits of the voucher id in 10 symbols: unique within a shop for any realistic count. */
export const CODE_BODY_LENGTH = 10;
const CODE_BITS = 48;

function checkSymbol(body: string): string {
  let mod = 0;
  for (const ch of body) mod = (mod * 32 + ALPHABET.indexOf(ch)) % 37;
  return CHECK_ALPHABET[mod]!;
}

/**
 * The voucher's lookup key (10 symbols, no check): the last 48 bits of its id, which are random in
 * UUIDv4 and UUIDv7 alike. A device finds the voucher by it; the server indexes it per shop.
 */
export function voucherCodeKey(voucherId: string): string {
  let n = BigInt(`0x${voucherId.replace(/-/g, '').slice(-CODE_BITS / 4)}`);
  let out = '';
  for (let i = 0; i < CODE_BODY_LENGTH; i++) {
    out = ALPHABET[Number(n & 31n)]! + out;
    n >>= 5n;
  }
  return out;
}

/** "0K7Q-M3XT-A9P": the key and its check symbol, grouped in fours for reading aloud. */
export function voucherCode(voucherId: string): string {
  const full = voucherCodeKey(voucherId) + checkSymbol(voucherCodeKey(voucherId));
  return full.match(/.{1,4}/g)!.join('-');
}

/** The lookup key of a typed code, or null when it is malformed or its check symbol is wrong. */
export function parseVoucherCode(typed: string): string | null {
  const s = normalizeCrockford(typed);
  if (s.length !== CODE_BODY_LENGTH + 1) return null;
  const body = s.slice(0, CODE_BODY_LENGTH);
  if (![...body].every((ch) => ALPHABET.includes(ch))) return null;
  return checkSymbol(body) === s[CODE_BODY_LENGTH] ? body : null;
}

export const CODE_SYMBOLS = ALPHABET;
export const CODE_CHECK_SYMBOLS = CHECK_ALPHABET;
