import type { MenuItem } from './catalogue';
import { minutesOfDay, shopLocalDate } from './hours';
import { addDays, shopMinuteOfDay } from './schedule';

/**
 * "Order by 18:00 the day before": some dishes need the kitchen to start early. An item with
 * leadDays = d and orderCutoff = "HH:MM" can be had on date D only if it is ordered before that clock
 * time on D − d, in the shop's zone. No cutoff means before the end of that day. The phone checks it
 * to tell the truth offline; the server checks it again and decides.
 */
export type LeadRule = Pick<MenuItem, 'leadDays' | 'orderCutoff'>;

/** Whether the item, ordered at `now`, can still be had on `date`. */
export function meetsLeadTime(item: LeadRule, now: Date, date: string, zone: string): boolean {
  if (item.leadDays === 0 && item.orderCutoff === null) return true;
  const lastDay = addDays(date, -item.leadDays);
  const today = shopLocalDate(now, zone);
  if (today !== lastDay) return today < lastDay;
  if (item.orderCutoff === null) return true;
  return shopMinuteOfDay(now, zone) < minutesOfDay(item.orderCutoff);
}

/** The first shop-local date for which the item can still be ordered at `now`. */
export function earliestDate(item: LeadRule, now: Date, zone: string): string {
  const today = shopLocalDate(now, zone);
  const first = addDays(today, item.leadDays);
  return meetsLeadTime(item, now, first, zone) ? first : addDays(first, 1);
}

/** The first item in these lines that cannot be had on `date` any more, or null when all can. */
export function leadTimeProblem(
  catalogue: ReadonlyMap<string, LeadRule & { id: string }>,
  lines: readonly { itemId: string }[],
  now: Date,
  date: string,
  zone: string,
): string | null {
  for (const line of lines) {
    const item = catalogue.get(line.itemId);
    if (item && !meetsLeadTime(item, now, date, zone)) return item.id;
  }
  return null;
}
