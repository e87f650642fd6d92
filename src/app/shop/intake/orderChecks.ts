import type { MenuItem } from '../../../domain/catalogue';
import { checkoutProblem, type CheckoutRules, type PaymentMethod } from '../../../domain/checkout';
import { leadTimeProblem } from '../../../domain/leadTime';
import { isActive, type Fulfilment, type Order, type OrderLineInput } from '../../../domain/order';
import { priceOrder, quantitiesByItem, quotaLeft } from '../../../domain/pricing';
import { pickupProblem, slotHasRoom, type Schedule } from '../../../domain/schedule';
import type { ErrorCode } from '../../../protocol/errors';

/** What active orders already hold, counted from this tablet's own copy of the shop's orders. */
export interface Taken {
  /** "YYYY-MM-DD HH:MM" → orders in that slot. */
  slots: Record<string, number>;
  /** "YYYY-MM-DD <itemId>" → quantity ordered that day. */
  items: Record<string, number>;
}

/**
 * The tablet holds every order of the shop (S13), so unlike a phone it counts slot use and daily
 * quotas itself, the way the server will; orders still in its outbox count too.
 */
export function takenFrom(orders: readonly Order[]): Taken {
  const taken: Taken = { slots: {}, items: {} };
  for (const o of orders) {
    if (!isActive(o.status)) continue;
    if (o.slot !== null) taken.slots[`${o.date} ${o.slot}`] = (taken.slots[`${o.date} ${o.slot}`] ?? 0) + 1;
    for (const l of o.lines) {
      const key = `${o.date} ${l.itemId}`;
      taken.items[key] = (taken.items[key] ?? 0) + l.quantity;
    }
  }
  return taken;
}

export interface OrderDraft {
  lines: readonly OrderLineInput[];
  fulfilment: Fulfilment;
  date: string;
  slot: string | null;
  payment: PaymentMethod;
  address: string;
}

export interface ShopRules {
  catalogue: ReadonlyMap<string, MenuItem>;
  schedule: Schedule;
  /** Null while this tablet has not yet heard the shop's checkout rules: the server checks them. */
  rules: CheckoutRules | null;
  taken: Taken;
}

/**
 * What the server would refuse, as far as this tablet knows: the same domain checks, in the same
 * order, as the customer's checkout and the server's placeOrder.
 */
export function orderProblem(now: Date, o: OrderDraft, shop: ShopRules): ErrorCode | null {
  if (o.lines.length === 0) return 'empty_order';
  const priced = priceOrder(shop.catalogue, o.lines, o.date);
  if (!priced.ok) return priced.problem;
  const when = pickupProblem(now, o.date, o.slot, shop.schedule);
  if (when) return when;
  if (o.slot !== null && !slotHasRoom(shop.taken.slots[`${o.date} ${o.slot}`] ?? 0, shop.schedule))
    return 'slot_full';
  if (leadTimeProblem(shop.catalogue, o.lines, now, o.date, shop.schedule.timeZone)) return 'item_lead_time';
  for (const [itemId, wanted] of quantitiesByItem(o.lines)) {
    const left = quotaLeft(
      shop.catalogue.get(itemId) ?? { dailyQuota: null },
      shop.taken.items[`${o.date} ${itemId}`] ?? 0,
    );
    if (left !== null && wanted > left) return 'quota_exceeded';
  }
  return shop.rules ? checkoutProblem(shop.rules, o) : null;
}
