import type { ClientDb, LocalOrder } from '../../../client/db';
import { shopLocalDate } from '../../../domain/hours';
import { isFinal, type Order, type OrderStatus } from '../../../domain/order';

/**
 * The board's reads. A tablet keeps months of orders; the board must open in a blink all the same,
 * so every read goes through an index (db.ts version 3: `view.status`, `view.date`) and touches only
 * the open orders, one day, or one page of finished ones — never the whole history.
 */
export const OPEN_STATUSES: OrderStatus[] = ['placed', 'accepted', 'confirmed', 'ready', 'outForDelivery'];

export function openOrders(db: ClientDb): Promise<LocalOrder[]> {
  return db.orders.where('view.status').anyOf(OPEN_STATUSES).toArray();
}

export function ordersOn(db: ClientDb, date: string): Promise<LocalOrder[]> {
  return db.orders.where('view.date').equals(date).toArray();
}

/** Finished orders, latest pickup date first, one page: the cursor stops after `limit` matches. */
export function finishedOrders(db: ClientDb, limit: number): Promise<LocalOrder[]> {
  return db.orders
    .orderBy('view.date')
    .reverse()
    .filter((o) => o.view !== null && isFinal(o.view.status))
    .limit(limit)
    .toArray();
}

/** Placed on an earlier day (shop time) than the day it is for: a pre-order, not a walk-up order. */
export function isPreorder(order: Order, timeZone: string): boolean {
  return shopLocalDate(new Date(order.createdAt), timeZone) < order.date;
}

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/** Pickup slot order within one day; "as soon as possible" first. */
export function bySlot(a: Order, b: Order): number {
  return byText(a.slot, b.slot) || byText(a.createdAt, b.createdAt);
}

export const viewsOf = (orders: readonly LocalOrder[] | undefined): { local: LocalOrder; view: Order }[] =>
  (orders ?? []).flatMap((o) => (o.view ? [{ local: o, view: o.view }] : []));
