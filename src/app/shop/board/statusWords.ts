import { kindOf, type Order } from '../../../domain/order';
import { AUTO_REJECT_REASON } from '../../../domain/orderAlerts';
import type { MessageKey } from '../../../i18n';

/**
 * A card's status line, per kind of order (S10): a pre-order waits to be confirmed (not accepted),
 * a delivery leaves and is delivered (never "waiting for the customer", never "collected").
 */
export function boardStatusKey(
  order: Pick<Order, 'status' | 'fulfilment' | 'slot' | 'riderName' | 'cancelReason'>,
): MessageKey {
  const kind = kindOf(order);
  const delivery = kind.fulfilment === 'delivery';
  switch (order.status) {
    case 'placed':
      return kind.timing === 'scheduled' ? 'bdStatusPlacedPreorder' : 'bdStatusPlaced';
    case 'accepted':
      return delivery ? 'bdStatusAcceptedDelivery' : 'bdStatusAccepted';
    case 'confirmed':
      return 'bdStatusConfirmed';
    case 'ready':
      return 'bdStatusReady';
    case 'outForDelivery':
      return order.riderName ? 'bdStatusOutRider' : 'bdStatusOut';
    case 'completed':
      return delivery ? 'bdStatusDelivered' : 'bdStatusCompleted';
    case 'rejected':
      // Issue #17: the shop sees that the server declined it for them, and that the customer knows.
      return order.cancelReason === AUTO_REJECT_REASON ? 'bdStatusAutoRejected' : 'bdStatusRejected';
    case 'cancelled':
      return 'bdStatusCancelled';
  }
}
