import { fromBase32, toBase32 } from '../domain/crockford';
import { CLOCK_PATTERN, minutesOfDay } from '../domain/hours';
import { MAX_LINES, MAX_QUANTITY } from '../domain/pricing';
import { sha256 } from '../domain/sha256';
import { isCleanText } from '../domain/text';
import { Id } from './schemas';
import { Malformed, PHONE_CHARS, Reader, Writer } from './handoffBytes';

/**
 * The SMS hand-off code (DESIGN.md "Offline and the outage path"). When a phone cannot reach the
 * server, the customer texts the shop a code; the shop's tablet decodes it and places the same order
 * under the customer's order id, so the phone's own push is deduped later (S1).
 *
 * Bytes, all integers big-endian except the CRC:
 *   version u8 · shop u16 (FNV-1a of the slug) · order id 16 · date u16 (days since 1970) ·
 *   slot u16 (minute of day, 0xFFFF = as soon as possible) · flags u8 (bit 0 delivery, bit 1 bank
 *   transfer, bit 2 a claim key follows) · claim key 8 (if flagged) · line count u8 · per line: item u32 (FNV-1a of its id), quantity u8, option count u8,
 *   options u16 each (FNV-1a of the option id) · name, address and note as texts · phone as nibbles ·
 *   CRC-32 of all of the above, least-significant byte first.
 * Text: "DG-" then Crockford base32, ungrouped: a typical Korean order is ~185 symbols, and hyphens
 * every five would push it past 200; decoding ignores spaces and hyphens so a person may group it.
 *
 * The claim key (version 2) is what lets the phone, and only it, take the imported order as its own
 * when it syncs later: the first 8 bytes of SHA-256 over the order's share secret, which never leaves
 * the phone. The tablet passes the key on (placeOrder's handoffKey); the server keeps its hash, and
 * links the order to a phone only if the key derived from that phone's share secret matches. Someone
 * who read the message knows the key but cannot find a secret that gives it (2^64 tries).
 * Version 1 codes (an older cached app) carry no key: they are still read, so the shop gets the order
 * under the phone's id (no duplicate when the phone syncs), but no device can claim it.
 */

export interface HandoffOrder {
  orderId: string;
  shopSlug: string;
  lines: { itemId: string; quantity: number; optionIds: string[] }[];
  fulfilment: 'pickup' | 'delivery';
  /** "YYYY-MM-DD", shop-local. */
  date: string;
  /** "HH:MM", or null for as soon as possible. */
  slot: string | null;
  customerName: string;
  customerPhone: string;
  address: string;
  note: string;
  payment: 'at_pickup' | 'bank_transfer';
  /** The claim key (16 lowercase hex digits, handoffKeyOf); absent in a version 1 code. */
  handoffKey?: string;
}

export type HandoffProblem =
  | 'handoff_malformed'
  | 'handoff_checksum'
  | 'handoff_version'
  | 'handoff_other_shop'
  | 'handoff_unknown_item';

/** What decoding needs: the shop, and of its menu only ids, so the tablet passes its catalogue map as is. */
export interface HandoffContext {
  shopSlug: string;
  catalogue: ReadonlyMap<string, { id: string; optionGroups: { options: { id: string }[] }[] }>;
}

export type HandoffResult = { ok: true; order: HandoffOrder } | { ok: false; problem: HandoffProblem };

/**
 * Bumped when the byte layout changes. Prefix, base32 and the trailing CRC stay as they are, so an
 * old tablet can tell a newer code (handoff_version) from a typo (handoff_checksum).
 */
const VERSION = 2;
/** Read, never written: the layout before the claim key, from phones still running an older app. */
const VERSION_WITHOUT_KEY = 1;
const KEY_BYTES = 8;
const KEY_PATTERN = /^[0-9a-f]{16}$/;
const KEY_CONTEXT = 'dangol/handoff-claim/v1\n';
const PREFIX = 'DG-';
const ASAP = 0xffff;
const MAX_OPTIONS = 20;
const LIMITS = { customerName: 40, customerPhone: 20, address: 200, note: 500 } as const;
/** Longest possible code is ~7,300 symbols; anything far longer is not a code, so no work is spent on it. */
const MAX_CODE_CHARS = 16_000;
const DAY_MS = 86_400_000;

// ——— hashes and checksum ———

const utf8 = new TextEncoder();

function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of utf8.encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** XOR-folding keeps all 32 bits' mixing in 16, as the FNV authors advise for short hashes. */
function fnv1a16(text: string): number {
  const h = fnv1a32(text);
  return ((h >>> 16) ^ h) & 0xffff;
}

/**
 * Items are named by a 32-bit hash of the id, not its first 4 bytes: UUIDv7 ids (allowed by S1)
 * begin with a millisecond clock, so items created within the same ~65 s would share those bytes.
 */
const itemKey = fnv1a32;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as in zip and PNG (reflected polynomial 0xEDB88320). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The claim key of the order whose share secret this is: hex of the first 8 bytes of SHA-256 over a
 * domain-separated string, so it can never be mistaken for the share link's own hash. Synchronous,
 * for the phone that builds its text message while rendering; the server derives the same.
 */
export function handoffKeyOf(shareSecret: string): string {
  return [...sha256(utf8.encode(KEY_CONTEXT + shareSecret)).subarray(0, KEY_BYTES)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

// ——— validation, shared by both directions ———

function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  // Date.UTC rolls 02-30 over to 03-02; a real date survives the round trip.
  return new Date(ms).toISOString().slice(0, 10) === date && day >= 0 && day <= 0xffff ? day : null;
}

/** The order fields' text rule (S15): a NUL in a note must be refused here, not stop the tablet's queue. */
const fits = (s: string, max: number, lines = false) => s.length <= max && isCleanText(s, { lines });

function isValid(o: HandoffOrder): boolean {
  return (
    // Lowercase, as crypto.randomUUID writes it: the code keeps bytes, and the same id string must come back.
    o.orderId === o.orderId.toLowerCase() &&
    Id.safeParse(o.orderId).success &&
    dayNumber(o.date) !== null &&
    (o.slot === null || CLOCK_PATTERN.test(o.slot)) &&
    o.lines.length >= 1 &&
    o.lines.length <= MAX_LINES &&
    o.lines.every(
      (l) =>
        Number.isInteger(l.quantity) &&
        l.quantity >= 1 &&
        l.quantity <= MAX_QUANTITY &&
        l.optionIds.length <= MAX_OPTIONS,
    ) &&
    fits(o.customerName, LIMITS.customerName) &&
    fits(o.address, LIMITS.address) &&
    fits(o.note, LIMITS.note, true) &&
    o.customerPhone.length <= LIMITS.customerPhone &&
    [...o.customerPhone].every((c) => PHONE_CHARS.includes(c)) &&
    (o.handoffKey === undefined || KEY_PATTERN.test(o.handoffKey))
  );
}

// ——— encode ———

/** The code for an order that already passed placeOrder's checks; throws RangeError otherwise (a bug). */
export function encodeHandoff(order: HandoffOrder): string {
  if (!isValid(order)) throw new RangeError('encodeHandoff: the order is outside the hand-off limits');
  const w = new Writer();
  w.u8(VERSION);
  w.u16(fnv1a16(order.shopSlug));
  order.orderId
    .replace(/-/g, '')
    .match(/../g)!
    .forEach((hex) => w.u8(parseInt(hex, 16)));
  w.u16(dayNumber(order.date)!);
  w.u16(order.slot === null ? ASAP : minutesOfDay(order.slot));
  const key = order.handoffKey;
  w.u8(
    (order.fulfilment === 'delivery' ? 1 : 0) |
      (order.payment === 'bank_transfer' ? 2 : 0) |
      (key !== undefined ? 4 : 0),
  );
  key?.match(/../g)!.forEach((hex) => w.u8(parseInt(hex, 16)));
  w.u8(order.lines.length);
  for (const line of order.lines) {
    w.u32(itemKey(line.itemId));
    w.u8(line.quantity);
    w.u8(line.optionIds.length);
    line.optionIds.forEach((id) => w.u16(fnv1a16(id)));
  }
  w.text(order.customerName);
  w.phone(order.customerPhone);
  w.text(order.address);
  w.text(order.note);
  const body = w.bytes();
  const bytes = new Uint8Array(body.length + 4);
  bytes.set(body);
  new DataView(bytes.buffer).setUint32(body.length, crc32(body), true);
  return PREFIX + toBase32(bytes);
}

// ——— decode ———

interface RawLine {
  item: number;
  quantity: number;
  options: number[];
}

/** The one entry whose key matches, or null for none or several: a hash collision is refused, not guessed. */
function only<T>(candidates: T[], key: (c: T) => number, want: number): T | null {
  const hits = candidates.filter((c) => key(c) === want);
  return hits.length === 1 ? hits[0]! : null;
}

function resolveLines(raw: RawLine[], ctx: HandoffContext): HandoffOrder['lines'] | null {
  const items = [...ctx.catalogue.values()].map((item) => ({ item, key: itemKey(item.id) }));
  const lines: HandoffOrder['lines'] = [];
  for (const r of raw) {
    const item = only(items, (i) => i.key, r.item)?.item;
    if (!item) return null;
    const ids = [...new Set(item.optionGroups.flatMap((g) => g.options.map((o) => o.id)))];
    const optionIds = r.options.map((h) => only(ids, fnv1a16, h));
    if (optionIds.includes(null)) return null;
    lines.push({ itemId: item.id, quantity: r.quantity, optionIds: optionIds as string[] });
  }
  return lines;
}

/**
 * Why one mistyped symbol can never pass: a symbol carries 5 contiguous bits, so a substitution
 * changes bits inside at most two adjacent bytes. In the bit order the reflected CRC reads (each
 * byte least-significant bit first), two adjacent bytes are 16 consecutive coefficients, so the
 * error is a burst of ≤16 bits over the codeword "bytes ‖ CRC" (the CRC is appended
 * least-significant byte first, which makes the whole one codeword). The CRC-32 generator has
 * degree 32 and a non-zero constant term, so it divides no burst shorter than 33 bits: every such
 * error changes the check. The last symbol's spare bits lie outside the codeword, so they must be 0
 * (fromBase32 refuses anything else).
 */
function unpack(symbols: string): Uint8Array | HandoffProblem {
  const bytes = fromBase32(symbols);
  if (!bytes || bytes.length < 5) return 'handoff_malformed';
  const body = bytes.subarray(0, -4);
  const crc = new DataView(bytes.buffer).getUint32(body.length, true);
  return crc32(body) === crc ? body : 'handoff_checksum';
}

function parse(r: Reader, ctx: HandoffContext): HandoffResult {
  const version = r.u8();
  if (version !== VERSION && version !== VERSION_WITHOUT_KEY)
    return { ok: false, problem: 'handoff_version' };
  if (r.u16() !== fnv1a16(ctx.shopSlug)) return { ok: false, problem: 'handoff_other_shop' };
  const hex = Array.from({ length: 16 }, () => r.u8().toString(16).padStart(2, '0')).join('');
  const orderId = [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
  const date = new Date(r.u16() * DAY_MS).toISOString().slice(0, 10);
  const minute = r.u16();
  const flags = r.u8();
  if (flags > (version === VERSION ? 7 : 3)) throw new Malformed();
  const handoffKey =
    flags & 4
      ? Array.from({ length: KEY_BYTES }, () => r.u8().toString(16).padStart(2, '0')).join('')
      : undefined;
  const slot =
    minute === ASAP
      ? null
      : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const raw = Array.from({ length: r.u8() }, (): RawLine => {
    const item = r.u32();
    const quantity = r.u8();
    return { item, quantity, options: Array.from({ length: r.u8() }, () => r.u16()) };
  });
  const customerName = r.text();
  const customerPhone = r.phone();
  const address = r.text();
  const note = r.text();
  if (!r.done()) throw new Malformed();
  const lines = resolveLines(raw, ctx);
  if (!lines) return { ok: false, problem: 'handoff_unknown_item' };
  const order: HandoffOrder = {
    orderId,
    shopSlug: ctx.shopSlug,
    lines,
    fulfilment: flags & 1 ? 'delivery' : 'pickup',
    date,
    slot,
    customerName,
    customerPhone,
    address,
    note,
    payment: flags & 2 ? 'bank_transfer' : 'at_pickup',
    ...(handoffKey !== undefined ? { handoffKey } : {}),
  };
  return isValid(order) ? { ok: true, order } : { ok: false, problem: 'handoff_malformed' };
}

/**
 * The order a pasted code carries, checked against this shop and its menu. Never throws: the input
 * is whatever a person pasted. Case, spaces and hyphens are forgiven; O, I and L read as 0, 1, 1.
 */
export function decodeHandoff(code: string, ctx: HandoffContext): HandoffResult {
  const text = code.trim().toUpperCase();
  if (text.length > MAX_CODE_CHARS || !text.startsWith(PREFIX))
    return { ok: false, problem: 'handoff_malformed' };
  const body = unpack(text.slice(PREFIX.length).replace(/[\s-]/g, ''));
  if (typeof body === 'string') return { ok: false, problem: body };
  try {
    return parse(new Reader(body), ctx);
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, problem: 'handoff_malformed' };
    throw e;
  }
}
