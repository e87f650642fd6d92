import type { LeadRule } from './leadTime';
import { meetsLeadTime } from './leadTime';
import { shopLocalDate } from './hours';
import {
  addDays,
  pickupProblem,
  slotHasRoom,
  slotsOn,
  type Schedule,
  type ScheduleProblem,
} from './schedule';
import { forCustomers, isPaused, nowWindowHasRoom, nowWindowStart } from './shopStatus';

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

/** What this device last heard of the current "now" window: its start (ISO) and the orders in it. */
export interface NowTaken {
  from: string;
  n: number;
}

/** "Now" orders already in the window `now` falls in, as last heard (an older window's count is stale: 0). */
export function nowTakenAt(now: Date, taken: NowTaken | undefined): number {
  return taken && taken.from === nowWindowStart(now).toISOString() ? taken.n : 0;
}

/**
 * The days and times a customer may pick now, with the counter's levers applied (#17): none while the
 * shop has paused ordering; every promise moved out while it is busy; "as soon as possible" gone while
 * this 15-minute window is full — the slots (the promises further out) stay.
 */
export function customerPickupDays(
  now: Date,
  schedule: Schedule,
  taken: { slots: Readonly<Record<string, number>>; now?: NowTaken },
  cartItems: readonly LeadRule[],
): DayChoice[] {
  if (isPaused(schedule, now)) return [];
  const days = pickupDays(now, forCustomers(schedule, now), taken.slots, cartItems);
  if (nowWindowHasRoom(nowTakenAt(now, taken.now), schedule)) return days;
  return days.map((d) => ({ ...d, asap: false })).filter((d) => d.slots.length > 0);
}

export type CustomerTimeProblem = ScheduleProblem | 'shop_paused' | 'kitchen_full';

/**
 * Why a customer's order for (date, slot) cannot be placed now, as the server will say it: paused,
 * the schedule with the rush's lead time, or a full "now" window (`nowTaken`: orders already in it).
 */
export function customerTimeProblem(
  now: Date,
  date: string,
  slot: string | null,
  schedule: Schedule,
  nowTaken: number,
): CustomerTimeProblem | null {
  if (isPaused(schedule, now)) return 'shop_paused';
  const problem = pickupProblem(now, date, slot, forCustomers(schedule, now));
  if (problem) return problem;
  return slot === null && !nowWindowHasRoom(nowTaken, schedule) ? 'kitchen_full' : null;
}
