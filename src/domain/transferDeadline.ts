import { minutesOfDay, shopLocalDate } from './hours';
import { isFinal, type OrderStatus } from './order';
import { provisionalCode } from './orderNumber';
import { daysBetween, shopMinuteOfDay } from './schedule';

/**
 * Issue #16 (5): a bank-transfer order is a promise to pay by a deadline. Past it, unpaid, the server
 * cancels it (server/sync/transferSweep.ts), so a quota portion or a slot is not held for someone who
 * never sends the money. The deadline is fixed when the order is placed and stored with it: a later
 * change of the shop's setting never moves a promise already made.
 */

/** The shop's setting, in minutes after the order is placed. A day suits a pre-order: the next evening. */
export const TRANSFER_DEADLINE_DEFAULT = 24 * 60;
/** Shorter leaves no time to open a banking app; the window also must fit inside a 10-minute slot. */
export const TRANSFER_DEADLINE_MIN = 10;
/** Longer holds a slot and a quota for days on a promise; three days covers a weekend. */
export const TRANSFER_DEADLINE_MAX = 3 * 24 * 60;
/**
 * A "now" order has no slot: it is collected (or sent) as soon as it is ready, usually within half an
 * hour. The shop waits for the money before it starts, so a later deadline would be after the pickup
 * and would only keep an abandoned order on the board.
 */
export const NOW_ORDER_TRANSFER_MINUTES = 30;

const MINUTE = 60_000;

/** The instant a slot starts: shop-local date and "HH:MM" in the shop's zone (as schedule.ts counts). */
function slotStart(from: Date, date: string, slot: string, zone: string): Date {
  const today = shopLocalDate(from, zone);
  // Zones differ from UTC in whole minutes, so the shop's seconds are UTC's.
  const localMidnight = from.getTime() - shopMinuteOfDay(from, zone) * MINUTE - (from.getTime() % MINUTE);
  return new Date(localMidnight + (daysBetween(today, date) * 24 * 60 + minutesOfDay(slot)) * MINUTE);
}

/**
 * When a transfer must have arrived: `deadlineMinutes` after placing, but never after the order is
 * due — a slot order's deadline is at the latest its slot's start, a "now" order's half an hour after
 * placing. At least TRANSFER_DEADLINE_MIN after placing, so a customer always has time to send it; a
 * slot lasts at least that long (SLOT_MINUTES), so even then the deadline falls inside the pickup slot.
 */
export function transferPayBy(
  order: { createdAt: Date; date: string; slot: string | null },
  deadlineMinutes: number,
  zone: string,
): Date {
  const placed = order.createdAt.getTime();
  const wanted =
    placed + Math.min(Math.max(deadlineMinutes, TRANSFER_DEADLINE_MIN), TRANSFER_DEADLINE_MAX) * MINUTE;
  const due =
    order.slot === null
      ? placed + NOW_ORDER_TRANSFER_MINUTES * MINUTE
      : slotStart(order.createdAt, order.date, order.slot, zone).getTime();
  return new Date(Math.max(placed + TRANSFER_DEADLINE_MIN * MINUTE, Math.min(wanted, due)));
}

/**
 * Statuses a missed transfer may still cancel: open ones before the shop has made the food or sent it
 * out. Once it is ready or on its way, the shop has decided to go ahead; the server does not undo that
 * (the customer can still pay at the counter or to the rider). A string set: later statuses are judged
 * by name, so a status added to order.ts is open unless it is final or listed here.
 */
const PAST_THE_POINT: ReadonlySet<string> = new Set(['ready', 'outForDelivery', 'delivered']);

export function transferMayLapse(status: OrderStatus): boolean {
  return !isFinal(status) && !PAST_THE_POINT.has(status);
}

/** The code stored on an order the server cancelled because its transfer did not arrive in time. */
export const TRANSFER_DEADLINE_REASON = 'transfer_deadline';

/**
 * The name the customer types as the depositor (입금자명), so the shop can match the transfer: their
 * name and the order's short reference. Korean banks show only a few characters (often 7–10), so
 * the name is shortened and the reference always kept whole.
 */
export function depositorName(customerName: string, reference: string): string {
  const name = [...customerName.trim().replace(/\s+/g, '')].slice(0, 5).join('');
  return name ? `${name}${reference}` : reference;
}

/**
 * The order's reference in the depositor name: its provisional code ("K7Q2", domain/orderNumber), made
 * from the id, so it is the same on the phone and the tablet from the first tap and never changes —
 * unlike the day's number, which arrives later and would leave an early transfer under another name.
 */
export function depositorReference(orderId: string): string {
  return provisionalCode(orderId);
}
