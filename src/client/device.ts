import type { Lang } from '../protocol/lang';
import { call } from './api';

const KEY = 'dangol.device';

/**
 * This phone's identity with the server, made on first visit and kept on the device. Everything the
 * customer sees beyond the public menu is scoped to it. Concurrent callers share one registration.
 */
let pending: Promise<string> | undefined;
export function ensureDevice(lang: Lang): Promise<string> {
  const saved = localStorage.getItem(KEY);
  if (saved) return Promise.resolve(saved);
  pending ??= call('registerDevice', { lang, body: {} })
    .then(({ token }) => {
      localStorage.setItem(KEY, token);
      return token;
    })
    .finally(() => {
      pending = undefined;
    });
  return pending;
}
