import { shopLocalDate } from './hours';
import type { Order } from './order';
import { addDays, openIntervals, shopMinuteOfDay, type Schedule } from './schedule';

/**
 * Issue #17, "nothing waits unseen": two shop settings for a new order nobody answers.
 *
 * - Re-alert: a placed order still waiting after N minutes rings again on the board, louder, even if
 *   someone pressed "확인" on its first alert — a tap is not a decision, and the customer is waiting.
 * - Auto-reject: optionally, the server rejects an order still placed after M minutes, so the customer
 *   hears "no" and can go elsewhere instead of standing at the counter for an order never made.
 */

const MINUTE = 60_000;

/** Long enough to answer a phone call first; short enough that a customer has not given up yet. */
export const RE_ALERT_MINUTES_DEFAULT = 5;
/** 0 turns the louder alert off. Past an hour it is no longer a reminder of a new order. */
export const RE_ALERT_MINUTES_MAX = 60;

/** Off by default: rejecting for the shop is the owner's choice, never a surprise. */
export const AUTO_REJECT_MINUTES_OFF = 0;
/** Under 5 minutes a shop on the phone or at the oven would lose orders it was about to accept. */
export const AUTO_REJECT_MINUTES_MIN = 5;
/** Two hours: a bakery's slow morning; longer would hold a customer's plan hostage for half a day. */
export const AUTO_REJECT_MINUTES_MAX = 120;

/** 0 (off) or a whole number of minutes in [MIN, MAX]. */
export function isAutoRejectMinutes(n: number): boolean {
  return (
    Number.isInteger(n) &&
    (n === AUTO_REJECT_MINUTES_OFF || (n >= AUTO_REJECT_MINUTES_MIN && n <= AUTO_REJECT_MINUTES_MAX))
  );
}

/** The code stored (orders.cancel_reason) on an order the server rejected because nobody answered it. */
export const AUTO_REJECT_REASON = 'auto_reject';

/**
 * Whether a new order should ring again, louder, now. It counts from when a shop device first had it
 * (or from placing, if unknown), as the card's waiting colour does: an order that reached the tablet
 * only when it came online at 9:00 has waited since 9:00 on the counter. `snoozedAt` is when someone
 * last silenced the louder alert for it on this tablet: it then rings again after another N minutes,
 * so a silenced order that is still not answered is never forgotten. `minutes` 0: never.
 */
export function reAlertDue(
  order: Pick<Order, 'status' | 'receivedAt' | 'createdAt'>,
  now: Date,
  minutes: number,
  snoozedAt?: string | null,
): boolean {
  if (order.status !== 'placed' || !(minutes > 0)) return false;
  const waited = now.getTime() - Date.parse(order.receivedAt ?? order.createdAt);
  if (!(waited >= minutes * MINUTE)) return false;
  return !snoozedAt || now.getTime() - Date.parse(snoozedAt) >= minutes * MINUTE;
}

/** A shop open round the clock has no start to walk back to; a week is plenty. */
const MAX_PERIODS_BACK = 14;
const DAY = 24 * 60;

/**
 * How many minutes the shop has been open without a break up to `now` (touching periods such as
 * 12:00–15:00 and 15:00–20:00, and a night running past midnight, count as one), or null if closed.
 */
export function openForMinutes(
  now: Date,
  s: Pick<Schedule, 'timeZone' | 'hours' | 'closedDates'>,
): number | null {
  let date = shopLocalDate(now, s.timeZone);
  const minute = shopMinuteOfDay(now, s.timeZone);
  const current = openIntervals(date, s).find(([a, b]) => minute >= a && minute < b);
  if (!current) return null;
  let run = minute - current[0];
  let start = current[0];
  for (let i = 0; i < MAX_PERIODS_BACK; i++) {
    if (start === 0) {
      date = addDays(date, -1);
      start = DAY;
    }
    const before = openIntervals(date, s).find(([, b]) => b === start);
    if (!before) break;
    run += before[1] - before[0];
    start = before[0];
  }
  return run;
}

/**
 * The auto-reject rule: an order still placed is rejected once it has waited `minutes` of the shop's
 * OPENING time — counted from when it was placed, or from when the shop opened if it was placed while
 * closed. Returns the latest placing instant that is due now, or null if nothing is (off, closed, or
 * opened less than `minutes` ago).
 *
 * Why only open time: a pre-order placed at 23:00 reaches a tablet that is off for the night; the
 * owner sees it at opening. Counting the night would reject it at 23:30 before anyone could have seen
 * it, for a shop that did nothing wrong. Counted from opening, the owner always gets `minutes` of
 * open shop to answer it, and a customer is told "no" no later than `minutes` after opening.
 */
export function autoRejectPlacedBy(
  now: Date,
  minutes: number,
  s: Pick<Schedule, 'timeZone' | 'hours' | 'closedDates'>,
): Date | null {
  if (!(minutes > 0)) return null;
  const open = openForMinutes(now, s);
  if (open === null || open < minutes) return null;
  return new Date(now.getTime() - minutes * MINUTE);
}
