import type { MenuItem } from '../../domain/catalogue';
import type { OrderLineInput } from '../../domain/order';

export type Cart = OrderLineInput[];

/** The options a quick "add" picks: the first choices of each required group. */
export function defaultOptions(item: MenuItem): string[] {
  return item.optionGroups.flatMap((g) => g.options.slice(0, g.minChoices).map((o) => o.id));
}

export function addToCart(cart: Cart, item: MenuItem): Cart {
  const optionIds = defaultOptions(item);
  const same = cart.findIndex((l) => l.itemId === item.id && l.optionIds.join() === optionIds.join());
  if (same < 0) return [...cart, { itemId: item.id, quantity: 1, optionIds }];
  return cart.map((l, i) => (i === same ? { ...l, quantity: Math.min(99, l.quantity + 1) } : l));
}

export function removeLine(cart: Cart, index: number): Cart {
  return cart.filter((_, i) => i !== index);
}
