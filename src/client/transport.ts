import type { Lang } from '../protocol/lang';
import { ApiCallError, call } from './api';
import type { Transport } from './syncEngine';

/** Where a device syncs: a customer's phone with one shop, or a signed-in shop device. */
export type SyncTarget = { kind: 'customer'; slug: string; deviceToken: string } | { kind: 'shop' };

export function httpTransport(target: SyncTarget, lang: () => Lang): Transport {
  if (target.kind === 'customer') {
    const params = { slug: target.slug };
    return {
      push: (body) => call('customerPush', { params, body, lang: lang(), deviceToken: target.deviceToken }),
      pull: (body) => call('customerPull', { params, body, lang: lang(), deviceToken: target.deviceToken }),
    };
  }
  return {
    push: (body) => call('shopPush', { body, lang: lang() }).catch(tellUnauthorized),
    pull: (body) => call('shopPull', { body, lang: lang() }).catch(tellUnauthorized),
  };
}

/**
 * Dispatched on `window` when the server refuses a shop device's sync for want of a sign-in (401):
 * the console then asks the server about its sign-in (app/shop/session) and signs out if it ended.
 * The outbox is untouched: what waits is kept and sent after the next sign-in.
 */
export const SHOP_UNAUTHORIZED_EVENT = 'dangol:shop-unauthorized';

function tellUnauthorized(err: unknown): never {
  if (err instanceof ApiCallError && err.status === 401 && typeof window !== 'undefined')
    window.dispatchEvent(new Event(SHOP_UNAUTHORIZED_EVENT));
  throw err;
}

export function streamUrlOf(target: SyncTarget): string {
  return target.kind === 'customer' ? `/api/s/${encodeURIComponent(target.slug)}/stream` : '/api/shop/stream';
}
