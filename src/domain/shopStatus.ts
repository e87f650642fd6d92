import { shopLocalDate } from './hours';
import type { Schedule } from './schedule';

/**
 * The counter's levers for a rush (issue #17): "바빠요 +15분" moves every new promise out for the rest
 * of the day, "주문 잠시 멈춤" stops new customer orders until a time or until reopened, and a cap on
 * "now" orders per 15 minutes keeps the kitchen from being buried. ("오늘 영업 종료" is today's date in
 * the holiday list: the same rule that already closes a day.) All of it travels with the schedule, so
 * a phone checks it offline with this code and the server refuses with the same code (S5).
 */

/** "바빠요": minutes added to every promise, for the shop-local day it was set on. */
export interface Busy {
  minutes: number;
  date: string;
}

/** "잠시 멈춤": until an instant (ISO), or until the shop reopens it (null). */
export interface Pause {
  until: string | null;
}

export const BUSY_MINUTES_MAX = 120;
/** The kitchen-load window for "now" orders. */
export const NOW_WINDOW_MINUTES = 15;
export const NOW_CAPACITY_MAX = 999;

type Status = Pick<Schedule, 'timeZone' | 'busy' | 'pause'>;

export function isPaused(s: Pick<Schedule, 'pause'>, now: Date): boolean {
  const pause = s.pause;
  return !!pause && (pause.until === null || now.getTime() < Date.parse(pause.until));
}

/** Minutes a busy kitchen adds now; a "busy" left on yesterday is over (nobody has to remember it). */
export function busyMinutes(s: Status, now: Date): number {
  return s.busy && s.busy.date === shopLocalDate(now, s.timeZone) ? s.busy.minutes : 0;
}

/** The schedule a customer's order is held to now: the shop's lead time plus the rush's. */
export function forCustomers(s: Schedule, now: Date): Schedule {
  const extra = busyMinutes(s, now);
  return extra === 0 ? s : { ...s, leadMinutes: s.leadMinutes + extra };
}

/** The start of the 15-minute kitchen window `now` falls in (zones differ from UTC by whole quarters). */
export function nowWindowStart(now: Date): Date {
  const size = NOW_WINDOW_MINUTES * 60_000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/** Whether one more "now" order fits the window; no cap (0 or unset): always. */
export function nowWindowHasRoom(taken: number, s: Pick<Schedule, 'nowCapacity'>): boolean {
  return !s.nowCapacity || taken < s.nowCapacity;
}
