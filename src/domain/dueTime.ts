import { shopLocalDate } from './hours';
import type { Order } from './order';
import { shopMinuteOfDay } from './schedule';

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD HH:MM" of an instant, in the shop's zone. */
function shopLocalMinute(iso: string, zone: string): string {
  const at = new Date(iso);
  const minute = shopMinuteOfDay(at, zone);
  return `${shopLocalDate(at, zone)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/**
 * When an order is promised for, as shop-local "YYYY-MM-DD HH:MM" (sorts as text): its pickup or
 * delivery slot; for a "now" order, the ready-by time the shop gave when accepting, or until then
 * the moment it was placed (it is due as soon as possible).
 */
export function dueAt(order: Pick<Order, 'date' | 'slot' | 'readyBy' | 'createdAt'>, zone: string): string {
  if (order.slot) return `${order.date} ${order.slot}`;
  return shopLocalMinute(order.readyBy ?? order.createdAt, zone);
}

/**
 * The board's one order: soonest due first, so today's "now" orders come before later pre-orders;
 * ties by when they were placed (the one waiting longest first), then by id, so the order is stable.
 */
export function sortByDue<T>(
  items: readonly T[],
  zone: string,
  orderOf: (item: T) => Pick<Order, 'id' | 'date' | 'slot' | 'readyBy' | 'createdAt'>,
): T[] {
  return items
    .map((item) => ({ item, order: orderOf(item), due: dueAt(orderOf(item), zone) }))
    .sort(
      (a, b) =>
        a.due.localeCompare(b.due) ||
        a.order.createdAt.localeCompare(b.order.createdAt) ||
        a.order.id.localeCompare(b.order.id),
    )
    .map((x) => x.item);
}

/** Minutes a new order may wait unanswered before its card turns amber, then red (kitchen-screen style). */
export const WAIT_LATE_MIN = 5;
export const WAIT_OVERDUE_MIN = 10;
export type WaitLevel = 'fresh' | 'late' | 'overdue';

/**
 * How long a new (not yet accepted) order has waited since a shop device first had it (or since it
 * was placed, if unknown), as a colour level; orders past "new" do not wait on the counter.
 */
export function waitLevel(
  order: Pick<Order, 'status' | 'receivedAt' | 'createdAt'>,
  now: Date,
): { level: WaitLevel; minutes: number } {
  if (order.status !== 'placed') return { level: 'fresh', minutes: 0 };
  const since = Date.parse(order.receivedAt ?? order.createdAt);
  const minutes = Math.max(0, Math.floor((now.getTime() - since) / 60_000));
  const level = minutes >= WAIT_OVERDUE_MIN ? 'overdue' : minutes >= WAIT_LATE_MIN ? 'late' : 'fresh';
  return { level, minutes };
}

/** A confirmed pre-order joins the day's board this long before its slot unless the shop says otherwise. */
export const BOARD_LEAD_MINUTES = 60;
/** A day ahead at most: beyond that the reservations list, not the board, is the place to see it. */
export const BOARD_LEAD_MINUTES_MAX = 24 * 60;

/**
 * Whether an open order belongs on the working board now (S10): every order does, except a pre-order
 * confirmed for a slot more than `leadMinutes` away — Wednesday's cake is not today's work, and a
 * kitchen that sees it on Monday under "준비 중" would start it two days early.
 */
export function onBoardNow(
  order: Pick<Order, 'status' | 'date' | 'slot' | 'readyBy' | 'createdAt'>,
  now: Date,
  zone: string,
  leadMinutes: number = BOARD_LEAD_MINUTES,
): boolean {
  if (order.status !== 'confirmed') return true;
  const horizon = shopLocalMinute(new Date(now.getTime() + leadMinutes * 60_000).toISOString(), zone);
  return dueAt(order, zone) <= horizon;
}
