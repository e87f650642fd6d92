import { dateFormatter } from './intl';
import { minutesOfDay, shopLocalDate, type WeeklyHours } from './hours';
import type { Busy, Pause } from './shopStatus';

/** How a shop takes orders for later: all of it in the shop's own time zone. */
export interface Schedule {
  timeZone: string;
  hours: WeeklyHours;
  /** Length of one pickup slot in minutes (slots start at opening time). */
  slotMinutes: number;
  /** Orders one slot can take. */
  slotCapacity: number;
  /** Minutes the kitchen needs at least between ordering and pickup. */
  leadMinutes: number;
  /** How many days ahead a pre-order may be placed (0 = today only). */
  preorderDays: number;
  /** Shop-local dates the shop is closed (holidays), "YYYY-MM-DD". */
  closedDates: string[];
  /**
   * Minutes before its slot that a confirmed pre-order joins the day's board (shop setting, default
   * 60). Optional: a copy of the schedule kept from before the setting existed has none.
   */
  boardLeadMinutes?: number;
  /** Minutes before a waiting order rings again, louder, on the board (#17, domain/orderAlerts); 0: never. */
  reAlertMinutes?: number;
  /** A rush today (domain/shopStatus); absent or null: none. */
  busy?: Busy | null;
  /** New customer orders stopped (domain/shopStatus); absent or null: taking orders. */
  pause?: Pause | null;
  /** At most this many "now" orders per 15 minutes; 0 or absent: no cap. */
  nowCapacity?: number;
  /** Stop customer orders while no shop device is connected in opening hours (domain/presence). */
  pauseWhenAway?: boolean;
}

export type ScheduleProblem = 'date_past' | 'too_far_ahead' | 'shop_closed' | 'slot_invalid' | 'too_soon';

const DAY_MINUTES = 24 * 60;

/** Days since 1970-01-01 for a calendar date: date arithmetic without instants or time zones. */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** "2026-12-31" + 1 → "2027-01-01". */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday; the double modulo keeps dates before 1970 in 0..6 (JS % can be negative).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Milliseconds since shop-local midnight at `at` (zones differ from UTC in whole minutes, so ms carry over). */
function shopMillisOfDay(at: Date, zone: string): number {
  const parts = dateFormatter('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + at.getUTCMilliseconds();
}

/** Minutes since shop-local midnight at `at`. */
export function shopMinuteOfDay(at: Date, zone: string): number {
  return Math.floor(shopMillisOfDay(at, zone) / 60_000);
}

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The periods that open on `date` as [open, close) minutes from that date's midnight; a late-night
 * period ("18:00"–"02:00") closes past 1440. A closed date opens nothing, but a period that opened
 * the evening before still runs into its early hours: that evening belongs to the day before.
 */
function periodsOpeningOn(date: string, s: Pick<Schedule, 'hours' | 'closedDates'>): [number, number][] {
  if (s.closedDates.includes(date)) return [];
  return (s.hours[weekdayOf(date)] ?? []).map((p) => {
    const open = minutesOfDay(p.open);
    const close = minutesOfDay(p.close);
    return [open, close > open ? close : close + DAY_MINUTES];
  });
}

/**
 * Opening intervals on a date in minutes [start, end): that weekday's periods up to midnight, plus
 * the part after midnight of a late-night period that opened the day before.
 */
export function openIntervals(date: string, s: Pick<Schedule, 'hours' | 'closedDates'>): [number, number][] {
  const out: [number, number][] = [];
  for (const [open, close] of periodsOpeningOn(date, s)) out.push([open, Math.min(close, DAY_MINUTES)]);
  for (const [, close] of periodsOpeningOn(addDays(date, -1), s)) {
    if (close > DAY_MINUTES) out.push([0, close - DAY_MINUTES]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Slot start times on a date: every slotMinutes from each opening, while the whole slot fits before
 * that period's close. A late-night period keeps one grid across midnight: with 18:10–02:00 and 30
 * minutes, 23:40 is a slot (it ends 00:10, before close) and the next date lists 00:10, 00:40, 01:10.
 * Cutting the period at midnight would drop 23:40 and restart the grid at 00:00.
 */
export function slotsOn(date: string, s: Pick<Schedule, 'hours' | 'closedDates' | 'slotMinutes'>): string[] {
  // A zero or negative length would never advance: no slots rather than a hung tab.
  if (!(s.slotMinutes >= 1)) return [];
  const starts = new Set<number>();
  const walk = (periods: [number, number][], from: number, to: number, shift: number) => {
    for (const [open, close] of periods) {
      for (let m = open; m + s.slotMinutes <= close; m += s.slotMinutes) {
        if (m >= from && m < to) starts.add(m - shift);
      }
    }
  };
  walk(periodsOpeningOn(addDays(date, -1), s), DAY_MINUTES, 2 * DAY_MINUTES, DAY_MINUTES);
  walk(periodsOpeningOn(date, s), 0, DAY_MINUTES, 0);
  return [...starts].sort((a, b) => a - b).map(clock);
}

/** Whether the shop is open at `now`, in its own zone (a late-night period counts past midnight). */
export function isOpenAt(now: Date, s: Pick<Schedule, 'timeZone' | 'hours' | 'closedDates'>): boolean {
  const minute = shopMinuteOfDay(now, s.timeZone);
  return openIntervals(shopLocalDate(now, s.timeZone), s).some(([a, b]) => minute >= a && minute < b);
}

/**
 * Whether an order for (date, slot) may be placed at `now`. slot null means "as soon as possible",
 * which needs the shop open right now. Slot capacity is counted by the caller (it needs the orders).
 */
export function pickupProblem(
  now: Date,
  date: string,
  slot: string | null,
  s: Schedule,
): ScheduleProblem | null {
  const today = shopLocalDate(now, s.timeZone);
  if (date < today) return 'date_past';
  if (date > addDays(today, s.preorderDays)) return 'too_far_ahead';
  if (slot === null) {
    if (date !== today) return 'slot_invalid';
    return isOpenAt(now, s) ? null : 'shop_closed';
  }
  const slots = slotsOn(date, s);
  if (slots.length === 0) return 'shop_closed';
  if (!slots.includes(slot)) return 'slot_invalid';
  // Counted in milliseconds: at 11:30:40 a 12:00 slot is 29m20s away, short of a 30-minute lead.
  const msAhead =
    (daysBetween(today, date) * DAY_MINUTES + minutesOfDay(slot)) * 60_000 - shopMillisOfDay(now, s.timeZone);
  return msAhead < s.leadMinutes * 60_000 ? 'too_soon' : null;
}

export function slotHasRoom(taken: number, s: Pick<Schedule, 'slotCapacity'>): boolean {
  return taken < s.slotCapacity;
}
