import type { MenuItem } from '../domain/catalogue';
import { MAX_QUANTITY } from '../domain/pricing';
import type { OrderLineInput } from '../domain/order';

/** Order lines being put together, before they become an order: the customer's cart, the shop's phone order. */
export type Cart = OrderLineInput[];

const sameLine = (a: OrderLineInput, itemId: string, optionIds: string[]) =>
  a.itemId === itemId && [...a.optionIds].sort().join() === [...optionIds].sort().join();

/** Adds `quantity` of an item with these options; the same item and options share one line. */
export function addToCart(cart: Cart, item: Pick<MenuItem, 'id'>, optionIds: string[], quantity = 1): Cart {
  const i = cart.findIndex((l) => sameLine(l, item.id, optionIds));
  if (i < 0) return [...cart, { itemId: item.id, quantity: Math.min(MAX_QUANTITY, quantity), optionIds }];
  return setQuantity(cart, i, cart[i]!.quantity + quantity);
}

/** Sets a line's quantity; zero removes the line. */
export function setQuantity(cart: Cart, index: number, quantity: number): Cart {
  if (quantity <= 0) return cart.filter((_, i) => i !== index);
  return cart.map((l, i) => (i === index ? { ...l, quantity: Math.min(MAX_QUANTITY, quantity) } : l));
}
