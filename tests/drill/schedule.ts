import type { DrillOptions } from './options';
import { PLAIN_ITEMS, type Arrival } from './phone';
import type { Rng } from './prng';

/** The day's timetable in wall ms: when the backend dies and comes back, and who arrives when. */
export interface DayPlan {
  dayMs: number;
  /** Wall ms of one shop minute. */
  minuteMs: number;
  killAt: number;
  backAt: number;
  arrivals: Arrival[];
  /** Phone orders the second tablet types in, at these wall ms. */
  phoneCalls: number[];
}

/**
 * Customers arrive steadily (evenly spaced with jitter) at `rate` an hour; `browserRate` of them
 * through Chromium screens, spread evenly over the day. The outage is centred on the middle of the day.
 */
export function planDay(o: DrillOptions, r: Rng): DayPlan {
  const dayMs = o.minutes * 60_000;
  const minuteMs = dayMs / (o.hours * 60);
  const outageMs = o.outageMinutes * minuteMs;
  const killAt = Math.round(dayMs / 2 - outageMs / 2);
  const total = Math.round(o.rate * o.hours);
  const browser = Math.round(o.browserRate * o.hours);
  // Arrivals stop a little before closing, so the last orders can still settle within the day.
  const span = dayMs * 0.92;
  const arrivals: Arrival[] = [];
  for (let i = 0; i < total; i++) {
    const isBrowser = Math.floor(((i + 1) * browser) / total) > Math.floor((i * browser) / total);
    const roll = r.next();
    const intent = isBrowser && roll < 0.1 ? 'chat' : roll < 0.35 ? 'preorder' : 'now';
    const items = [r.pick(PLAIN_ITEMS)];
    if (r.chance(0.4)) items.push(r.pick(PLAIN_ITEMS));
    arrivals.push({
      at: Math.round(((i + r.next()) * span) / total),
      n: i + 1,
      kind: isBrowser ? 'browser' : 'background',
      intent,
      items: [...new Set(items)],
      daysAhead: r.int(1, 3),
      wouldText: r.chance(0.6),
    });
  }
  // About three calls an hour at the counter.
  const calls = Math.max(2, Math.round(o.hours * 3));
  const phoneCalls = Array.from({ length: calls }, (_, i) => Math.round(((i + 0.5) * span) / calls));
  return { dayMs, minuteMs, killAt, backAt: killAt + Math.round(outageMs), arrivals, phoneCalls };
}
