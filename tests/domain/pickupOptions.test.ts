import { describe, expect, it } from 'vitest';
import { pickupDays } from '../../src/domain/pickupOptions';
import { earliestDate, leadTimeProblem, meetsLeadTime } from '../../src/domain/leadTime';
import type { Schedule } from '../../src/domain/schedule';

const weekdays = [{ open: '10:00', close: '12:00' }];
const schedule: Schedule = {
  timeZone: 'Asia/Seoul',
  // Closed on Sundays (index 0).
  hours: [[], weekdays, weekdays, weekdays, weekdays, weekdays, weekdays],
  slotMinutes: 60,
  slotCapacity: 2,
  leadMinutes: 30,
  preorderDays: 3,
  closedDates: ['2026-11-26'],
};
// Monday 2026-11-23, 10:45 in Seoul.
const now = new Date('2026-11-23T01:45:00Z');

describe('pickupDays', () => {
  it('offers asap while open, only slots far enough ahead, and skips closed days', () => {
    const days = pickupDays(now, schedule, {}, []);
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    // 10:00 has passed and 11:00 is only 15 minutes away (lead 30): today has no slot, but asap.
    expect(days[0]).toEqual({ date: '2026-11-23', asap: true, slots: [], itemsReady: true });
    expect(days[1]!.slots.map((s) => s.slot)).toEqual(['10:00', '11:00']);
  });

  it('marks a slot full when active orders fill its capacity', () => {
    const days = pickupDays(now, schedule, { '2026-11-24 10:00': 2, '2026-11-24 11:00': 1 }, []);
    expect(days[1]!.slots).toEqual([
      { slot: '10:00', hasRoom: false },
      { slot: '11:00', hasRoom: true },
    ]);
  });

  it("says which days the cart's items can still be made for", () => {
    const dayBefore = { leadDays: 1, orderCutoff: '18:00' };
    const days = pickupDays(now, schedule, {}, [dayBefore]);
    expect(days.map((d) => [d.date, d.itemsReady])).toEqual([
      ['2026-11-23', false],
      ['2026-11-24', true],
      ['2026-11-25', true],
    ]);
  });
});

describe('lead time', () => {
  const zone = 'Asia/Seoul';
  const dayBefore6pm = { id: 'japchae', leadDays: 1, orderCutoff: '18:00' };
  it('takes an order for tomorrow until the cutoff today, in the shop zone', () => {
    const at = (iso: string) => new Date(iso);
    // 17:59 and 18:00 in Seoul are 08:59 and 09:00 UTC.
    expect(meetsLeadTime(dayBefore6pm, at('2026-11-23T08:59:00Z'), '2026-11-24', zone)).toBe(true);
    expect(meetsLeadTime(dayBefore6pm, at('2026-11-23T09:00:00Z'), '2026-11-24', zone)).toBe(false);
    expect(meetsLeadTime(dayBefore6pm, at('2026-11-23T09:00:00Z'), '2026-11-25', zone)).toBe(true);
    expect(meetsLeadTime(dayBefore6pm, at('2026-11-23T01:00:00Z'), '2026-11-23', zone)).toBe(false);
    expect(earliestDate(dayBefore6pm, at('2026-11-23T08:59:00Z'), zone)).toBe('2026-11-24');
    expect(earliestDate(dayBefore6pm, at('2026-11-23T09:00:00Z'), zone)).toBe('2026-11-25');
  });

  it('without a cutoff the whole last day counts; with no notice anything goes', () => {
    const twoDays = { leadDays: 2, orderCutoff: null };
    expect(meetsLeadTime(twoDays, new Date('2026-11-23T14:59:00Z'), '2026-11-25', zone)).toBe(true);
    expect(meetsLeadTime(twoDays, new Date('2026-11-23T15:00:00Z'), '2026-11-25', zone)).toBe(false);
    expect(meetsLeadTime({ leadDays: 0, orderCutoff: null }, now, '2026-11-23', zone)).toBe(true);
    const sameDayNoon = { leadDays: 0, orderCutoff: '12:00' };
    expect(meetsLeadTime(sameDayNoon, now, '2026-11-23', zone)).toBe(true);
    expect(meetsLeadTime(sameDayNoon, new Date('2026-11-23T03:00:00Z'), '2026-11-23', zone)).toBe(false);
  });

  it('names the first item in an order that is too late', () => {
    const catalogue = new Map([[dayBefore6pm.id, dayBefore6pm]]);
    const lines = [{ itemId: 'other' }, { itemId: 'japchae' }];
    expect(leadTimeProblem(catalogue, lines, now, '2026-11-23', zone)).toBe('japchae');
    expect(leadTimeProblem(catalogue, lines, now, '2026-11-24', zone)).toBeNull();
  });
});
