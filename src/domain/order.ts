import type { PaymentMethod } from './checkout';
import type { Won } from './money';
import type { LatLng } from './geo';

/**
 * S10: an order is a server-side state machine. Lines never change after placing; only the status
 * moves, and only along these arrows. Two tablets racing: the first commit wins, the second finds
 * the status already moved and gets `invalid_transition`.
 */
export type OrderStatus = 'placed' | 'accepted' | 'ready' | 'completed' | 'rejected' | 'cancelled';
export type OrderAction = 'accept' | 'reject' | 'markReady' | 'complete' | 'cancel';

const ARROWS: Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  accept: { from: ['placed'], to: 'accepted' },
  reject: { from: ['placed', 'accepted'], to: 'rejected' },
  markReady: { from: ['accepted'], to: 'ready' },
  complete: { from: ['ready'], to: 'completed' },
  cancel: { from: ['placed', 'accepted'], to: 'cancelled' },
};

export const ORDER_ACTIONS = Object.keys(ARROWS) as OrderAction[];
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'placed',
  'accepted',
  'ready',
  'completed',
  'rejected',
  'cancelled',
];

/** The status after `action`, or null when the arrow does not exist from `status`. */
export function nextStatus(status: OrderStatus, action: OrderAction): OrderStatus | null {
  const arrow = ARROWS[action];
  return arrow.from.includes(status) ? arrow.to : null;
}

/** A customer may take an order back only until the shop has accepted it. */
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
  version: number;
  /** Part of total, computed by the server from the pin and the shop's zones (domain/deliveryZones). */
  deliveryFee?: Won;
  /** Where a delivery goes (the customer's pin), for the day's map; null or absent: no pin. */
  location?: LatLng | null;
  /**
   * The customer's device that placed or claimed it, sent to the shop's devices only (its chat
   * conversation is keyed by the same id, so the inbox names the customer from their orders).
   */
  deviceId?: string | null;
}
