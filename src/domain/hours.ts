import { dateFormatter } from './intl';

/**
 * Weekly opening hours in the shop's own time zone. Index 0 is Sunday, as in Date#getDay.
 * A period may run past midnight ("18:00"–"02:00") for a late-night shop.
 */
export type ClockTime = string; // "HH:MM", 24-hour
export interface OpeningPeriod {
  open: ClockTime;
  close: ClockTime;
}
export type WeeklyHours = [
  OpeningPeriod[],
  OpeningPeriod[],
  OpeningPeriod[],
  OpeningPeriod[],
  OpeningPeriod[],
  OpeningPeriod[],
  OpeningPeriod[],
];

export const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export function minutesOfDay(t: ClockTime): number {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A period with the same open and close would be either "never" or "always"; neither is meant. */
export function isValidPeriod(p: OpeningPeriod): boolean {
  return CLOCK_PATTERN.test(p.open) && CLOCK_PATTERN.test(p.close) && p.open !== p.close;
}

/** True when the IANA zone is one this runtime knows; an unknown zone would silently become UTC. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date ("YYYY-MM-DD") at `at` in the shop's zone — never the server's or phone's zone. */
export function shopLocalDate(at: Date, zone: string): string {
  return dateFormatter('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The weekday (0 = Sunday) at `at` in the shop's zone. */
export function shopWeekday(at: Date, zone: string): number {
  const [y, m, d] = shopLocalDate(at, zone).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
