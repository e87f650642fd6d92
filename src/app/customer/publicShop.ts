import type { MenuItem } from '../../domain/catalogue';
import type { CheckoutRules } from '../../domain/checkout';
import type { RouteResponse } from '../../protocol/routes';

/** The shop as a customer's phone knows it: from the server, or the copy kept from the last visit. */
export type PublicShop = RouteResponse<'publicShop'>;

export function catalogueOf(data: PublicShop): Map<string, MenuItem> {
  return new Map(data.items.map((i) => [i.id, i]));
}

export function checkoutRulesOf({ shop }: PublicShop): CheckoutRules {
  return {
    pickup: shop.pickup,
    delivery: shop.delivery,
    payAtPickup: shop.payAtPickup,
    bankTransfer: shop.bankTransfer,
    bankAccount: shop.bankAccount,
    // Absent from a copy kept before #16: the domain's defaults apply (checkoutLimitsOf).
    contactOptionalForPickup: shop.contactOptionalForPickup,
    maxPerItem: shop.maxPerItem,
    maxPerOrder: shop.maxPerOrder,
  };
}

/** Quantity of a quota item already held by active orders on a date, as of the last answer. */
export function takenOn(data: PublicShop, date: string, itemId: string): number {
  return data.taken.items[`${date} ${itemId}`] ?? 0;
}
