import {
  checkoutLimitsOf,
  contactProblem,
  quantityProblem,
  type CheckoutLimits,
  type ContactProblem,
  type QuantityProblem,
} from './checkoutLimits';
import type { Fulfilment, OrderLineInput } from './order';

export type PaymentMethod = 'at_pickup' | 'bank_transfer';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['at_pickup', 'bank_transfer'];

/**
 * What a shop offers at checkout: set by the owner, checked on the phone and again on the server.
 * The limits (domain/checkoutLimits.ts) are optional: a copy kept from an older server lacks them (S16).
 */
export interface CheckoutRules extends Partial<CheckoutLimits> {
  pickup: boolean;
  delivery: boolean;
  payAtPickup: boolean;
  bankTransfer: boolean;
  /** "국민은행 123-45-6789 홍길동": shown with the exact amount when the customer pays by transfer. */
  bankAccount: string;
}

export type CheckoutProblem = 'fulfilment_unavailable' | 'payment_unavailable' | 'address_required';

export function paymentAllowed(rules: CheckoutRules, method: PaymentMethod): boolean {
  // A transfer needs an account to transfer to; a shop that ticked it without one offers only the counter.
  return method === 'at_pickup' ? rules.payAtPickup : rules.bankTransfer && rules.bankAccount.trim() !== '';
}

export function checkoutProblem(
  rules: CheckoutRules,
  order: { fulfilment: Fulfilment; payment: PaymentMethod; address: string },
): CheckoutProblem | null {
  if (!(order.fulfilment === 'pickup' ? rules.pickup : rules.delivery)) return 'fulfilment_unavailable';
  if (!paymentAllowed(rules, order.payment)) return 'payment_unavailable';
  if (order.fulfilment === 'delivery' && order.address.trim() === '') return 'address_required';
  return null;
}

/**
 * Everything a customer's own order must meet beyond price and schedule, in the order a person fixes
 * it: how, then who, then how much. The phone and the server (for a customer's phone) run this same code.
 */
export function customerCheckoutProblem(
  rules: CheckoutRules,
  order: {
    fulfilment: Fulfilment;
    payment: PaymentMethod;
    address: string;
    customerName: string;
    customerPhone: string;
    lines: readonly OrderLineInput[];
  },
): CheckoutProblem | ContactProblem | QuantityProblem | null {
  const limits = checkoutLimitsOf(rules);
  return (
    checkoutProblem(rules, order) ??
    contactProblem(limits, order) ??
    quantityProblem(limits, order.lines)?.code ??
    null
  );
}
