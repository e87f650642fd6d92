import { useEffect, useRef, useState } from 'react';
import { checkoutLimitsOf } from '../../domain/checkoutLimits';
import { shopLocalDate } from '../../domain/hours';
import type { Cart } from '../cart';
import { checkCart, keptLines, type CartNotice, type KeptLine } from './cartCheck';
import { catalogueOf, checkoutRulesOf, type PublicShop } from './publicShop';

/** Where a shop's cart is kept on this phone: one per shop, in localStorage (#16: it used to die with the tab). */
const keyOf = (slug: string) => `dangol.cart.${slug}`;

function readKept(slug: string): KeptLine[] {
  try {
    // An older app kept the cart in sessionStorage as a bare array of lines.
    const text = localStorage.getItem(keyOf(slug)) ?? sessionStorage.getItem(keyOf(slug)) ?? '[]';
    const kept = JSON.parse(text) as unknown;
    const lines = Array.isArray(kept) ? kept : (kept as { lines?: unknown }).lines;
    return Array.isArray(lines) ? lines.filter(isKeptLine) : [];
  } catch {
    return [];
  }
}

function isKeptLine(l: unknown): l is KeptLine {
  const o = l as Partial<KeptLine> | null;
  return (
    typeof o?.itemId === 'string' &&
    Number.isInteger(o.quantity) &&
    Array.isArray(o.optionIds) &&
    o.optionIds.every((id) => typeof id === 'string')
  );
}

export interface CartState {
  cart: Cart;
  setCart: (c: Cart) => void;
  /** What changed since the cart was kept (or in a past order ordered again), until dismissed. */
  notices: CartNotice[];
  dismissNotices: () => void;
  /** Fills the cart from lines kept elsewhere (a past order), checked against the menu now. */
  refill: (lines: KeptLine[], nameOf: (l: KeptLine) => string) => void;
}

/**
 * The customer's cart for one shop, kept on the phone across restarts and checked against the menu
 * each time the shop's data arrives (the copy from the last visit, then the server's): a cart is a
 * moment's intention, and the menu may have moved on since.
 */
export function useCart(slug: string, data: PublicShop): CartState {
  const catalogue = catalogueOf(data);
  const today = shopLocalDate(new Date(), data.shop.timeZone);
  const limits = checkoutLimitsOf(checkoutRulesOf(data));
  const [state, setState] = useState(() => {
    const kept = readKept(slug);
    return checkCart(kept, catalogue, today, limits);
  });
  const save = (cart: Cart) => {
    try {
      localStorage.setItem(keyOf(slug), JSON.stringify({ lines: keptLines(cart, catalogue, today) }));
      sessionStorage.removeItem(keyOf(slug));
    } catch {
      // A full or blocked storage: the cart still works for this visit.
    }
  };
  // A fresh copy of the shop (the server's after the kept one): check the cart again against it.
  const checkedData = useRef(data);
  useEffect(() => {
    if (checkedData.current === data) return save(state.cart);
    checkedData.current = data;
    const kept = readKept(slug);
    const checked = checkCart(kept, catalogue, today, limits);
    setState((s) => ({ cart: checked.cart, notices: [...s.notices, ...checked.notices] }));
    save(checked.cart);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per copy of the shop
  }, [data]);
  return {
    cart: state.cart,
    notices: state.notices,
    setCart: (cart) => {
      save(cart);
      setState((s) => ({ ...s, cart }));
    },
    dismissNotices: () => setState((s) => ({ ...s, notices: [] })),
    refill: (lines, nameOf) => {
      const checked = checkCart(lines, catalogue, today, limits, nameOf);
      save(checked.cart);
      setState((s) => ({ ...s, cart: checked.cart, notices: checked.notices }));
    },
  };
}
