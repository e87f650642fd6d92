import { describe, expect, it } from 'vitest';
import { customerPickupDays, customerTimeProblem, nowTakenAt } from '../../src/domain/pickupOptions';
import type { Schedule } from '../../src/domain/schedule';
import { busyMinutes, forCustomers, isPaused, nowWindowStart } from '../../src/domain/shopStatus';

/** A 반찬가게 open 10:00–20:00 every day in Seoul, 30-minute slots, 30 minutes' lead. */
const SHOP: Schedule = {
  timeZone: 'Asia/Seoul',
  hours: Array.from({ length: 7 }, () => [{ open: '10:00', close: '20:00' }]) as Schedule['hours'],
  slotMinutes: 30,
  slotCapacity: 10,
  leadMinutes: 30,
  preorderDays: 3,
  closedDates: [],
};
/** Saturday 2026-12-12, 11:50 in Seoul. */
const AT_1150 = new Date('2026-12-12T02:50:00.000Z');
const TODAY = '2026-12-12';

describe('the counter levers (#17): busy, pause, close, kitchen load', () => {
  it('a pause holds until its instant, or until reopened (null)', () => {
    expect(isPaused({ pause: null }, AT_1150)).toBe(false);
    expect(isPaused({ pause: { until: null } }, AT_1150)).toBe(true);
    expect(isPaused({ pause: { until: '2026-12-12T03:00:00.000Z' } }, AT_1150)).toBe(true);
    expect(isPaused({ pause: { until: '2026-12-12T02:50:00.000Z' } }, AT_1150)).toBe(false);
  });

  it('busy adds its minutes on the day it was set, and is over the next shop day by itself', () => {
    const busy = { ...SHOP, busy: { minutes: 15, date: TODAY } };
    expect(busyMinutes(busy, AT_1150)).toBe(15);
    expect(forCustomers(busy, AT_1150).leadMinutes).toBe(45);
    // 00:30 on the 13th in Seoul (15:30 UTC on the 12th): yesterday's rush is over.
    expect(busyMinutes(busy, new Date('2026-12-12T15:30:00.000Z'))).toBe(0);
    expect(forCustomers(SHOP, AT_1150)).toBe(SHOP);
  });

  it('busy moves the earliest slot out: 12:30 goes at 11:50 with +15 minutes (45 minutes ahead needed)', () => {
    expect(customerTimeProblem(AT_1150, TODAY, '12:30', SHOP, 0)).toBeNull();
    const busy = { ...SHOP, busy: { minutes: 15, date: TODAY } };
    expect(customerTimeProblem(AT_1150, TODAY, '12:30', busy, 0)).toBe('too_soon');
    expect(customerTimeProblem(AT_1150, TODAY, '13:00', busy, 0)).toBeNull();
    const first = customerPickupDays(AT_1150, busy, { slots: {} }, [])[0]!;
    expect(first.slots[0]!.slot).toBe('13:00');
    expect(customerPickupDays(AT_1150, SHOP, { slots: {} }, [])[0]!.slots[0]!.slot).toBe('12:30');
  });

  it('a paused shop offers no day at all and refuses with shop_paused', () => {
    const paused = { ...SHOP, pause: { until: null } };
    expect(customerPickupDays(AT_1150, paused, { slots: {} }, [])).toEqual([]);
    expect(customerTimeProblem(AT_1150, '2026-12-14', '10:00', paused, 0)).toBe('shop_paused');
  });

  it('closed today (today in the holiday list): no "now", no slot today, tomorrow still open', () => {
    const closed = { ...SHOP, closedDates: [TODAY] };
    expect(customerTimeProblem(AT_1150, TODAY, null, closed, 0)).toBe('shop_closed');
    expect(customerTimeProblem(AT_1150, '2026-12-13', '10:00', closed, 0)).toBeNull();
    expect(customerPickupDays(AT_1150, closed, { slots: {} }, []).map((d) => d.date)).not.toContain(TODAY);
  });

  it('a full 15-minute window takes "now" away and leaves the slots; the next window has room again', () => {
    const capped = { ...SHOP, nowCapacity: 3 };
    const from = nowWindowStart(AT_1150).toISOString();
    expect(from).toBe('2026-12-12T02:45:00.000Z');
    const full = { slots: {}, now: { from, n: 3 } };
    const today = customerPickupDays(AT_1150, capped, full, [])[0]!;
    expect(today.date).toBe(TODAY);
    expect(today.asap).toBe(false);
    expect(today.slots.length).toBeGreaterThan(0);
    expect(customerTimeProblem(AT_1150, TODAY, null, capped, nowTakenAt(AT_1150, full.now))).toBe(
      'kitchen_full',
    );
    expect(customerTimeProblem(AT_1150, TODAY, null, capped, 2)).toBeNull();
    // Heard in an earlier window: stale, counts as nothing.
    const later = new Date('2026-12-12T03:00:00.000Z');
    expect(nowTakenAt(later, full.now)).toBe(0);
    expect(customerPickupDays(later, capped, full, [])[0]!.asap).toBe(true);
    // No cap: never full.
    expect(customerTimeProblem(AT_1150, TODAY, null, SHOP, 500)).toBeNull();
  });
});
