import { isSoldOut, type MenuItem } from './catalogue';
import { MAX_WON, type Won } from './money';
import type { OrderLineInput, PricedLine } from './order';

export const MAX_LINES = 50;
export const MAX_QUANTITY = 99;

export type PricingProblem =
  'unknown_item' | 'sold_out' | 'invalid_options' | 'invalid_quantity' | 'total_too_large' | 'empty_order';

export type Priced =
  { ok: true; lines: PricedLine[]; total: Won } | { ok: false; problem: PricingProblem; itemId?: string };

/**
 * Prices an order from the catalogue alone: the client never sends a price. The same function runs
 * on the phone (to show the total offline) and on the server (which decides).
 */
export function priceOrder(
  catalogue: ReadonlyMap<string, MenuItem>,
  lines: readonly OrderLineInput[],
  date: string,
): Priced {
  if (lines.length === 0 || lines.length > MAX_LINES) return { ok: false, problem: 'empty_order' };
  const priced: PricedLine[] = [];
  let total = 0;
  for (const line of lines) {
    const item = catalogue.get(line.itemId);
    if (!item) return { ok: false, problem: 'unknown_item', itemId: line.itemId };
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      return { ok: false, problem: 'invalid_quantity', itemId: item.id };
    }
    if (isSoldOut(item, date)) return { ok: false, problem: 'sold_out', itemId: item.id };
    const options = chooseOptions(item, line.optionIds);
    if (!options) return { ok: false, problem: 'invalid_options', itemId: item.id };
    const unitPrice = item.price + options.reduce((s, o) => s + o.priceDelta, 0);
    const lineTotal = unitPrice * line.quantity;
    total += lineTotal;
    if (total > MAX_WON) return { ok: false, problem: 'total_too_large' };
    priced.push({ itemId: item.id, name: item.name, quantity: line.quantity, options, unitPrice, lineTotal });
  }
  return { ok: true, lines: priced, total };
}

/**
 * The chosen options in menu order, or null when a group's min/max is broken, an id is unknown or
 * repeated, or an id names options in two groups (catalogue validation checks ids per group only).
 * Matched ids are counted as a set: counting hits would let one id shared by two groups cover for a
 * made-up id, and would charge the shared option twice.
 */
function chooseOptions(item: MenuItem, optionIds: readonly string[]) {
  if (new Set(optionIds).size !== optionIds.length) return null;
  const chosen = new Set(optionIds);
  const picked = [];
  const matched = new Set<string>();
  for (const group of item.optionGroups) {
    const inGroup = group.options.filter((o) => chosen.has(o.id));
    if (inGroup.length < group.minChoices || inGroup.length > group.maxChoices) return null;
    for (const o of inGroup) {
      if (matched.has(o.id)) return null;
      matched.add(o.id);
    }
    picked.push(
      ...inGroup.map((o) => ({ id: o.id, name: `${group.name}: ${o.name}`, priceDelta: o.priceDelta })),
    );
  }
  return matched.size === chosen.size ? picked : null;
}

/** How many of an item are still available on a date, given what active orders already hold. */
export function quotaLeft(item: Pick<MenuItem, 'dailyQuota'>, alreadyOrdered: number): number | null {
  return item.dailyQuota === null ? null : Math.max(0, item.dailyQuota - alreadyOrdered);
}

/** Total quantity per item in these lines (an item may appear on several lines with different options). */
export function quantitiesByItem(
  lines: readonly { itemId: string; quantity: number }[],
): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.itemId, (m.get(l.itemId) ?? 0) + l.quantity);
  return m;
}
