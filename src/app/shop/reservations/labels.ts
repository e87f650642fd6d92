import type { OrderStatus } from '../../../domain/order';
import type { MessageKey } from '../../../i18n';

export const STATUS_LABEL: Record<OrderStatus, MessageKey> = {
  placed: 'resStatusPlaced',
  accepted: 'resStatusAccepted',
  ready: 'resStatusReady',
  completed: 'resStatusCompleted',
  rejected: 'resStatusRejected',
  cancelled: 'resStatusCancelled',
};

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A pickup slot in words: its time, or "as soon as possible". */
export function slotLabel(slot: string | null, t: T): string {
  return slot ?? t('resAsap');
}
