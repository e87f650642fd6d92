import type { LocalOrder } from './db';

/**
 * S7/S12 and the product's promise: the screen never claims more than is true.
 * - saved: only on this device (in the outbox);
 * - sent: the server has it (it answered our push, or our pull returned it);
 * - received: a shop device has stored it;
 * - then the shop's steps, one lifecycle per kind (S10): accepted or confirmed (a pre-order, for its
 *   slot), ready or out for delivery, completed; or rejected (with its reason), cancelled;
 * - refused: the server turned the order down (sold out, slot full…), with the code saying why.
 */
export type HonestState =
  | 'saved'
  | 'sent'
  | 'received'
  | 'accepted'
  | 'confirmed'
  | 'ready'
  | 'outForDelivery'
  | 'completed'
  | 'rejected'
  | 'cancelled'
  | 'refused';

export interface OrderDisplay {
  state: HonestState;
  /** Why the order was refused, or why the last change to it was (e.g. cancel_too_late). */
  code: string | null;
  /** A change made on this device still waits to reach the server. */
  changePending: boolean;
}

export function orderDisplay(o: LocalOrder): OrderDisplay {
  const code = o.rejection?.code ?? null;
  if (!o.server) {
    if (o.rejection?.name === 'placeOrder') return { state: 'refused', code, changePending: false };
    return { state: o.ackedAt ? 'sent' : 'saved', code: null, changePending: o.pending > 0 };
  }
  const s = o.server.status;
  const state: HonestState = s === 'placed' ? (o.server.receivedAt ? 'received' : 'sent') : s;
  return {
    state,
    code: o.rejection && o.rejection.name !== 'placeOrder' ? code : null,
    changePending: o.pending > 0,
  };
}
