import type { MenuItem } from '../domain/catalogue';
import { nextStatus, type Order, type OrderAction } from '../domain/order';
import { priceWholeOrder } from '../domain/orderPricing';
import type { DeliveryZones } from '../domain/deliveryZones';
import type { MutationArgs, MutationName } from '../protocol/sync';
import type { OutboxEntry } from './db';

const ACTION: Partial<Record<MutationName, OrderAction>> = {
  acceptOrder: 'accept',
  confirmOrder: 'confirm',
  rejectOrder: 'reject',
  markReady: 'markReady',
  dispatchOrder: 'dispatch',
  completeOrder: 'complete',
  cancelOrder: 'cancel',
};

/**
 * What one pending mutation does to the order on screen, before the server has answered. The same
 * domain rules as the server (pricing, transitions), so what the device shows is what it expects.
 */
export function applyPending(
  order: Order | null,
  entry: OutboxEntry,
  catalogue: ReadonlyMap<string, MenuItem>,
  now: number,
  zones: DeliveryZones | null = null,
): Order | null {
  if (entry.name === 'placeOrder') {
    if (order) return order;
    const a = entry.args as MutationArgs<'placeOrder'>;
    // The server's own function: items plus the delivery fee from the pin and the zones as last pulled.
    // Without a pin the server refuses a customer's delivery (the checkout never sends one) and
    // charges the shop's own phone order nothing: either way no fee to show.
    const priced = priceWholeOrder(catalogue, a, zones, { pinRequired: false });
    const pin = a.fulfilment === 'delivery' ? (a.location ?? null) : null;
    return {
      id: a.orderId,
      lines: priced.ok ? priced.lines : [],
      total: priced.ok ? priced.total : 0,
      deliveryFee: priced.ok ? priced.deliveryFee : 0,
      location: pin,
      status: 'placed',
      fulfilment: a.fulfilment,
      date: a.date,
      slot: a.slot,
      customerName: a.customerName,
      customerPhone: a.customerPhone,
      address: a.address,
      note: a.note,
      payment: a.payment,
      paidAt: null,
      createdAt: new Date(entry.createdAt).toISOString(),
      receivedAt: null,
      prepMinutes: null,
      readyBy: null,
      rejectReason: null,
      version: 0,
    };
  }
  if (entry.name === 'markPaid') {
    if (!order) return order;
    const paid = (entry.args as MutationArgs<'markPaid'>).paid;
    return { ...order, paidAt: paid ? (order.paidAt ?? new Date(now).toISOString()) : null };
  }
  const action = ACTION[entry.name];
  if (!order || !action) return order;
  // A change decided on a status that has moved on will be refused by the server: do not show it.
  const from = (entry.args as { from?: string }).from;
  if (from !== undefined && order.status !== from && order.version > 0) return order;
  const status = nextStatus(order, action);
  if (!status) return order;
  const next: Order = { ...order, status };
  if (entry.name === 'acceptOrder') {
    const prep = (entry.args as MutationArgs<'acceptOrder'>).prepMinutes;
    next.prepMinutes = prep;
    next.readyBy = new Date(now + prep * 60_000).toISOString();
  }
  if (entry.name === 'dispatchOrder') {
    const { riderName, riderPhone } = entry.args as MutationArgs<'dispatchOrder'>;
    if (riderName) next.riderName = riderName;
    if (riderPhone) next.riderPhone = riderPhone;
  }
  if (entry.name === 'rejectOrder') next.rejectReason = (entry.args as MutationArgs<'rejectOrder'>).reason;
  return next;
}

/** What one pending menu change (sold out / back on sale) does to the item on screen. */
export function applyItemPending(item: MenuItem, entry: OutboxEntry): MenuItem {
  if (entry.name !== 'setSoldOut') return item;
  const a = entry.args as MutationArgs<'setSoldOut'>;
  return a.itemId === item.id ? { ...item, soldOutUntil: a.until } : item;
}

/** S7: the server's copy with every change still pending (not refused) replayed on top, in seq order. */
export function rebase(
  server: Order | null,
  pending: readonly OutboxEntry[],
  catalogue: ReadonlyMap<string, MenuItem>,
  now: number,
  zones: DeliveryZones | null = null,
): Order | null {
  return [...pending]
    .sort((a, b) => a.seq - b.seq)
    .filter((e) => e.result?.status !== 'rejected')
    .reduce<Order | null>((order, e) => applyPending(order, e, catalogue, now, zones), server);
}
