import type { CheckoutLimits } from '../../domain/checkoutLimits';
import type { MessageKey } from '../../i18n/ko';

/** Which of the shop's limits stops "+" for an item that has `ofItem` in the cart, in words. */
export function limitMessage(
  limits: CheckoutLimits,
  ofItem: number,
  t: (k: MessageKey, v?: Record<string, number>) => string,
): string {
  return ofItem >= limits.maxPerItem
    ? t('itemLimitReached', { n: limits.maxPerItem })
    : t('orderLimitReached', { n: limits.maxPerOrder });
}
