import type { Won } from './money';

/** One choice inside an option group, e.g. "500g (+₩7,000)". */
export interface MenuOption {
  id: string;
  name: string;
  priceDelta: Won;
  /**
   * Chosen when the customer opens the item, because the shop said so (#16). Without it every
   * option starts unchosen: a pre-ticked paid option is a price the customer did not pick.
   */
  isDefault?: boolean;
}

/** "Pick 1 size" (min 1, max 1) or "Add toppings" (min 0, max 3). */
export interface OptionGroup {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  options: MenuOption[];
}

export interface MenuCategory {
  id: string;
  name: string;
  position: number;
}

export interface MenuItem {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  price: Won;
  photoUrl: string | null;
  optionGroups: OptionGroup[];
  /** Sold out through this shop-local date (inclusive), "YYYY-MM-DD"; null when available. */
  soldOutUntil: string | null;
  /** How many may be sold per day; null when unlimited. */
  dailyQuota: number | null;
  /** Days of notice the kitchen needs (0 = same day); see leadTime.ts. */
  leadDays: number;
  /** Orders close at this shop-local "HH:MM" on the last day they are taken; null = end of day. */
  orderCutoff: string | null;
  position: number;
}

/** A group is well formed when its bounds can be met by its options. */
export function isValidOptionGroup(group: OptionGroup): boolean {
  return (
    Number.isInteger(group.minChoices) &&
    Number.isInteger(group.maxChoices) &&
    group.minChoices >= 0 &&
    group.maxChoices >= Math.max(1, group.minChoices) &&
    group.maxChoices <= group.options.length &&
    new Set(group.options.map((o) => o.id)).size === group.options.length
  );
}

/** Sold out today when the shop marked it through today or later; `today` is the shop-local date. */
export function isSoldOut(item: Pick<MenuItem, 'soldOutUntil'>, today: string): boolean {
  return item.soldOutUntil !== null && item.soldOutUntil >= today;
}
