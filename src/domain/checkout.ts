import type { Fulfilment } from './order';

export type PaymentMethod = 'at_pickup' | 'bank_transfer';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['at_pickup', 'bank_transfer'];

/** What a shop offers at checkout: set by the owner, checked on the phone and again on the server. */
export interface CheckoutRules {
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
