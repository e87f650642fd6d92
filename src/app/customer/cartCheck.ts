import { isSoldOut, type MenuItem } from '../../domain/catalogue';
import type { CheckoutLimits } from '../../domain/checkoutLimits';
import { priceOrder } from '../../domain/pricing';
import type { OrderLineInput } from '../../domain/order';
import type { Cart } from '../cart';

/** A cart line as kept on the phone: with the unit price it was added at, to notice a change later. */
export type KeptLine = OrderLineInput & { unitPrice?: number };

/** What changed in a kept cart since it was filled: each said to the customer, never done silently. */
export type CartNotice =
  | { kind: 'gone' | 'soldOut' | 'optionsChanged'; name: string }
  | { kind: 'priceChanged'; name: string; from: number; to: number }
  | { kind: 'quantityCut'; name: string; n: number };

/**
 * A kept cart (from before a restart, or a past order to order again) against the menu as it is now:
 * lines whose item left the menu, is sold out today or lost its options are dropped; a changed price
 * is kept and said; quantities beyond the shop's limits are cut to them. The phone cannot order what
 * the server would refuse, and the customer sees why the cart is not what they left.
 */
export function checkCart(
  kept: readonly KeptLine[],
  catalogue: ReadonlyMap<string, MenuItem>,
  today: string,
  limits: CheckoutLimits,
  /** A line's name when its item is gone from the menu (a past order knows it). */
  nameOf: (line: KeptLine) => string = () => '',
): { cart: Cart; notices: CartNotice[] } {
  const cart: Cart = [];
  const notices: CartNotice[] = [];
  const ofItem = new Map<string, number>();
  let inOrder = 0;
  for (const line of kept) {
    const item = catalogue.get(line.itemId);
    if (!item) {
      notices.push({ kind: 'gone', name: nameOf(line) });
      continue;
    }
    if (isSoldOut(item, today)) {
      notices.push({ kind: 'soldOut', name: item.name });
      continue;
    }
    const priced = priceOrder(
      new Map([[item.id, item]]),
      [{ itemId: item.id, quantity: 1, optionIds: line.optionIds }],
      today,
    );
    if (!priced.ok) {
      notices.push({ kind: 'optionsChanged', name: item.name });
      continue;
    }
    const unitPrice = priced.lines[0]!.unitPrice;
    if (line.unitPrice !== undefined && line.unitPrice !== unitPrice)
      notices.push({ kind: 'priceChanged', name: item.name, from: line.unitPrice, to: unitPrice });
    const room = Math.min(limits.maxPerItem - (ofItem.get(item.id) ?? 0), limits.maxPerOrder - inOrder);
    const quantity = Math.min(line.quantity, room);
    if (quantity < line.quantity)
      notices.push({ kind: 'quantityCut', name: item.name, n: Math.max(0, quantity) });
    if (quantity <= 0) continue;
    ofItem.set(item.id, (ofItem.get(item.id) ?? 0) + quantity);
    inOrder += quantity;
    cart.push({ itemId: item.id, quantity, optionIds: [...line.optionIds] });
  }
  return { cart, notices };
}

/** The cart as kept: each line with its unit price now, so a later change can be told. */
export function keptLines(cart: Cart, catalogue: ReadonlyMap<string, MenuItem>, today: string): KeptLine[] {
  return cart.map((line) => {
    const item = catalogue.get(line.itemId);
    const priced = item
      ? priceOrder(new Map([[item.id, { ...item, soldOutUntil: null }]]), [{ ...line, quantity: 1 }], today)
      : null;
    return priced?.ok ? { ...line, unitPrice: priced.lines[0]!.unitPrice } : line;
  });
}
