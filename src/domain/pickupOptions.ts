import type { LeadRule } from './leadTime';
import { meetsLeadTime } from './leadTime';
import { shopLocalDate } from './hours';
import { addDays, pickupProblem, slotHasRoom, slotsOn, type Schedule } from './schedule';

export interface SlotChoice {
  slot: string;
  /** False when active orders already fill it (as far as this device last heard). */
  hasRoom: boolean;
}

export interface DayChoice {
  date: string;
  /** "As soon as possible" can be chosen: today, while the shop is open. */
  asap: boolean;
  slots: SlotChoice[];
  /** Every item in the cart can still be made for this date. */
  itemsReady: boolean;
}

/**
 * The days and times a customer may pick, from today through the pre-order window: only open days
 * with at least one slot the rules allow (lead time, not past). The same rules the server applies
 * (pickupProblem, slot capacity, item lead times), so the calendar never offers what will be refused,
 * as far as this device knows; the server counts capacity again when the order arrives.
 */
export function pickupDays(
  now: Date,
  schedule: Schedule,
  slotsTaken: Readonly<Record<string, number>>,
  cartItems: readonly LeadRule[],
): DayChoice[] {
  const today = shopLocalDate(now, schedule.timeZone);
  const days: DayChoice[] = [];
  for (let d = 0; d <= schedule.preorderDays; d++) {
    const date = addDays(today, d);
    const asap = d === 0 && pickupProblem(now, date, null, schedule) === null;
    const slots = slotsOn(date, schedule)
      .filter((slot) => pickupProblem(now, date, slot, schedule) === null)
      .map((slot) => ({ slot, hasRoom: slotHasRoom(slotsTaken[`${date} ${slot}`] ?? 0, schedule) }));
    if (!asap && slots.length === 0) continue;
    const itemsReady = cartItems.every((item) => meetsLeadTime(item, now, date, schedule.timeZone));
    days.push({ date, asap, slots, itemsReady });
  }
  return days;
}
