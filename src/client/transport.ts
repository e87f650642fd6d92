import type { Lang } from '../protocol/lang';
import { call } from './api';
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
    push: (body) => call('shopPush', { body, lang: lang() }),
    pull: (body) => call('shopPull', { body, lang: lang() }),
  };
}

export function streamUrlOf(target: SyncTarget): string {
  return target.kind === 'customer' ? `/api/s/${encodeURIComponent(target.slug)}/stream` : '/api/shop/stream';
}
