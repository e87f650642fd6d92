import { PAYMENT_METHODS, type PaymentMethod } from './checkout';
import type { Won } from './money';
import { isFinal, type Order, type OrderStatus } from './order';
import { addDays, daysBetween, weekdayOf } from './schedule';

/**
 * The owner's sales figures, from the orders alone.
 *
 * Which day an order belongs to: its pickup `date` (the shop-local business day it is handed over),
 * not when it was placed. A cake pre-ordered on Tuesday for Saturday is Saturday's money, which is
 * when the till sees it; and the date is already a shop-local calendar date, so no time zone can move
 * an order to another day.
 *
 * Which orders are sales: `completed` only — handed over, and final (no arrow leads out of it).
 * Placed, accepted and ready orders are still open: they may yet be rejected or cancelled, so they
 * are shown apart (the day's view lists them as "still to be handed over"), never added to sales.
 * Rejected and cancelled orders never count. A completed order that was never marked paid still
 * counts: the goods left the shop, and the day's view shows it as unpaid so the owner can follow up.
 */

export type SalesBy = 'day' | 'week' | 'month';
export const SALES_BY: readonly SalesBy[] = ['day', 'week', 'month'];

/** A year and a day: a leap year's whole span, while one request stays a bounded amount of work. */
export const MAX_RANGE_DAYS = 366;

export interface DateRange {
  /** First shop-local date, "YYYY-MM-DD", included. */
  from: string;
  /** Last shop-local date, included. */
  to: string;
}

export type RangeProblem = 'sales_range_invalid' | 'sales_range_too_long';

/**
 * The first day a report may start on. ISO 8601 has a year 0000 (1 BC), which PostgreSQL's calendar
 * lacks: such a date would fail in the database rather than being refused as input.
 */
const FIRST_DATE = '0001-01-01';

/** Why a range cannot be reported, or null when it can: `to` before `from`, or longer than a year. */
export function rangeProblem({ from, to }: DateRange): RangeProblem | null {
  if (from < FIRST_DATE) return 'sales_range_invalid';
  const days = daysBetween(from, to);
  if (!Number.isFinite(days) || days < 0) return 'sales_range_invalid';
  return days + 1 > MAX_RANGE_DAYS ? 'sales_range_too_long' : null;
}

export function countsAsSale(status: OrderStatus): boolean {
  return status === 'completed';
}

/** Not yet handed over, and not refused: what the day may still bring in. */
export function isOpen(status: OrderStatus): boolean {
  return !isFinal(status);
}

const inRange = (date: string, r: DateRange) => date >= r.from && date <= r.to;

/** The Monday of the Monday-to-Sunday week that holds `date`. */
export function weekStart(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The first and last day of the period of kind `by` that holds `date` (unclipped). */
export function periodOf(date: string, by: SalesBy): DateRange {
  if (by === 'day') return { from: date, to: date };
  if (by === 'week') {
    const from = weekStart(date);
    return { from, to: addDays(from, 6) };
  }
  const from = `${date.slice(0, 7)}-01`;
  const nextMonth = addDays(from, 31).slice(0, 7);
  return { from, to: addDays(`${nextMonth}-01`, -1) };
}

export interface SalesTally {
  orders: number;
  revenue: Won;
}

export interface PeriodSales extends SalesTally {
  /** The period's first day within the range (a week or month cut by the range starts at `from`). */
  start: string;
  /** Its last day within the range. */
  end: string;
}

/**
 * Sales per day, week (Monday to Sunday) or month over the range, every period present — a quiet day
 * shows as zero, not as a gap. Periods at the range's edges are cut to it, and say so in start/end.
 */
export function salesByPeriod(orders: readonly Order[], range: DateRange, by: SalesBy): PeriodSales[] {
  if (rangeProblem(range)) return [];
  const periods: PeriodSales[] = [];
  const index = new Map<string, PeriodSales>();
  // Bounded by rangeProblem: at most MAX_RANGE_DAYS iterations.
  for (let day = range.from; day <= range.to;) {
    const p = periodOf(day, by);
    const row: PeriodSales = {
      start: day,
      end: p.to < range.to ? p.to : range.to,
      orders: 0,
      revenue: 0,
    };
    periods.push(row);
    index.set(p.from, row);
    day = addDays(row.end, 1);
  }
  for (const o of orders) {
    if (!countsAsSale(o.status) || !inRange(o.date, range)) continue;
    const row = index.get(periodOf(o.date, by).from)!;
    row.orders += 1;
    row.revenue += o.total;
  }
  return periods;
}

export interface ItemSales {
  itemId: string;
  /** The name on the most recent sale: a renamed item keeps one row, under the name it has now. */
  name: string;
  /** Units sold, whatever options they carried. */
  quantity: number;
  /** What those lines came to, options' price changes included. */
  revenue: Won;
}

/** Sales per menu item over the range, options summed into the item: best sellers (by revenue) first. */
export function salesByItem(orders: readonly Order[], range: DateRange): ItemSales[] {
  const byItem = new Map<string, ItemSales & { lastDate: string }>();
  for (const o of orders) {
    if (!countsAsSale(o.status) || !inRange(o.date, range)) continue;
    for (const line of o.lines) {
      let row = byItem.get(line.itemId);
      if (!row) {
        row = { itemId: line.itemId, name: line.name, quantity: 0, revenue: 0, lastDate: o.date };
        byItem.set(line.itemId, row);
      }
      row.quantity += line.quantity;
      row.revenue += line.lineTotal;
      if (o.date >= row.lastDate) {
        row.lastDate = o.date;
        row.name = line.name;
      }
    }
  }
  return [...byItem.values()]
    .map(({ lastDate: _, ...row }) => row)
    .sort(
      (a, b) =>
        b.revenue - a.revenue ||
        b.quantity - a.quantity ||
        a.name.localeCompare(b.name, 'ko') ||
        (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
    );
}

export function salesTotal(orders: readonly Order[], range: DateRange): SalesTally {
  let count = 0;
  let revenue = 0;
  for (const o of orders) {
    if (!countsAsSale(o.status) || !inRange(o.date, range)) continue;
    count += 1;
    revenue += o.total;
  }
  return { orders: count, revenue };
}

export interface Tally {
  orders: number;
  amount: Won;
}

export interface MethodTotals {
  method: PaymentMethod;
  /** Orders the shop marked paid (cash or card at the counter, a transfer it checked). */
  paid: Tally;
  unpaid: Tally;
  total: Tally;
}

export interface PaymentBreakdown {
  /** One row per payment method, in PAYMENT_METHODS order, present even when zero. */
  methods: MethodTotals[];
  paid: Tally;
  unpaid: Tally;
  total: Tally;
}

export interface DayTotals {
  date: string;
  /** Handed over that day: the day's sales, split by how they were (or are to be) paid. */
  completed: PaymentBreakdown;
  /** Still to be handed over that day (placed, accepted, ready): what may still come in. */
  open: PaymentBreakdown;
}

const zero = (): Tally => ({ orders: 0, amount: 0 });
const add = (t: Tally, amount: Won) => {
  t.orders += 1;
  t.amount += amount;
};

function breakdown(orders: readonly Order[]): PaymentBreakdown {
  const methods = PAYMENT_METHODS.map((method): MethodTotals => ({
    method,
    paid: zero(),
    unpaid: zero(),
    total: zero(),
  }));
  const all = { paid: zero(), unpaid: zero(), total: zero() };
  for (const o of orders) {
    const row = methods.find((m) => m.method === o.payment);
    // A method this build does not know (a newer server) still counts in the totals.
    const paid = o.paidAt !== null;
    for (const target of row ? [row, all] : [all]) {
      add(paid ? target.paid : target.unpaid, o.total);
      add(target.total, o.total);
    }
  }
  return { methods, ...all };
}

/** "A day's totals by payment method": the day's sales by method, paid or not, and what is still open. */
export function dayTotals(orders: readonly Order[], date: string): DayTotals {
  const day = orders.filter((o) => o.date === date);
  return {
    date,
    completed: breakdown(day.filter((o) => countsAsSale(o.status))),
    open: breakdown(day.filter((o) => isOpen(o.status))),
  };
}
