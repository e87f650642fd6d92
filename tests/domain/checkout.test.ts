import { describe, expect, it } from 'vitest';
import { checkoutProblem, paymentAllowed, type CheckoutRules } from '../../src/domain/checkout';

const rules: CheckoutRules = {
  pickup: true,
  delivery: false,
  payAtPickup: true,
  bankTransfer: true,
  bankAccount: '우리은행 1002-123-456789',
};
const order = { fulfilment: 'pickup' as const, payment: 'at_pickup' as const, address: '' };

describe('checkout rules', () => {
  it('accepts what the shop offers', () => {
    expect(checkoutProblem(rules, order)).toBeNull();
    expect(checkoutProblem(rules, { ...order, payment: 'bank_transfer' })).toBeNull();
  });
  it('refuses a way of getting or paying the shop does not offer', () => {
    expect(checkoutProblem(rules, { ...order, fulfilment: 'delivery', address: '망원로 1' })).toBe(
      'fulfilment_unavailable',
    );
    expect(checkoutProblem({ ...rules, payAtPickup: false }, order)).toBe('payment_unavailable');
  });
  it('offers a transfer only with an account to send it to', () => {
    expect(paymentAllowed({ ...rules, bankAccount: '  ' }, 'bank_transfer')).toBe(false);
    expect(checkoutProblem({ ...rules, bankAccount: '' }, { ...order, payment: 'bank_transfer' })).toBe(
      'payment_unavailable',
    );
  });
  it('needs an address for a delivery', () => {
    const delivering = { ...rules, delivery: true };
    expect(checkoutProblem(delivering, { ...order, fulfilment: 'delivery', address: ' ' })).toBe(
      'address_required',
    );
    expect(checkoutProblem(delivering, { ...order, fulfilment: 'delivery', address: '망원로 1' })).toBeNull();
  });
});
