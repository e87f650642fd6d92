import type { PaymentMethod } from '../../../domain/checkout';
import type { Fulfilment, OrderLineInput } from '../../../domain/order';
import { isPhone } from '../../../domain/phone';
import type { MutationArgs } from '../../../protocol/sync';

/** How the order reached the counter: by phone (call-back number needed) or in person. */
export type Channel = 'phone' | 'walkIn';

export interface PhoneOrderForm {
  channel: Channel;
  lines: readonly OrderLineInput[];
  fulfilment: Fulfilment;
  date: string;
  slot: string | null;
  name: string;
  phone: string;
  address: string;
  note: string;
  payment: PaymentMethod;
}

export type WhoProblem = 'intakePhoneRequired' | 'intakeWhoRequired' | 'intakePhoneInvalid';

/**
 * Who the order is for. The server accepts an order with no name or phone (a phone's customer may
 * leave them out), but the shop must be able to call a phone customer back and to hand a walk-in
 * order to the right person, so the counter asks for more than the server does.
 */
export function whoProblem(channel: Channel, name: string, phone: string): WhoProblem | null {
  // Only what the protocol allows, so a typo is caught at the counter rather than by the outbox.
  if (!isPhone(phone.trim())) return 'intakePhoneInvalid';
  if (channel === 'phone' && phone.trim() === '') return 'intakePhoneRequired';
  if (name.trim() === '' && phone.trim() === '') return 'intakeWhoRequired';
  return null;
}

/**
 * The placeOrder a phone or walk-in order becomes: an ordinary order, with an id made on this tablet
 * (S1) and no share secret (the customer has no phone session to share it from).
 */
export function phoneOrderArgs(orderId: string, f: PhoneOrderForm): MutationArgs<'placeOrder'> {
  return {
    orderId,
    lines: f.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, optionIds: [...l.optionIds] })),
    fulfilment: f.fulfilment,
    date: f.date,
    slot: f.slot,
    customerName: f.name.trim(),
    customerPhone: f.phone.trim(),
    address: f.fulfilment === 'delivery' ? f.address.trim() : '',
    note: f.note.trim(),
    payment: f.payment,
  };
}
