import { useState } from 'react';
import type { Cart } from '../cart';

/**
 * The cart survives a reload and moving between the menu and checkout, per shop, in this tab only:
 * a cart is a moment's intention, not an order (orders live in the outbox and the device database).
 */
export function useCart(slug: string): [Cart, (c: Cart) => void] {
  const key = `dangol.cart.${slug}`;
  const [cart, setCart] = useState<Cart>(() => {
    try {
      const kept = JSON.parse(sessionStorage.getItem(key) ?? '[]') as unknown;
      return Array.isArray(kept) ? (kept as Cart) : [];
    } catch {
      return [];
    }
  });
  return [
    cart,
    (next: Cart) => {
      sessionStorage.setItem(key, JSON.stringify(next));
      setCart(next);
    },
  ];
}
