import type { CheckoutRules } from './checkout';
import type { CheckoutLimits } from './checkoutLimits';
import { minutesOfDay, type WeeklyHours } from './hours';
import { addDays } from './schedule';

/**
 * What an owner may set for a shop, and the rules that keep the shop orderable. The tablet checks
 * them before saving, to put the message next to the field at once; the server checks them again.
 */

/** Slot lengths that divide an hour: any other length makes a grid no customer can read (10:35, 11:10…). */
export const SLOT_MINUTES = [10, 15, 20, 30, 60] as const;
export const SLOT_CAPACITY_MAX = 999;
/** The kitchen's notice for same-day orders; beyond a day it is a pre-order, which preorderDays covers. */
export const LEAD_MINUTES_MAX = 24 * 60;
export const PREORDER_DAYS_MAX = 60;
/** Holidays may be planned a year ahead (설날, 추석); beyond that a date is almost surely a typo. */
export const CLOSED_DATES_AHEAD_DAYS = 366;
export const CLOSED_DATES_MAX = 100;
/** Periods per day: split shifts (lunch, dinner) and a little more, never a pasted list. */
export const PERIODS_PER_DAY_MAX = 4;

export function isSlotMinutes(n: number): boolean {
  return (SLOT_MINUTES as readonly number[]).includes(n);
}

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** A period as minutes of the week [start, end); one past midnight ends the next day. */
function weekSpan(day: number, p: { open: string; close: string }): [number, number] {
  const open = minutesOfDay(p.open);
  const close = minutesOfDay(p.close);
  const start = day * DAY + open;
  return [start, start + (close > open ? close - open : close + DAY - open)];
}

/**
 * The first weekday (0 = Sunday) whose periods overlap each other or the night before's late
 * period ("18:00–02:00" then "01:00–…"), or null. Touching periods (12:00–15:00, 15:00–20:00) are fine.
 */
export function overlappingDay(hours: WeeklyHours): number | null {
  const spans = hours.flatMap((periods, day) => periods.map((p) => ({ day, span: weekSpan(day, p) })));
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const [a0, a1] = spans[i]!.span;
      const [b0, b1] = spans[j]!.span;
      // Saturday night runs into Sunday morning: compare each pair also a week apart.
      const overlaps = [-WEEK, 0, WEEK].some((shift) => a0 < b1 + shift && b0 + shift < a1);
      if (overlaps) return Math.max(spans[i]!.day, spans[j]!.day);
    }
  }
  return null;
}

/**
 * The holiday list as stored: sorted, each date once, from `today` on — a holiday that has passed
 * no longer changes anything, and keeping it would only grow the list year after year.
 */
export function normalizeClosedDates(dates: readonly string[], today: string): string[] {
  return [...new Set(dates)].filter((d) => d >= today).sort();
}

export function closedDatesInRange(dates: readonly string[], today: string): boolean {
  const last = addDays(today, CLOSED_DATES_AHEAD_DAYS);
  return dates.every((d) => d <= last);
}

export type SettingsProblem =
  | 'hours_overlap'
  | 'closed_date_out_of_range'
  | 'fulfilment_required'
  | 'payment_required'
  | 'bank_account_required';

/** The limits (checkoutLimits.ts) are checked by range alone, and a draft holds them as typed text. */
export interface SettingsToCheck extends Omit<CheckoutRules, keyof CheckoutLimits> {
  hours: WeeklyHours;
  closedDates: readonly string[];
}

/**
 * Why these settings would leave the shop unable to take an order, each with the field to point at.
 * `touched` names the fields being changed: an old shop's stored state is never blamed on an edit of
 * its notice, only on the fields the owner is changing now.
 */
export function settingsProblems(
  s: SettingsToCheck,
  today: string,
  touched: ReadonlySet<string>,
): { code: SettingsProblem; field: string }[] {
  const found: { code: SettingsProblem; field: string }[] = [];
  if (touched.has('hours')) {
    const day = overlappingDay(s.hours);
    if (day !== null) found.push({ code: 'hours_overlap', field: `hours.${day}` });
  }
  if (touched.has('closedDates') && !closedDatesInRange(s.closedDates, today))
    found.push({ code: 'closed_date_out_of_range', field: 'closedDates' });
  if ((touched.has('pickup') || touched.has('delivery')) && !s.pickup && !s.delivery)
    found.push({ code: 'fulfilment_required', field: touched.has('pickup') ? 'pickup' : 'delivery' });
  if ((touched.has('payAtPickup') || touched.has('bankTransfer')) && !s.payAtPickup && !s.bankTransfer)
    found.push({
      code: 'payment_required',
      field: touched.has('payAtPickup') ? 'payAtPickup' : 'bankTransfer',
    });
  // The checkout would silently drop a transfer without an account (checkout.paymentAllowed): say so here.
  if ((touched.has('bankTransfer') || touched.has('bankAccount')) && s.bankTransfer && !s.bankAccount.trim())
    found.push({ code: 'bank_account_required', field: 'bankAccount' });
  return found;
}

/** The first of settingsProblems: what the server answers with (one code per refusal). */
export function settingsProblem(
  s: SettingsToCheck,
  today: string,
  touched: ReadonlySet<string>,
): { code: SettingsProblem; field: string } | null {
  return settingsProblems(s, today, touched)[0] ?? null;
}
