import { kindOf, type Order } from '../../../domain/order';
import type { MessageKey } from '../../../i18n';

/**
 * An order's kind in one word for the day's lists (#16): 픽업 / 배달, with 예약 for a pre-order (a
 * chosen slot). A delivery is never listed as a pickup.
 */
export function kindLabel(order: Pick<Order, 'fulfilment' | 'slot'>): MessageKey {
  const { timing, fulfilment } = kindOf(order);
  if (timing === 'scheduled')
    return fulfilment === 'delivery' ? 'listKindPreorderDelivery' : 'listKindPreorderPickup';
  return fulfilment === 'delivery' ? 'listKindDelivery' : 'listKindPickup';
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A production table's caption: the slot and its orders, saying which are deliveries. */
export function slotCaption(slot: string, group: { orders: number; deliveries: number }, t: T): string {
  const { orders: n, deliveries: d } = group;
  if (d === 0) return t('prodSlotOrders', { slot, n });
  if (d === n) return t('prodSlotDeliveries', { slot, n });
  return t('prodSlotMixed', { slot, n, p: n - d, d });
}

/** The whole day's caption, with the split when some orders are delivered. */
export function totalCaption(group: { orders: number; deliveries: number }, t: T): string {
  const { orders: n, deliveries: d } = group;
  return d === 0 ? t('prodTotal', { n }) : t('prodTotalMixed', { n, p: n - d, d });
}
