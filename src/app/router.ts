import { useSyncExternalStore } from 'react';

/** The few pages Dangol has, matched from the address bar. */
export type Page =
  | { kind: 'start' }
  | { kind: 'customer'; slug: string }
  | { kind: 'shop' }
  | { kind: 'invite'; token: string }
  | { kind: 'notFound' };

export function matchPage(pathname: string, hash: string): Page {
  if (pathname === '/' || pathname === '') return { kind: 'start' };
  const customer = /^\/s\/([^/]+)\/?/.exec(pathname);
  if (customer) return { kind: 'customer', slug: decodeURIComponent(customer[1]!) };
  if (pathname === '/shop' || pathname.startsWith('/shop/')) return { kind: 'shop' };
  if (pathname === '/invite') return { kind: 'invite', token: hash.replace(/^#/, '') };
  return { kind: 'notFound' };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(to: string): void {
  history.pushState(null, '', to);
  listeners.forEach((l) => l());
}

const snapshot = () => location.pathname + location.hash;
export function useLocation(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    snapshot,
    snapshot,
  );
}
