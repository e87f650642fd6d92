import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../src/domain/hours';
import { isShopAway, SHOP_AWAY_MINUTES } from '../../src/domain/presence';

// 10:00–20:00 every day, and a late-night period on Saturday (index 6) into Sunday.
const day = [{ open: '10:00', close: '20:00' }];
const hours = [day, day, day, day, day, day, [{ open: '18:00', close: '02:00' }]] as WeeklyHours;
const schedule = { timeZone: 'Asia/Seoul', hours, closedDates: [] as string[] };
// 2026-12-07 is a Monday; 03:00Z is 12:00 in Seoul.
const noon = new Date('2026-12-07T03:00:00Z');
const minutesBefore = (at: Date, m: number) => new Date(at.getTime() - m * 60_000);

describe('presence honesty (issue #17): when customers hear that no shop device is connected', () => {
  it('open and no shop device has pulled for the set minutes (10 by default): away', () => {
    expect(SHOP_AWAY_MINUTES).toBe(10);
    expect(isShopAway(noon, minutesBefore(noon, 11), schedule)).toBe(true);
    expect(isShopAway(noon, minutesBefore(noon, 10), schedule)).toBe(true);
    expect(isShopAway(noon, minutesBefore(noon, 60 * 24 * 3), schedule)).toBe(true);
  });

  it('a pull within the minutes: not away', () => {
    expect(isShopAway(noon, minutesBefore(noon, 9), schedule)).toBe(false);
    expect(isShopAway(noon, noon, schedule)).toBe(false);
    expect(isShopAway(noon, minutesBefore(noon, 4), schedule, 3)).toBe(true);
  });

  it('closed never warns: before opening, after closing, on a closed date', () => {
    const seen = minutesBefore(noon, 600);
    expect(isShopAway(new Date('2026-12-07T00:59:00Z'), seen, schedule)).toBe(false); // 09:59
    expect(isShopAway(new Date('2026-12-07T11:00:00Z'), seen, schedule)).toBe(false); // 20:00
    expect(isShopAway(noon, seen, { ...schedule, closedDates: ['2026-12-07'] })).toBe(false);
    expect(isShopAway(noon, seen, { ...schedule, hours: [[], [], [], [], [], [], []] })).toBe(false);
  });

  it("in the shop's own zone, past midnight of a late-night period", () => {
    // Saturday 2026-12-12 18:00 – Sunday 02:00 in Seoul; Sunday 01:30 Seoul is Saturday 16:30Z.
    const late = new Date('2026-12-12T16:30:00Z');
    expect(isShopAway(late, minutesBefore(late, 30), schedule)).toBe(true);
    // The same instant in Los Angeles is Saturday 08:30: closed there.
    expect(isShopAway(late, minutesBefore(late, 30), { ...schedule, timeZone: 'America/Los_Angeles' })).toBe(
      false,
    );
  });
});
