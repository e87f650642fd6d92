import { z } from 'zod/mini';
import { isExpired, type VoucherClaims } from '../domain/voucher';
import { trimmed } from './fields';
import { Id, Won } from './schemas';

/**
 * The signed voucher token: `<payload>.<signature>`, both base64url. The payload is a JSON array in a
 * fixed order (one encoding per voucher, so what is signed is what is sent); the signature is
 * Ed25519 over a domain-separated message, so a signature made for anything else never verifies as a
 * voucher. The server signs with node:crypto; every device verifies with WebCrypto (Node 20 and
 * Chromium ≥ 137 both have Ed25519), offline, with the shop's public key.
 */

const FORMAT = 1;
const CONTEXT = 'dangol-voucher-v1.';
/** Far above any real token (~260 characters); bounds the work a pasted text can cause. */
export const MAX_TOKEN_LENGTH = 600;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,500}\.[A-Za-z0-9_-]{86}$/;

export const VoucherToken = z.string().check(z.maxLength(MAX_TOKEN_LENGTH), z.regex(TOKEN_PATTERN));

// ——— base64url without Buffer (devices) ———

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

// ——— encoding ———

const sec = (ms: number) => Math.floor(ms / 1000);

/** The payload part of a token for these claims. */
export function encodeVoucherPayload(c: VoucherClaims): string {
  const fields = [FORMAT, c.id, c.shopId, c.won, c.item?.id ?? null, c.item?.name ?? null];
  const json = JSON.stringify([...fields, sec(c.issuedAt), sec(c.expiresAt)]);
  return toBase64Url(new TextEncoder().encode(json));
}

/** The exact bytes the shop's key signs for a payload. */
export function signingInput(payload: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(CONTEXT + payload);
}

export function joinToken(payload: string, signature: Uint8Array): string {
  return `${payload}.${toBase64Url(signature)}`;
}

const PayloadSchema = z.tuple([
  z.literal(FORMAT),
  Id,
  Id,
  Won,
  z.nullable(Id),
  z.nullable(z.string().check(z.maxLength(80))),
  z.int().check(z.minimum(0)),
  z.int().check(z.minimum(0)),
]);

/** The claims a token states, without checking who signed it: a device shows them only after verifying. */
export function readVoucherToken(token: string): { claims: VoucherClaims; payload: string } | null {
  if (token.length > MAX_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) return null;
  const payload = token.slice(0, token.indexOf('.'));
  const bytes = fromBase64Url(payload);
  if (!bytes) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const r = PayloadSchema.safeParse(parsed);
  if (!r.success) return null;
  const [, id, shopId, won, itemId, itemName, issued, expires] = r.data;
  if ((itemId === null) !== (itemName === null)) return null;
  const item = itemId !== null && itemName !== null ? { id: itemId, name: itemName } : null;
  return { claims: { id, shopId, won, item, issuedAt: issued * 1000, expiresAt: expires * 1000 }, payload };
}

export type VoucherCheck =
  | { ok: true; claims: VoucherClaims }
  | {
      ok: false;
      /** Error codes (protocol/errors.ts) with words for the person at the counter. */
      code: 'voucher_malformed' | 'voucher_forged' | 'voucher_other_shop' | 'voucher_expired';
      claims?: VoucherClaims;
    };

async function importKey(publicKey: string): Promise<CryptoKey | null> {
  const raw = fromBase64Url(publicKey);
  if (!raw || raw.length !== 32) return null;
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
}

/**
 * Checks a token on this device: well formed, signed by this shop's key, for this shop, not expired
 * at `now`. An expired voucher still returns its claims, so the screen can say what it was.
 */
export async function verifyVoucherToken(
  token: string,
  shop: { id: string; publicKey: string },
  now: number,
): Promise<VoucherCheck> {
  const read = readVoucherToken(token);
  if (!read) return { ok: false, code: 'voucher_malformed' };
  const sig = fromBase64Url(token.slice(token.indexOf('.') + 1));
  const key = await importKey(shop.publicKey);
  if (!sig || sig.length !== 64 || !key) return { ok: false, code: 'voucher_forged' };
  const good = await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, signingInput(read.payload));
  if (!good) return { ok: false, code: 'voucher_forged' };
  if (read.claims.shopId !== shop.id) return { ok: false, code: 'voucher_other_shop', claims: read.claims };
  if (isExpired(read.claims, now)) return { ok: false, code: 'voucher_expired', claims: read.claims };
  return { ok: true, claims: read.claims };
}

// ——— the HTTP contract ———

export const PAID_BY = ['cash', 'card', 'transfer'] as const;
export type PaidBy = (typeof PAID_BY)[number];

const Name = trimmed(40);
const Note = trimmed(200, { lines: true });
const Instant = z.iso.datetime({ offset: true });

/** The owner (or allowed staff) sells a voucher at the counter; the id is made on the tablet (S1). */
export const IssueVoucherRequest = z.strictObject({
  voucherId: Id,
  /** An amount voucher (won > 0, item null) or an item voucher (its price is read from the menu). */
  won: z.nullable(Won.check(z.refine((w) => w > 0))),
  itemId: z.nullable(Id),
  expiresAt: Instant,
  message: Note,
  buyerName: Name,
  /** How it was paid; null while a bank transfer is awaited (then confirmed with shopConfirmVoucher). */
  paidBy: z.nullable(z.enum(PAID_BY)),
});

export const ConfirmVoucherRequest = z.strictObject({ voucherId: Id, paidBy: z.enum(PAID_BY) });

/** A customer asks for an amount voucher from the shop page, paying by bank transfer. */
export const RequestVoucherRequest = z.strictObject({
  voucherId: Id,
  won: Won.check(z.refine((w) => w >= 1000)),
  message: Note,
  buyerName: z.pipe(Name, z.string().check(z.minLength(1))),
});

export const ResolveConflictRequest = z.strictObject({
  redemptionId: Id,
  resolution: z.enum(['accept_loss', 'contact_customer']),
});

export const VoucherTokenRequest = z.strictObject({ token: VoucherToken });

export const VoucherSchema = z.strictObject({
  id: Id,
  /** Null until issued (a customer's request before the shop confirmed the transfer). */
  token: z.nullable(z.string()),
  code: z.string(),
  won: Won,
  item: z.nullable(z.strictObject({ id: Id, name: z.string() })),
  balance: Won,
  shortfall: Won,
  issuedAt: z.nullable(z.string()),
  expiresAt: z.string(),
  message: z.string(),
  buyerName: z.string(),
  paidBy: z.nullable(z.enum(PAID_BY)),
  paidAt: z.nullable(z.string()),
  /** A customer's request from the shop page (bank transfer), not a sale at the counter. */
  requested: z.boolean(),
  createdAt: z.string(),
});
export type Voucher = z.output<typeof VoucherSchema>;

export const RedemptionSchema = z.strictObject({
  id: Id,
  voucherId: Id,
  amount: Won,
  taken: Won,
  shortfall: Won,
  orderId: z.nullable(Id),
  /** When the tablet redeemed it (its clock), and when the server received it. */
  at: z.string(),
  receivedAt: z.string(),
  /** The tablet (its sync client id) and who was signed in on it. */
  clientId: Id,
  userName: z.string(),
  resolution: z.nullable(z.enum(['accept_loss', 'contact_customer'])),
});
export type Redemption = z.output<typeof RedemptionSchema>;

/** Everything a shop device keeps to accept vouchers offline. */
export const ShopVouchers = z.strictObject({
  shopId: Id,
  publicKey: z.string(),
  vouchers: z.array(VoucherSchema),
  redemptions: z.array(RedemptionSchema),
});
export type ShopVouchers = z.output<typeof ShopVouchers>;

export const VoucherKey = z.strictObject({ shopId: Id, publicKey: z.string() });

/** What the holder of a token may see: its balance, nothing about who bought it. */
export const VoucherBalance = z.strictObject({
  id: Id,
  balance: Won,
  expiresAt: z.string(),
  redeemed: z.boolean(),
});

export const MyVouchers = z.strictObject({ vouchers: z.array(VoucherSchema) });
