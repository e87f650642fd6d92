import { describe, expect, it } from 'vitest';
import {
  checkoutProblem,
  customerCheckoutProblem,
  paymentAllowed,
  type CheckoutRules,
} from '../../src/domain/checkout';
import {
  checkoutLimitsOf,
  DEFAULT_CHECKOUT_LIMITS,
  quantityProblem,
  roomFor,
} from '../../src/domain/checkoutLimits';
import { isKoreanPhone } from '../../src/domain/koreanPhone';

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

describe('#16 who to call back and how much', () => {
  const line = (itemId: string, quantity: number) => ({ itemId, quantity, optionIds: [] });
  const customer = {
    ...order,
    customerName: '김단골',
    customerPhone: '010-1234-5678',
    lines: [line('a', 1)],
  };

  it('needs a name and a phone number the shop can call', () => {
    expect(customerCheckoutProblem(rules, customer)).toBeNull();
    expect(customerCheckoutProblem(rules, { ...customer, customerName: ' ', customerPhone: '' })).toBe(
      'name_required',
    );
    expect(customerCheckoutProblem(rules, { ...customer, customerPhone: ' ' })).toBe('phone_required');
    expect(customerCheckoutProblem(rules, { ...customer, customerPhone: '010-123' })).toBe(
      'phone_not_korean',
    );
  });

  it('reads Korean numbers as a shop would dial them', () => {
    for (const ok of [
      '010-1234-5678',
      '01012345678',
      '011 234 5678',
      '+82 10-1234-5678',
      '02-123-4567',
      '031-1234-5678',
      '070-1234-5678',
      '1588-1234',
      '0505-123-4567',
    ])
      expect(isKoreanPhone(ok), ok).toBe(true);
    for (const bad of [
      '',
      '010-123',
      '12345',
      '010-1234-56789',
      '+1 415 555 0100',
      '000-0000-0000',
      '1234-5678',
    ])
      expect(isKoreanPhone(bad), bad).toBe(false);
  });

  it('lets a shop make contact optional for a pickup, never for a delivery', () => {
    const relaxed = { ...rules, delivery: true, contactOptionalForPickup: true };
    const anonymous = { ...customer, customerName: '', customerPhone: '' };
    expect(customerCheckoutProblem(relaxed, anonymous)).toBeNull();
    expect(customerCheckoutProblem(relaxed, { ...anonymous, customerPhone: '123' })).toBe('phone_not_korean');
    expect(
      customerCheckoutProblem(relaxed, { ...anonymous, fulfilment: 'delivery', address: '망원로 1' }),
    ).toBe('name_required');
  });

  it('holds an order to the per-item and per-order limits, defaults for an older copy of the shop', () => {
    expect(checkoutLimitsOf({})).toEqual(DEFAULT_CHECKOUT_LIMITS);
    const limits = { ...DEFAULT_CHECKOUT_LIMITS, maxPerItem: 3, maxPerOrder: 5 };
    // The same item with different options counts together.
    expect(quantityProblem(limits, [line('a', 2), { ...line('a', 2), optionIds: ['x'] }])).toEqual({
      code: 'item_quantity_limit',
      itemId: 'a',
    });
    expect(quantityProblem(limits, [line('a', 3), line('b', 3)])).toEqual({ code: 'order_quantity_limit' });
    expect(quantityProblem(limits, [line('a', 3), line('b', 2)])).toBeNull();
    expect(roomFor(limits, [line('a', 3), line('b', 1)], 'b')).toBe(1);
    expect(roomFor(limits, [line('a', 3)], 'a')).toBe(0);
    // The 99 × 5,000원 order of #16 is refused by default.
    expect(customerCheckoutProblem(rules, { ...customer, lines: [line('a', 99)] })).toBe(
      'item_quantity_limit',
    );
  });
});
