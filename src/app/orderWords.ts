import type { HonestState } from '../client/orderState';
import type { Order } from '../domain/order';
import { AUTO_REJECT_REASON } from '../domain/orderAlerts';
import type { MessageKey } from '../i18n';
import type { Lang } from '../protocol/lang';
import { formatShopDate, formatShopTime } from './dates';

type Told = Pick<Order, 'fulfilment' | 'slot' | 'date' | 'readyBy'>;

/**
 * What a customer reads for each honest state, per kind of order (S10): a delivery never speaks of
 * pickup, a pre-order's promise is its slot (never a "ready by" minute), and "on the shop's device"
 * never reads as "accepted".
 */
export function customerStateKey(
  state: HonestState,
  order: (Pick<Order, 'fulfilment'> & Partial<Pick<Order, 'cancelReason'>>) | null,
): MessageKey {
  const delivery = order?.fulfilment === 'delivery';
  switch (state) {
    case 'saved':
      return 'stateSaved';
    case 'sent':
      return 'stateSent';
    case 'received':
      return 'stateReceived';
    case 'accepted':
      return delivery ? 'stateAcceptedDelivery' : 'stateAccepted';
    case 'confirmed':
      return delivery ? 'stateConfirmedDelivery' : 'stateConfirmedPickup';
    case 'ready':
      return 'stateReady';
    case 'outForDelivery':
      return 'stateOutForDelivery';
    case 'completed':
      return delivery ? 'stateDelivered' : 'stateCompleted';
    case 'rejected':
      // Issue #17: nobody at the shop said no; the server did, because nobody answered in time.
      return order?.cancelReason === AUTO_REJECT_REASON ? 'stateAutoRejected' : 'stateRejected';
    case 'cancelled':
      return 'stateCancelled';
    case 'refused':
      return 'stateRefused';
  }
}

/** The values the state's words fill in: the ready-by clock and the slot, in the shop's zone. */
export function stateVars(
  order: Told | null,
  lang: Lang,
  timeZone: string | undefined,
): Record<string, string> {
  if (!order) return { time: '', when: '' };
  return {
    time: order.readyBy ? formatShopTime(order.readyBy, timeZone ?? 'UTC', lang) : '',
    when: `${formatShopDate(order.date, lang)} ${order.slot ?? ''}`.trim(),
  };
}
