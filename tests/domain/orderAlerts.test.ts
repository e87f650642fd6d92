import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../src/domain/hours';
import {
  autoRejectPlacedBy,
  isAutoRejectMinutes,
  openForMinutes,
  reAlertDue,
  RE_ALERT_MINUTES_DEFAULT,
} from '../../src/domain/orderAlerts';

// 10:00–20:00 Monday to Friday; Saturday (6) 18:00–02:00 into Sunday; Sunday (0) 12:00–15:00 and 15:00–20:00.
const day = [{ open: '10:00', close: '20:00' }];
const hours = [
  [
    { open: '12:00', close: '15:00' },
    { open: '15:00', close: '20:00' },
  ],
  day,
  day,
  day,
  day,
  day,
  [{ open: '18:00', close: '02:00' }],
] as WeeklyHours;
const schedule = { timeZone: 'Asia/Seoul', hours, closedDates: [] as string[] };
/** Seoul is UTC+9 all year: a shop-local "YYYY-MM-DDTHH:MM" as an instant. */
const seoul = (local: string) => new Date(`${local}:00+09:00`);
const minutesAfter = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

describe('re-alert (issue #17): a new order still waiting after N minutes rings again, louder', () => {
  const arrived = seoul('2026-12-07T12:00');
  const order = {
    status: 'placed' as const,
    receivedAt: arrived.toISOString(),
    createdAt: arrived.toISOString(),
  };

  it('rings once it has waited N minutes (5 by default) since a shop device had it, not before', () => {
    expect(RE_ALERT_MINUTES_DEFAULT).toBe(5);
    expect(reAlertDue(order, minutesAfter(arrived, 4.99), 5)).toBe(false);
    expect(reAlertDue(order, minutesAfter(arrived, 5), 5)).toBe(true);
    expect(reAlertDue(order, minutesAfter(arrived, 60), 5)).toBe(true);
  });

  it('counts from when the tablet had it, not from placing (an order sent while the tablet was off)', () => {
    const late = { ...order, createdAt: seoul('2026-12-07T02:00').toISOString() };
    expect(reAlertDue(late, minutesAfter(arrived, 3), 5)).toBe(false);
    expect(reAlertDue({ ...late, receivedAt: null }, minutesAfter(arrived, 3), 5)).toBe(true);
  });

  it('silenced: rings again after another N minutes while it is still not answered', () => {
    const snoozed = minutesAfter(arrived, 6).toISOString();
    expect(reAlertDue(order, minutesAfter(arrived, 10), 5, snoozed)).toBe(false);
    expect(reAlertDue(order, minutesAfter(arrived, 11), 5, snoozed)).toBe(true);
  });

  it('never for an order that left placed (accepted, confirmed, rejected), and never when off (0)', () => {
    const much = minutesAfter(arrived, 90);
    for (const status of ['accepted', 'confirmed', 'rejected', 'cancelled'] as const)
      expect(reAlertDue({ ...order, status }, much, 5)).toBe(false);
    expect(reAlertDue(order, much, 0)).toBe(false);
  });
});

describe('auto-reject (issue #17): only minutes of opening time count', () => {
  it('0 is off; otherwise 5 to 120 whole minutes', () => {
    expect([0, 5, 30, 120].every(isAutoRejectMinutes)).toBe(true);
    expect([1, 4, 121, 7.5, -5].some(isAutoRejectMinutes)).toBe(false);
    expect(autoRejectPlacedBy(seoul('2026-12-07T15:00'), 0, schedule)).toBeNull();
  });

  it('open for long enough: orders placed M minutes ago or earlier are due', () => {
    const now = seoul('2026-12-07T15:00');
    expect(autoRejectPlacedBy(now, 10, schedule)).toEqual(seoul('2026-12-07T14:50'));
  });

  it('an order placed overnight is not due until the shop has been open M minutes', () => {
    // Monday: opens 10:00. A pre-order placed at 23:00 Sunday night waits for the owner to come in.
    expect(autoRejectPlacedBy(seoul('2026-12-07T08:00'), 10, schedule)).toBeNull();
    expect(autoRejectPlacedBy(seoul('2026-12-07T10:09'), 10, schedule)).toBeNull();
    expect(autoRejectPlacedBy(seoul('2026-12-07T10:10'), 10, schedule)).toEqual(seoul('2026-12-07T10:00'));
  });

  it('closed now (after hours, on a holiday): nothing is due', () => {
    expect(autoRejectPlacedBy(seoul('2026-12-07T21:00'), 10, schedule)).toBeNull();
    const holiday = { ...schedule, closedDates: ['2026-12-07'] };
    expect(autoRejectPlacedBy(seoul('2026-12-07T15:00'), 10, holiday)).toBeNull();
  });

  it('touching periods and a night past midnight are one stretch of opening time', () => {
    // Sunday 2026-12-13: 12:00–15:00 then 15:00–20:00.
    expect(openForMinutes(seoul('2026-12-13T15:05'), schedule)).toBe(185);
    // Saturday 18:00 to Sunday 02:00: at 00:30 the shop has been open 6.5 hours.
    expect(openForMinutes(seoul('2026-12-13T00:30'), schedule)).toBe(390);
    expect(openForMinutes(seoul('2026-12-13T03:00'), schedule)).toBeNull();
  });
});
