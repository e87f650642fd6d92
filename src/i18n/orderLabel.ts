import { orderRef } from '../domain/orderNumber';
import type { Lang } from '../protocol/lang';
import { translate } from './index';

/**
 * The one way every screen, slip and message names an order (issue #16): "23번" / "No. 23" once the
 * server has numbered it, "임시 K7Q2" / "Temp K7Q2" until then. Nothing else may show an id fragment.
 */
export function orderLabel(order: { id: string; number?: number | null | undefined }, lang: Lang): string {
  const ref = orderRef(order);
  return ref.kind === 'number'
    ? translate(lang, 'orderNo', { n: ref.number })
    : translate(lang, 'orderTemp', { code: ref.code });
}
