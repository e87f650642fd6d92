import { useStore } from '../ui/store';
import { createLocationStore } from './location';

/** The few pages Dangol has, matched from the address bar. */
export type Page =
  | { kind: 'start' }
  | { kind: 'customer'; slug: string; view: CustomerView }
  | { kind: 'shop' }
  | { kind: 'invite'; token: string }
  /** A gift voucher's link (/s/<slug>/v/<token>), or the phone's wallet (/s/<slug>/v). */
  | { kind: 'voucher'; slug: string; token: string | null }
  | { kind: 'notFound' };

/** The customer's screens under /s/<slug>: the menu, the cart, one order, the chat with the shop. */
export type CustomerView =
  | { kind: 'menu' }
  | { kind: 'cart' }
  | { kind: 'order'; orderId: string; secret: string | null }
  | { kind: 'chat'; orderId: string | null };

function customerView(rest: string, hash: string): CustomerView | null {
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) return { kind: 'menu' };
  if (parts[0] === 'cart' && parts.length === 1) return { kind: 'cart' };
  if (parts[0] === 'o' && parts.length === 2)
    return { kind: 'order', orderId: parts[1]!, secret: hash.replace(/^#/, '') || null };
  if (parts[0] === 'chat' && parts.length <= 2) return { kind: 'chat', orderId: parts[1] ?? null };
  return null;
}

export function matchPage(pathname: string, hash: string): Page {
  if (pathname === '/' || pathname === '') return { kind: 'start' };
  const voucher = /^\/s\/([^/]+)\/v(?:\/([A-Za-z0-9_.-]+))?\/?$/.exec(pathname);
  if (voucher) return { kind: 'voucher', slug: decodeURIComponent(voucher[1]!), token: voucher[2] ?? null };
  const customer = /^\/s\/([^/]+)(\/.*)?$/.exec(pathname);
  if (customer) {
    const view = customerView(customer[2] ?? '', hash);
    return view ? { kind: 'customer', slug: decodeURIComponent(customer[1]!), view } : { kind: 'notFound' };
  }
  if (pathname === '/shop' || pathname.startsWith('/shop/')) return { kind: 'shop' };
  if (pathname === '/invite') return { kind: 'invite', token: hash.replace(/^#/, '') };
  return { kind: 'notFound' };
}

/** The app's one location store, on the real window. */
const appLocation = createLocationStore(window);

export function navigate(to: string): void {
  appLocation.navigate(to);
}

export function useLocation(): string {
  return useStore(appLocation, (l) => l.path);
}
