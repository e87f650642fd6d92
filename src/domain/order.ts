import type { PaymentMethod } from './checkout';
import type { Won } from './money';
import type { LatLng } from './geo';

/**
 * S10: an order is a server-side state machine, one lifecycle per kind of order. Lines never change
 * after placing; only the status moves, and only along these arrows. Two tablets racing: the first
 * commit wins, the second finds the status already moved and gets `invalid_transition`.
 *
 * A kind is two plain facts of the order: when (as soon as possible, or a chosen slot) and how it is
 * handed over (at the counter, or delivered).
 * - pickup now:        placed → accepted (ready-by) → ready → completed (picked up)
 * - pre-order pickup:  placed → confirmed (its slot is the promise) → ready → completed (picked up)
 * - delivery now:      placed → accepted (ready-by) → outForDelivery → completed (delivered)
 * - pre-order delivery: placed → confirmed → outForDelivery → completed (delivered)
 * Any open state before handover → rejected | cancelled.
 */
export type OrderStatus =
  'placed' | 'accepted' | 'confirmed' | 'ready' | 'outForDelivery' | 'completed' | 'rejected' | 'cancelled';
export type OrderAction = 'accept' | 'confirm' | 'reject' | 'markReady' | 'dispatch' | 'complete' | 'cancel';

/** When: "now" (as soon as possible, the shop gives a ready-by time) or "scheduled" (a slot). */
export type Timing = 'now' | 'scheduled';
export interface OrderKind {
  timing: Timing;
  fulfilment: Fulfilment;
}

const DECIDING: readonly OrderStatus[] = ['placed', 'accepted', 'confirmed'];
const IN_HAND: readonly OrderStatus[] = ['accepted', 'confirmed'];

const ARROWS: Record<
  OrderAction,
  { from: readonly OrderStatus[]; to: OrderStatus; only?: Partial<OrderKind> }
> = {
  accept: { from: ['placed'], to: 'accepted', only: { timing: 'now' } },
  confirm: { from: ['placed'], to: 'confirmed', only: { timing: 'scheduled' } },
  markReady: { from: IN_HAND, to: 'ready', only: { fulfilment: 'pickup' } },
  dispatch: { from: IN_HAND, to: 'outForDelivery', only: { fulfilment: 'delivery' } },
  complete: { from: ['ready', 'outForDelivery'], to: 'completed' },
  reject: { from: DECIDING, to: 'rejected' },
  cancel: { from: DECIDING, to: 'cancelled' },
};

export const ORDER_ACTIONS = Object.keys(ARROWS) as OrderAction[];
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'placed',
  'accepted',
  'confirmed',
  'ready',
  'outForDelivery',
  'completed',
  'rejected',
  'cancelled',
];

export function kindOf(order: { fulfilment: Fulfilment; slot: string | null }): OrderKind {
  return { timing: order.slot === null ? 'now' : 'scheduled', fulfilment: order.fulfilment };
}

/** Whether `action` is a step of this kind's lifecycle at all (accept is not a pre-order's step). */
export function belongsToKind(kind: OrderKind, action: OrderAction): boolean {
  const only = ARROWS[action].only;
  return (
    !only ||
    ((only.timing === undefined || only.timing === kind.timing) &&
      (only.fulfilment === undefined || only.fulfilment === kind.fulfilment))
  );
}

/** Every status an order of this kind can ever be in: its own lifecycle, never another kind's. */
export function statusesOf(kind: OrderKind): OrderStatus[] {
  const reach = new Set<OrderStatus>(['placed']);
  for (let grew = true; grew;) {
    grew = false;
    for (const action of ORDER_ACTIONS) {
      const arrow = ARROWS[action];
      if (!belongsToKind(kind, action) || reach.has(arrow.to)) continue;
      if (arrow.from.some((s) => reach.has(s))) {
        reach.add(arrow.to);
        grew = true;
      }
    }
  }
  return ORDER_STATUSES.filter((s) => reach.has(s));
}

/**
 * Why `action` cannot move this order now, or null when it can: a step of another kind's lifecycle
 * (`not_for_this_kind`), or an arrow that does not start at the current status (`invalid_transition`).
 */
export function transitionRefusal(
  order: { status: OrderStatus; fulfilment: Fulfilment; slot: string | null },
  action: OrderAction,
): 'not_for_this_kind' | 'invalid_transition' | null {
  const kind = kindOf(order);
  if (!belongsToKind(kind, action)) return 'not_for_this_kind';
  // Only from a status of the order's own lifecycle: a stored row can never be walked out of another kind's.
  const own = statusesOf(kind).includes(order.status);
  return own && ARROWS[action].from.includes(order.status) ? null : 'invalid_transition';
}

/** The status after `action`, or null when the arrow does not exist for this order now. */
export function nextStatus(
  order: { status: OrderStatus; fulfilment: Fulfilment; slot: string | null },
  action: OrderAction,
): OrderStatus | null {
  return transitionRefusal(order, action) === null ? ARROWS[action].to : null;
}

/** A customer may take an order back only until the shop has accepted or confirmed it. */
export function customerMayCancel(status: OrderStatus): boolean {
  return status === 'placed';
}

export function isFinal(status: OrderStatus): boolean {
  return status === 'completed' || status === 'rejected' || status === 'cancelled';
}

/** Orders that hold stock and slot capacity. */
export function isActive(status: OrderStatus): boolean {
  return status !== 'rejected' && status !== 'cancelled';
}

export type Fulfilment = 'pickup' | 'delivery';

export interface OrderLineInput {
  itemId: string;
  quantity: number;
  optionIds: string[];
}

export interface PricedOption {
  id: string;
  name: string;
  priceDelta: Won;
}

export interface PricedLine {
  itemId: string;
  name: string;
  quantity: number;
  options: PricedOption[];
  unitPrice: Won;
  lineTotal: Won;
}

export interface Order {
  id: string;
  lines: PricedLine[];
  total: Won;
  status: OrderStatus;
  fulfilment: Fulfilment;
  /** Shop-local date of pickup or delivery, "YYYY-MM-DD". */
  date: string;
  /** Slot start "HH:MM", or null for "as soon as possible" today. */
  slot: string | null;
  customerName: string;
  customerPhone: string;
  address: string;
  note: string;
  payment: PaymentMethod;
  /** When the shop saw the money (cash at the counter, or a transfer it checked). */
  paidAt: string | null;
  createdAt: string;
  /** When a shop device first had it (its pull cursor proved it stored the order). */
  receivedAt: string | null;
  prepMinutes: number | null;
  readyBy: string | null;
  rejectReason: string | null;
  /** A bank transfer's deadline, fixed when placed (domain/transferDeadline.ts); null or absent: none. */
  payBy?: string | null;
  /** Why the server cancelled it, as a code ('transfer_deadline'); null or absent: not the server. */
  cancelReason?: string | null;
  /** Who took a delivery out, when the shop said (both optional): the customer may call the rider. */
  riderName?: string;
  riderPhone?: string;
  version: number;
  /** Part of total, computed by the server from the pin and the shop's zones (domain/deliveryZones). */
  deliveryFee?: Won;
  /** Where a delivery goes (the customer's pin), for the day's map; null or absent: no pin. */
  location?: LatLng | null;
  /**
   * The shop's number for the order, counted from 1 each shop-local day ("23번"), given by the server
   * when it stores the order; absent or null until then (an order made offline).
   */
  number?: number | null;
  /**
   * The customer's device that placed or claimed it, sent to the shop's devices only (its chat
   * conversation is keyed by the same id, so the inbox names the customer from their orders).
   */
  deviceId?: string | null;
}
