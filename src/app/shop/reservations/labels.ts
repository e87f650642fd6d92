import type { Order, OrderStatus } from '../../../domain/order';
import type { MessageKey } from '../../../i18n';

const STATUS_LABEL: Record<OrderStatus, MessageKey> = {
  placed: 'resStatusPlaced',
  accepted: 'resStatusAccepted',
  confirmed: 'resStatusConfirmed',
  ready: 'resStatusReady',
  outForDelivery: 'resStatusOut',
  completed: 'resStatusCompleted',
  rejected: 'resStatusRejected',
  cancelled: 'resStatusCancelled',
};

/** An order's status in a list's one word; a delivered order is "배달 완료", never "픽업 완료". */
export function statusLabel(order: Pick<Order, 'status' | 'fulfilment'>): MessageKey {
  return order.status === 'completed' && order.fulfilment === 'delivery'
    ? 'resStatusDelivered'
    : STATUS_LABEL[order.status];
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A pickup slot in words: its time, or "as soon as possible". */
export function slotLabel(slot: string | null, t: T): string {
  return slot ?? t('resAsap');
}
