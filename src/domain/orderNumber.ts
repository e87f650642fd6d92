import { CROCKFORD } from './crockford';

/**
 * What people call an order by (issue #16). The server numbers each order from 1 every shop-local
 * day ("23번"); until that number reaches this device — an order made offline on a customer's
 * phone, a tablet's phone order, an SMS import — the order goes by a provisional code instead,
 * shown with a word that says so ("임시 K7Q2"), never as a bare number.
 */
export type OrderRef = { kind: 'number'; number: number } | { kind: 'provisional'; code: string };

/** Crockford's letters only: a provisional code starts with one, so it never reads as a number. */
const LETTERS = [...CROCKFORD].filter((c) => c >= 'A').join('');

/**
 * Four symbols from the random part of the order's id (a v4 UUID, made on the device, S1).
 *
 * Derived from the id, not from a per-device counter, on purpose: the id is the one thing every copy
 * of the order shares. The customer's phone, the SMS hand-off text and the shop's tablet that imports
 * that text's code all show the same "임시 K7Q2", so the customer can say it at the counter and the
 * staff find it. A device-plus-counter label would differ between the phone and the tablet.
 *
 * Not unique by construction: two orders share a code with chance 1 in 720,896 (22 × 32³). Offline
 * orders waiting at one shop at once are a handful, so a clash is about one in 10⁴–10⁵ outages, and
 * even then the two cards differ by name and items; the server's number replaces both codes as soon
 * as either device reaches it. tests/domain/orderNumber.test.ts measures the rate.
 */
export function provisionalCode(orderId: string): string {
  // The last 8 hex digits are 32 random bits of a v4 UUID (its version and variant bits lie earlier).
  const hex = orderId.replace(/-/g, '').slice(-8);
  let n = Number.parseInt(hex, 16);
  if (!Number.isFinite(n)) n = 0;
  const first = LETTERS[n % LETTERS.length]!;
  n = Math.floor(n / LETTERS.length);
  let rest = '';
  for (let i = 0; i < 3; i++, n = Math.floor(n / 32)) rest = CROCKFORD[n % 32]! + rest;
  return first + rest;
}

/** The server's number when it has given one, else the provisional code. */
export function orderRef(order: { id: string; number?: number | null | undefined }): OrderRef {
  return typeof order.number === 'number' && order.number > 0
    ? { kind: 'number', number: order.number }
    : { kind: 'provisional', code: provisionalCode(order.id) };
}
