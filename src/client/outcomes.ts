import type { Order } from '../domain/order';
import { newLocalOrder, type ClientDb, type OutboxEntry } from './db';
import { recordConflict, subjectOf } from './conflicts';

/** The server's answer to one outbox entry, or this device's own refusal of it (S15: set aside). */
export interface EntryOutcome {
  status: 'applied' | 'rejected';
  code?: string;
  /** The order as it now stands on the server, when the answer carried it. */
  order?: Order;
}

/**
 * What an answer to one entry means for what the person sees: a chat message is "sent" or "refused",
 * a refused change to stock or a voucher is kept as a notice, and an order gets the server's copy, is
 * "sent" once the server has it, or shows why it was refused. Call inside a transaction over outbox,
 * orders, meta and messages; returns the order it touched, if any, for refreshViews.
 */
export async function recordOutcome(
  db: ClientDb,
  entry: OutboxEntry,
  r: EntryOutcome,
  now: number,
): Promise<string | undefined> {
  if (entry.messageId) {
    // Acknowledged (S12): "sending" becomes "sent" now, or "refused" with the reason.
    const state = r.status === 'applied' ? 'sent' : 'refused';
    await db.messages
      .where('id')
      .equals(entry.messageId)
      .modify((m) => {
        if (m.version === null) Object.assign(m, r.code ? { state, code: r.code } : { state });
      });
    return undefined;
  }
  if (!entry.orderId) {
    // A refused change to stock or a voucher must not vanish either (S5): the tablet said it
    // was done, and a redemption's goods have already been handed over.
    if (r.status === 'rejected') {
      await recordConflict(db, {
        key: entry.mutationId,
        name: entry.name,
        code: r.code ?? 'internal',
        at: now,
        ...subjectOf(entry),
      });
    }
    return undefined;
  }
  const local = (await db.orders.get(entry.orderId)) ?? newLocalOrder(entry.orderId, now);
  if (r.order && (!local.server || r.order.version >= local.server.version)) local.server = r.order;
  // "Sent" only now: the server has answered for this order.
  if (entry.name === 'placeOrder' && r.status === 'applied') local.ackedAt ??= now;
  // A refused order stays refused (S5): a cancel written before the refusal arrived is refused
  // too (order_not_found), and must not replace why the order itself was turned down.
  const orderRefused = local.rejection?.name === 'placeOrder' && !local.server;
  if (r.status === 'rejected' && !orderRefused) {
    local.rejection = { code: r.code ?? 'internal', name: entry.name };
    // Kept until someone reads it: the next pull drops the entry and the view reverts (S5).
    await recordConflict(db, {
      key: entry.mutationId,
      ...subjectOf(entry),
      name: entry.name,
      code: local.rejection.code,
      at: now,
    });
  }
  await db.orders.put(local);
  return entry.orderId;
}
