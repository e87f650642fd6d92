import { describe, expect, it } from 'vitest';
import { phoneOrderArgs, whoProblem, type PhoneOrderForm } from '../../../src/app/shop/intake/phoneOrder';
import { mutationArgs } from '../../../src/protocol/sync';

const form: PhoneOrderForm = {
  channel: 'phone',
  lines: [{ itemId: '0f8fad5b-d9cb-469f-a165-70867728950e', quantity: 2, optionIds: ['l'] }],
  fulfilment: 'pickup',
  date: '2026-03-11',
  slot: '12:00',
  name: '  전화손님 ',
  phone: ' 010-1234-5678 ',
  address: '망원로 1',
  note: ' 맵지 않게 ',
  payment: 'at_pickup',
};

describe('phone and walk-in orders at the counter', () => {
  it('a phone order needs a number to call back; a walk-in needs a name or a number', () => {
    expect(whoProblem('phone', '김단골', '')).toBe('intakePhoneRequired');
    expect(whoProblem('phone', '', '  ')).toBe('intakePhoneRequired');
    expect(whoProblem('phone', '', '010-1234-5678')).toBe(null);
    expect(whoProblem('walkIn', '김단골', '')).toBe(null);
    expect(whoProblem('walkIn', ' ', '')).toBe('intakeWhoRequired');
    expect(whoProblem('walkIn', '', '010 1234')).toBe(null);
  });

  it('refuses a phone number the protocol would refuse', () => {
    expect(whoProblem('phone', '', '010-1234-567o')).toBe('intakePhoneInvalid');
    expect(whoProblem('walkIn', '김단골', '☎ 010')).toBe('intakePhoneInvalid');
  });

  it('becomes an ordinary placeOrder with the given id, trimmed, no share secret, no address for pickup', () => {
    const id = '5f0c6b1e-3c2a-4d8e-9b7f-1a2b3c4d5e6f';
    const args = phoneOrderArgs(id, form);
    expect(args).toEqual({
      orderId: id,
      lines: form.lines,
      fulfilment: 'pickup',
      date: '2026-03-11',
      slot: '12:00',
      customerName: '전화손님',
      customerPhone: '010-1234-5678',
      address: '',
      note: '맵지 않게',
      payment: 'at_pickup',
    });
    // Exactly what the outbox and the server parse: nothing is dropped or added on the way.
    expect(mutationArgs.placeOrder.parse(args)).toEqual(args);
    expect(phoneOrderArgs(id, { ...form, fulfilment: 'delivery' }).address).toBe('망원로 1');
  });
});
