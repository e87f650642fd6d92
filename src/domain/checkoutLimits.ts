import type { Fulfilment, OrderLineInput } from './order';
import { MAX_LINES, MAX_QUANTITY, quantitiesByItem } from './pricing';
import { isKoreanPhone } from './koreanPhone';

/**
 * What a shop asks of every customer order beyond how it is fulfilled and paid (domain/checkout.ts):
 * who to call back, and how much one order may hold. Checked on the phone, then again by the server
 * for orders from customers' phones. The shop's own orders (a phone call typed on the tablet, an
 * SMS hand-off it imports) are the shop's decision and are not held to them.
 */
export interface CheckoutLimits {
  /** A walk-in pickup may leave name and phone empty; a delivery always needs them. */
  contactOptionalForPickup: boolean;
  /** Most of one menu item in one order. */
  maxPerItem: number;
  /** Most items in one order, all lines together. */
  maxPerOrder: number;
}

/**
 * 30 of one dish is already a catering order a shop wants to hear about first; 100 items is past any
 * family's dinner. A 99 × 5,000원 "지금 바로" order went through before these existed (#16). A shop that
 * takes big orders raises them in its settings.
 */
export const DEFAULT_CHECKOUT_LIMITS: CheckoutLimits = {
  contactOptionalForPickup: false,
  maxPerItem: 30,
  maxPerOrder: 100,
};
export const MAX_PER_ITEM_LIMIT = MAX_QUANTITY;
export const MAX_PER_ORDER_LIMIT = MAX_LINES * MAX_QUANTITY;

/** The limits as a possibly older copy of the shop states them (S16: a field it lacks takes its default). */
export function checkoutLimitsOf(s: Partial<CheckoutLimits>): CheckoutLimits {
  return {
    contactOptionalForPickup: s.contactOptionalForPickup ?? DEFAULT_CHECKOUT_LIMITS.contactOptionalForPickup,
    maxPerItem: s.maxPerItem ?? DEFAULT_CHECKOUT_LIMITS.maxPerItem,
    maxPerOrder: s.maxPerOrder ?? DEFAULT_CHECKOUT_LIMITS.maxPerOrder,
  };
}

export type ContactProblem = 'name_required' | 'phone_required' | 'phone_not_korean';
export type QuantityProblem = 'item_quantity_limit' | 'order_quantity_limit';

export function contactOptional(limits: CheckoutLimits, fulfilment: Fulfilment): boolean {
  return limits.contactOptionalForPickup && fulfilment === 'pickup';
}

/** Who the shop calls back: a name and a Korean number, unless the shop lets a walk-in pickup go without. */
export function contactProblem(
  limits: CheckoutLimits,
  o: { fulfilment: Fulfilment; customerName: string; customerPhone: string },
): ContactProblem | null {
  const name = o.customerName.trim();
  const phone = o.customerPhone.trim();
  if (contactOptional(limits, o.fulfilment)) {
    // Optional, but a number given must still be one the shop can call.
    return phone !== '' && !isKoreanPhone(phone) ? 'phone_not_korean' : null;
  }
  if (name === '') return 'name_required';
  if (phone === '') return 'phone_required';
  return isKoreanPhone(phone) ? null : 'phone_not_korean';
}

export function orderQuantity(lines: readonly OrderLineInput[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}

/** The first limit the lines break, with the item it is about. */
export function quantityProblem(
  limits: CheckoutLimits,
  lines: readonly OrderLineInput[],
): { code: QuantityProblem; itemId?: string } | null {
  for (const [itemId, n] of quantitiesByItem(lines))
    if (n > limits.maxPerItem) return { code: 'item_quantity_limit', itemId };
  if (orderQuantity(lines) > limits.maxPerOrder) return { code: 'order_quantity_limit' };
  return null;
}

/** How many more of an item fit in the cart: what the + button may add. */
export function roomFor(limits: CheckoutLimits, lines: readonly OrderLineInput[], itemId: string): number {
  const ofItem = quantitiesByItem(lines).get(itemId) ?? 0;
  return Math.max(0, Math.min(limits.maxPerItem - ofItem, limits.maxPerOrder - orderQuantity(lines)));
}
