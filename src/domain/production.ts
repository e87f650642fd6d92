import { isActive, type Order, type PricedLine } from './order';
import { slotsOn, type Schedule } from './schedule';

/**
 * What the kitchen makes for a day and who comes to collect it, from the orders alone. Only orders
 * that still stand count (placed, accepted, ready, completed): a completed order was made, a rejected
 * or cancelled one will not be. Lines carry the names they were ordered under, so a later menu edit
 * never rewrites what a customer asked for.
 */

/** One option (e.g. "500g", or "멸치볶음" in a pick-three set) and how many units carry it. */
export interface OptionCount {
  optionId: string;
  name: string;
  quantity: number;
}

/** One exact choice of options for an item (empty: the item as it comes) and how many to make. */
export interface VariantCount {
  /** The option ids, sorted: two lines with the same choice in another order are one variant. */
  key: string;
  options: { id: string; name: string }[];
  quantity: number;
}

export interface ItemCount {
  itemId: string;
  name: string;
  quantity: number;
  /** Per combination of options, most made first. */
  variants: VariantCount[];
  /** Per single option, summed over every combination that contains it. */
  options: OptionCount[];
}

export interface SlotProduction {
  /** Pickup slot "HH:MM", or null for "as soon as possible". */
  slot: string | null;
  orders: number;
  /** Of those, how many are delivered (the rest are collected): the list says which kind it is. */
  deliveries: number;
  items: ItemCount[];
}

export interface Production {
  date: string;
  orders: number;
  deliveries: number;
  /** The "as soon as possible" group first, then slots in time order. */
  slots: SlotProduction[];
  total: ItemCount[];
}

/** The orders of `date` that the kitchen makes and the counter hands out. */
export function activeOn(orders: readonly Order[], date: string): Order[] {
  return orders.filter((o) => o.date === date && isActive(o.status));
}

/** Null (as soon as possible) before any slot; "09:30" before "10:00". */
export function compareSlots(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'ko') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

class ItemTally {
  quantity = 0;
  readonly variants = new Map<string, VariantCount>();
  readonly options = new Map<string, OptionCount>();
  constructor(
    readonly itemId: string,
    readonly name: string,
  ) {}

  add(line: PricedLine): void {
    this.quantity += line.quantity;
    // One line names an option once, even if a malformed copy repeats it.
    const unique = [...new Map(line.options.map((o) => [o.id, o])).values()];
    const sorted = [...unique].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const key = sorted.map((o) => o.id).join('\u0000');
    const variant = this.variants.get(key);
    if (variant) variant.quantity += line.quantity;
    else
      this.variants.set(key, {
        key,
        // Shown in the order the customer saw them (the menu's order), not by id.
        options: unique.map((o) => ({ id: o.id, name: o.name })),
        quantity: line.quantity,
      });
    for (const o of unique) {
      const count = this.options.get(o.id);
      if (count) count.quantity += line.quantity;
      else this.options.set(o.id, { optionId: o.id, name: o.name, quantity: line.quantity });
    }
  }

  result(): ItemCount {
    const variantLabel = (v: VariantCount) => v.options.map((o) => o.name).join(', ');
    return {
      itemId: this.itemId,
      name: this.name,
      quantity: this.quantity,
      variants: [...this.variants.values()].sort(
        (a, b) => b.quantity - a.quantity || variantLabel(a).localeCompare(variantLabel(b), 'ko'),
      ),
      options: [...this.options.values()].sort(byName),
    };
  }
}

/** Items to make for these orders, by item id (the name a line was ordered under is kept). */
export function countItems(orders: readonly Order[]): ItemCount[] {
  const tallies = new Map<string, ItemTally>();
  for (const order of orders) {
    for (const line of order.lines) {
      let tally = tallies.get(line.itemId);
      if (!tally) tallies.set(line.itemId, (tally = new ItemTally(line.itemId, line.name)));
      tally.add(line);
    }
  }
  return [...tallies.values()].map((t) => t.result()).sort(byName);
}

const deliveriesIn = (orders: readonly Order[]) => orders.filter((o) => o.fulfilment === 'delivery').length;

/** The production list of one day: per pickup slot and in total. */
export function productionOf(orders: readonly Order[], date: string): Production {
  const day = activeOn(orders, date);
  const bySlot = new Map<string | null, Order[]>();
  for (const o of day) bySlot.set(o.slot, [...(bySlot.get(o.slot) ?? []), o]);
  const slots = [...bySlot.keys()].sort(compareSlots).map((slot) => {
    const inSlot = bySlot.get(slot)!;
    return { slot, orders: inSlot.length, deliveries: deliveriesIn(inSlot), items: countItems(inSlot) };
  });
  return { date, orders: day.length, deliveries: deliveriesIn(day), slots, total: countItems(day) };
}

/** Who comes when on `date`: standing orders by slot (as soon as possible first), then by order time. */
export function pickupListOf(orders: readonly Order[], date: string): Order[] {
  return activeOn(orders, date).sort(
    (a, b) =>
      compareSlots(a.slot, b.slot) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Standing orders per slot of one day, as the server counts them against slot capacity. */
export function slotUseOn(orders: readonly Order[], date: string): Map<string, number> {
  const use = new Map<string, number>();
  for (const o of activeOn(orders, date)) if (o.slot !== null) use.set(o.slot, (use.get(o.slot) ?? 0) + 1);
  return use;
}

/** Standing orders per date. */
export function ordersPerDay(orders: readonly Order[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const o of orders) if (isActive(o.status)) count.set(o.date, (count.get(o.date) ?? 0) + 1);
  return count;
}

export type SlotSchedule = Pick<Schedule, 'hours' | 'closedDates' | 'slotMinutes' | 'slotCapacity'>;

export interface SlotUse {
  slot: string;
  taken: number;
  capacity: number;
  /** Not a slot of the schedule as it now stands (hours changed after the order was placed). */
  offSchedule: boolean;
}

/** Every slot of the day with its use, plus any slot orders still hold that the schedule no longer has. */
export function slotUsage(orders: readonly Order[], date: string, schedule: SlotSchedule): SlotUse[] {
  const use = slotUseOn(orders, date);
  const grid = slotsOn(date, schedule);
  const onGrid = new Set(grid);
  const slots = [...new Set([...grid, ...use.keys()])].sort(compareSlots);
  return slots.map((slot) => ({
    slot,
    taken: use.get(slot) ?? 0,
    capacity: schedule.slotCapacity,
    offSchedule: !onGrid.has(slot),
  }));
}

export interface DayUse {
  date: string;
  /** A holiday or a weekday without opening hours: no slots to offer. */
  closed: boolean;
  /** Standing orders for the day, with or without a slot. */
  orders: number;
  /** Orders holding a slot, against the day's slot capacity (slots × capacity per slot). */
  slotted: number;
  capacity: number;
}

export function dayUsage(orders: readonly Order[], date: string, schedule: SlotSchedule): DayUse {
  const day = activeOn(orders, date);
  const slots = slotsOn(date, schedule).length;
  return {
    date,
    closed: slots === 0,
    orders: day.length,
    slotted: day.filter((o) => o.slot !== null).length,
    capacity: slots * schedule.slotCapacity,
  };
}

/**
 * Priced options are named "group: option". Each group's choices on one line, the group named once:
 * ["반찬 선택: 멸치볶음", "반찬 선택: 진미채볶음", "추가: 초"] → ["반찬 선택: 멸치볶음, 진미채볶음", "추가: 초"].
 */
export function optionGroupLines(names: readonly string[]): string[] {
  const lines: string[] = [];
  let group: string | null = null;
  for (const name of names) {
    const cut = name.indexOf(': ');
    const g = cut > 0 ? name.slice(0, cut) : null;
    if (g !== null && g === group) lines[lines.length - 1] += `, ${name.slice(cut + 2)}`;
    else lines.push(name);
    group = g;
  }
  return lines;
}

/** A line's options in one short phrase: "크기: 1호 / 추가: 초, 레터링". */
export function optionSummary(names: readonly string[]): string {
  return optionGroupLines(names).join(' / ');
}
