import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesOfDay, shopLocalDate, type OpeningPeriod, type WeeklyHours } from '../../src/domain/hours';
import {
  addDays,
  daysBetween,
  openIntervals,
  pickupProblem,
  type Schedule,
  shopMinuteOfDay,
  slotHasRoom,
  slotsOn,
  weekdayOf,
} from '../../src/domain/schedule';

/*
 * Every instant here is written in UTC ("…Z"), with the Seoul wall clock beside it (UTC+9, no daylight
 * saving). The expectations therefore hold whatever process.env.TZ the test machine runs with.
 */

const everyDay = (periods: OpeningPeriod[]): WeeklyHours => [
  periods,
  periods,
  periods,
  periods,
  periods,
  periods,
  periods,
];

/** A side-dish shop: 09:00–14:00 and 17:00–21:00 every day. */
const DAY_SHOP: Schedule = {
  timeZone: 'Asia/Seoul',
  hours: everyDay([
    { open: '09:00', close: '14:00' },
    { open: '17:00', close: '21:00' },
  ]),
  slotMinutes: 30,
  slotCapacity: 3,
  leadMinutes: 30,
  preorderDays: 7,
  closedDates: [],
};

/** A late-night pub kitchen: 18:00–02:00 every day. */
const LATE_SHOP: Schedule = { ...DAY_SHOP, hours: everyDay([{ open: '18:00', close: '02:00' }]) };

const EVENING = [
  '18:00',
  '18:30',
  '19:00',
  '19:30',
  '20:00',
  '20:30',
  '21:00',
  '21:30',
  '22:00',
  '22:30',
  '23:00',
  '23:30',
];
const AFTER_MIDNIGHT = ['00:00', '00:30', '01:00', '01:30'];

const at = (iso: string) => {
  expect(iso.endsWith('Z')).toBe(true);
  return new Date(iso);
};

/** The UTC instant of a Seoul wall-clock minute: Seoul is UTC+9 all year. */
const seoulInstant = (date: string, minute: number) =>
  Date.parse(`${date}T00:00:00Z`) + minute * 60_000 - 9 * 3_600_000;

describe('calendar arithmetic without instants', () => {
  it('addDays crosses month ends, year ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // 2100 is not a leap year
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29'); // 2000 is
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('daysBetween counts calendar days, leap day included', () => {
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('weekdayOf: 0 is Sunday; 31 Dec 2026 is a Thursday, 29 Feb 2028 a Tuesday', () => {
    expect(weekdayOf('2026-12-31')).toBe(4);
    expect(weekdayOf('2027-01-01')).toBe(5);
    expect(weekdayOf('2028-02-29')).toBe(2);
    expect(weekdayOf('1970-01-01')).toBe(4);
  });

  it('weekdayOf stays in 0..6 before 1970', () => {
    expect(weekdayOf('1969-12-28')).toBe(0);
    expect(weekdayOf('1969-12-27')).toBe(6);
    expect(weekdayOf('1950-01-01')).toBe(0);
  });

  const anyDate = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('property: addDays and daysBetween round-trip for any date 2000–2100 and any offset ±1000', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        const later = addDays(date, n);
        expect(later).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(daysBetween(date, later)).toBe(n);
        expect(addDays(later, -n)).toBe(date);
        expect(later > date).toBe(n > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('property: weekdayOf agrees with Date.UTC(...).getUTCDay()', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        expect(weekdayOf(date)).toBe(new Date(Date.UTC(y, m - 1, d)).getUTCDay());
        expect(weekdayOf(addDays(date, n))).toBe((((weekdayOf(date) + n) % 7) + 7) % 7);
      }),
      { numRuns: 500 },
    );
  });
});

describe('shop-local clock (Asia/Seoul, UTC+9)', () => {
  it('2026-12-31T14:59:59Z is 23:59 on 31 Dec in Seoul; one second later is 00:00 on 1 Jan 2027', () => {
    expect(shopLocalDate(at('2026-12-31T14:59:59Z'), 'Asia/Seoul')).toBe('2026-12-31');
    expect(shopMinuteOfDay(at('2026-12-31T14:59:59Z'), 'Asia/Seoul')).toBe(23 * 60 + 59);
    expect(shopLocalDate(at('2026-12-31T15:00:00Z'), 'Asia/Seoul')).toBe('2027-01-01');
    expect(shopMinuteOfDay(at('2026-12-31T15:00:00Z'), 'Asia/Seoul')).toBe(0);
  });

  it('month end: 2026-11-30T15:00:00Z is already 1 December in Seoul', () => {
    expect(shopLocalDate(at('2026-11-30T15:00:00Z'), 'Asia/Seoul')).toBe('2026-12-01');
    expect(shopMinuteOfDay(at('2026-11-30T15:00:00Z'), 'Asia/Seoul')).toBe(0);
  });

  it('leap day: 2028-02-28T15:00:00Z is 00:00 on 29 Feb 2028 in Seoul', () => {
    expect(shopLocalDate(at('2028-02-28T15:00:00Z'), 'Asia/Seoul')).toBe('2028-02-29');
    expect(shopLocalDate(at('2028-02-29T15:00:00Z'), 'Asia/Seoul')).toBe('2028-03-01');
  });

  it('reads the shop zone, not the machine zone: the same instant in UTC and in Seoul', () => {
    const t = at('2026-11-23T03:07:00Z');
    expect(shopMinuteOfDay(t, 'UTC')).toBe(3 * 60 + 7);
    expect(shopMinuteOfDay(t, 'Asia/Seoul')).toBe(12 * 60 + 7);
  });

  it('property: Seoul minute of day is the UTC minute nine hours on, for any instant 2000–2100', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const shifted = new Date(d.getTime() + 9 * 3_600_000);
          expect(shopMinuteOfDay(d, 'Asia/Seoul')).toBe(shifted.getUTCHours() * 60 + shifted.getUTCMinutes());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('opening intervals and slots', () => {
  it('a day with a lunch break: slots start every 30 minutes from each opening', () => {
    expect(openIntervals('2026-11-23', DAY_SHOP)).toEqual([
      [9 * 60, 14 * 60],
      [17 * 60, 21 * 60],
    ]);
    const slots = slotsOn('2026-11-23', DAY_SHOP);
    expect(slots[0]).toBe('09:00');
    expect(slots).toContain('13:30');
    expect(slots).not.toContain('14:00');
    expect(slots).not.toContain('16:30');
    expect(slots).toContain('17:00');
    expect(slots.at(-1)).toBe('20:30');
    expect(slots).toHaveLength(10 + 8);
  });

  it('a slot is offered only when the whole slot fits before close', () => {
    const s = { ...DAY_SHOP, hours: everyDay([{ open: '09:00', close: '10:45' }]) };
    expect(slotsOn('2026-11-23', s)).toEqual(['09:00', '09:30', '10:00']);
    expect(slotsOn('2026-11-23', { ...s, slotMinutes: 45 })).toEqual(['09:00', '09:45']);
    expect(slotsOn('2026-11-23', { ...s, slotMinutes: 120 })).toEqual([]);
  });

  it('an odd opening time keeps its own grid', () => {
    const s = { ...DAY_SHOP, hours: everyDay([{ open: '09:10', close: '10:30' }]) };
    expect(slotsOn('2026-11-23', s)).toEqual(['09:10', '09:40']);
  });

  it('a day without hours has no intervals and no slots', () => {
    const hours = everyDay([{ open: '09:00', close: '18:00' }]);
    hours[0] = []; // closed on Sundays
    const s = { ...DAY_SHOP, hours };
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(openIntervals('2026-11-22', s)).toEqual([]);
    expect(slotsOn('2026-11-22', s)).toEqual([]);
  });

  it('a late-night shop 18:00–02:00: 23:30 is on the date, 00:00–01:30 on the next date’s list', () => {
    expect(openIntervals('2026-11-23', LATE_SHOP)).toEqual([
      [0, 2 * 60],
      [18 * 60, 24 * 60],
    ]);
    expect(slotsOn('2026-11-23', LATE_SHOP)).toEqual([...AFTER_MIDNIGHT, ...EVENING]);
  });

  it('a late-night shop open only on Fridays: Friday lists the evening, Saturday the hours after midnight', () => {
    const hours: WeeklyHours = [[], [], [], [], [], [{ open: '18:00', close: '02:00' }], []];
    const s = { ...DAY_SHOP, hours };
    expect(weekdayOf('2026-11-27')).toBe(5);
    expect(slotsOn('2026-11-27', s)).toEqual(EVENING);
    expect(slotsOn('2026-11-28', s)).toEqual(AFTER_MIDNIGHT);
    expect(openIntervals('2026-11-28', s)).toEqual([[0, 120]]);
    expect(slotsOn('2026-11-29', s)).toEqual([]);
  });

  it('a late-night grid runs on across midnight: 18:10–02:00 gives 23:40 and then 00:10, 00:40, 01:10', () => {
    const s = { ...DAY_SHOP, hours: everyDay([{ open: '18:10', close: '02:00' }]) };
    const slots = slotsOn('2026-11-23', s);
    expect(slots.slice(0, 3)).toEqual(['00:10', '00:40', '01:10']);
    expect(slots.at(-1)).toBe('23:40'); // ends 00:10, well before the 02:00 close
    expect(slots).not.toContain('00:00');
    expect(slots).not.toContain('01:40'); // would end 02:10, after close
  });

  it('a late-night slot length that does not divide the evening keeps one grid: 50 minutes from 18:00', () => {
    const s = { ...LATE_SHOP, slotMinutes: 50 };
    const slots = slotsOn('2026-11-23', s);
    // 18:00, 18:50, … 23:50 (ends 00:40) on the date; 00:40 (ends 01:30) on the next date; 01:30 would end 02:20.
    expect(slots).toEqual(['00:40', '18:00', '18:50', '19:40', '20:30', '21:20', '22:10', '23:00', '23:50']);
  });

  it('a period closing exactly at midnight spills nothing into the next date', () => {
    const s = { ...DAY_SHOP, hours: everyDay([{ open: '18:00', close: '00:00' }]) };
    expect(openIntervals('2026-11-23', s)).toEqual([[18 * 60, 24 * 60]]);
    expect(slotsOn('2026-11-23', s)).toEqual(EVENING);
  });

  it('late-night slots cross the year end: 31 Dec lists 23:30, 1 Jan 2027 lists 00:00–01:30 then its evening', () => {
    expect(slotsOn('2026-12-31', LATE_SHOP)).toContain('23:30');
    expect(slotsOn('2027-01-01', LATE_SHOP).slice(0, 4)).toEqual(AFTER_MIDNIGHT);
  });

  it('late-night slots cross the leap day: 28 Feb → 29 Feb → 1 Mar 2028', () => {
    const hours: WeeklyHours = [[], [], [], [], [], [], []];
    hours[weekdayOf('2028-02-29')] = [{ open: '18:00', close: '02:00' }];
    const s = { ...DAY_SHOP, hours };
    expect(slotsOn('2028-02-28', s)).toEqual([]);
    expect(slotsOn('2028-02-29', s)).toEqual(EVENING);
    expect(slotsOn('2028-03-01', s)).toEqual(AFTER_MIDNIGHT);
  });

  it('a closed date has no hours of its own', () => {
    const s = { ...DAY_SHOP, closedDates: ['2026-11-23'] };
    expect(openIntervals('2026-11-23', s)).toEqual([]);
    expect(slotsOn('2026-11-23', s)).toEqual([]);
    expect(slotsOn('2026-11-24', s)).toHaveLength(18);
  });

  it('documented: a closed date keeps the after-midnight part of the evening before (that evening belongs to the day before)', () => {
    const s = { ...LATE_SHOP, closedDates: ['2026-12-25'] };
    expect(openIntervals('2026-12-25', s)).toEqual([[0, 120]]);
    expect(slotsOn('2026-12-25', s)).toEqual(AFTER_MIDNIGHT);
  });

  it('documented: a closed evening takes its after-midnight hours with it', () => {
    const s = { ...LATE_SHOP, closedDates: ['2026-12-24'] };
    expect(slotsOn('2026-12-24', s)).toEqual(AFTER_MIDNIGHT); // still the 23rd's night
    expect(openIntervals('2026-12-25', s)).toEqual([[18 * 60, 24 * 60]]);
    expect(slotsOn('2026-12-25', s)).toEqual(EVENING);
  });

  it('a zero slot length offers no slots instead of looping for ever', () => {
    expect(slotsOn('2026-11-23', { ...DAY_SHOP, slotMinutes: 0 })).toEqual([]);
  });

  const period = fc
    .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 47 }))
    .map(([o, len]): OpeningPeriod => {
      const clock = (h: number) =>
        `${String(Math.floor(h / 2) % 24).padStart(2, '0')}:${h % 2 ? '30' : '00'}`;
      return { open: clock(o), close: clock(o + len) };
    });
  const weekly = fc
    .array(fc.array(period, { maxLength: 1 }), { minLength: 7, maxLength: 7 })
    .map((days) => days as WeeklyHours);

  it('property: every slot is sorted, unique, and lies wholly inside opening hours (across midnight too)', () => {
    fc.assert(
      fc.property(
        weekly,
        fc.constantFrom(15, 20, 30, 45, 50, 60, 90),
        fc.integer({ min: 0, max: 13 }),
        (hours, slotMinutes, offset) => {
          const date = addDays('2026-11-22', offset);
          const s = { hours, slotMinutes, closedDates: [] };
          const open = new Set<number>();
          openIntervals(date, s).forEach(([a, b]) => {
            for (let m = a; m < b; m++) open.add(m);
          });
          openIntervals(addDays(date, 1), s).forEach(([a, b]) => {
            for (let m = a; m < b; m++) open.add(24 * 60 + m);
          });
          const slots = slotsOn(date, s).map(minutesOfDay);
          expect(slots).toEqual([...new Set(slots)].sort((a, b) => a - b));
          for (const m of slots) {
            for (let k = m; k < m + slotMinutes; k++) expect(open.has(k)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('pickupProblem', () => {
  // Monday 23 Nov 2026, 10:00 in Seoul.
  const MON_10 = '2026-11-23T01:00:00Z';

  it('a slot later today, far enough ahead, is fine', () => {
    expect(pickupProblem(at(MON_10), '2026-11-23', '12:00', DAY_SHOP)).toBeNull();
    expect(pickupProblem(at(MON_10), '2026-11-23', '17:00', DAY_SHOP)).toBeNull();
  });

  it('date_past: yesterday in Seoul, even though it is still that date in UTC', () => {
    // 00:30 on 24 Nov in Seoul is 15:30 on 23 Nov in UTC.
    expect(pickupProblem(at('2026-11-23T15:30:00Z'), '2026-11-23', '17:00', DAY_SHOP)).toBe('date_past');
  });

  it('slot_invalid: a time the shop does not offer that date', () => {
    expect(pickupProblem(at(MON_10), '2026-11-23', '12:15', DAY_SHOP)).toBe('slot_invalid');
    expect(pickupProblem(at(MON_10), '2026-11-23', '15:00', DAY_SHOP)).toBe('slot_invalid');
    expect(pickupProblem(at(MON_10), '2026-11-23', '13:45', DAY_SHOP)).toBe('slot_invalid');
    expect(pickupProblem(at(MON_10), '2026-11-23', '20:30', DAY_SHOP)).toBeNull(); // last whole slot
    expect(pickupProblem(at(MON_10), '2026-11-23', '21:00', DAY_SHOP)).toBe('slot_invalid');
  });

  it('too_soon: a slot already passed today', () => {
    expect(pickupProblem(at(MON_10), '2026-11-23', '09:00', DAY_SHOP)).toBe('too_soon');
  });

  describe('lead time exactly at the boundary (30 minutes before a 12:00 slot)', () => {
    it('11:30:00 is exactly the lead time: allowed', () => {
      expect(pickupProblem(at('2026-11-23T02:30:00Z'), '2026-11-23', '12:00', DAY_SHOP)).toBeNull();
    });
    it('11:29:59.999 is more than the lead time ahead: allowed', () => {
      expect(pickupProblem(at('2026-11-23T02:29:59.999Z'), '2026-11-23', '12:00', DAY_SHOP)).toBeNull();
    });
    it('11:30:01 leaves 29 min 59 s: too soon, seconds count', () => {
      expect(pickupProblem(at('2026-11-23T02:30:01Z'), '2026-11-23', '12:00', DAY_SHOP)).toBe('too_soon');
    });
    it('11:30:00.001 is already one millisecond short: too soon', () => {
      expect(pickupProblem(at('2026-11-23T02:30:00.001Z'), '2026-11-23', '12:00', DAY_SHOP)).toBe('too_soon');
    });
    it('a lead time of zero allows a slot starting this very minute, not one a second gone', () => {
      const s = { ...DAY_SHOP, leadMinutes: 0 };
      expect(pickupProblem(at('2026-11-23T03:00:00Z'), '2026-11-23', '12:00', s)).toBeNull();
      expect(pickupProblem(at('2026-11-23T03:00:01Z'), '2026-11-23', '12:00', s)).toBe('too_soon');
    });
    it('the lead time reaches across midnight into the next date', () => {
      // 23:30:00 on 23 Nov in Seoul; 00:00 on the 24th is exactly 30 minutes away.
      expect(pickupProblem(at('2026-11-23T14:30:00Z'), '2026-11-24', '00:00', LATE_SHOP)).toBeNull();
      expect(pickupProblem(at('2026-11-23T14:30:01Z'), '2026-11-24', '00:00', LATE_SHOP)).toBe('too_soon');
    });
  });

  describe('preorderDays boundary', () => {
    it('today + preorderDays is the last date; the day after is too far ahead', () => {
      expect(pickupProblem(at(MON_10), '2026-11-30', '12:00', DAY_SHOP)).toBeNull();
      expect(pickupProblem(at(MON_10), '2026-12-01', '12:00', DAY_SHOP)).toBe('too_far_ahead');
    });
    it('the window follows the Seoul date: at 23:59:59 on 23 Nov the last date is 30 Nov, a second later 1 Dec', () => {
      expect(pickupProblem(at('2026-11-23T14:59:59Z'), '2026-12-01', '12:00', DAY_SHOP)).toBe(
        'too_far_ahead',
      );
      expect(pickupProblem(at('2026-11-23T15:00:00Z'), '2026-12-01', '12:00', DAY_SHOP)).toBeNull();
    });
    it('preorderDays 0 means today only', () => {
      const s = { ...DAY_SHOP, preorderDays: 0 };
      expect(pickupProblem(at(MON_10), '2026-11-23', '12:00', s)).toBeNull();
      expect(pickupProblem(at(MON_10), '2026-11-24', '12:00', s)).toBe('too_far_ahead');
    });
    it('the window crosses the year end: from 28 Dec 2026, 4 Jan 2027 is the last date', () => {
      const now = at('2026-12-28T01:00:00Z');
      expect(pickupProblem(now, '2027-01-04', '12:00', DAY_SHOP)).toBeNull();
      expect(pickupProblem(now, '2027-01-05', '12:00', DAY_SHOP)).toBe('too_far_ahead');
    });
  });

  describe('year end and month end in Seoul', () => {
    const LAST_SECOND = at('2026-12-31T14:59:59Z'); // 23:59:59 on 31 Dec 2026 in Seoul
    const NEW_YEAR = at('2026-12-31T15:00:00Z'); // 00:00:00 on 1 Jan 2027 in Seoul

    it('at 23:59:59 on 31 Dec the late-night shop is open for an order as soon as possible', () => {
      expect(pickupProblem(LAST_SECOND, '2026-12-31', null, LATE_SHOP)).toBeNull();
    });
    it('one second later 31 Dec is past, and ASAP belongs to 1 Jan, still open after midnight', () => {
      expect(pickupProblem(NEW_YEAR, '2026-12-31', null, LATE_SHOP)).toBe('date_past');
      expect(pickupProblem(NEW_YEAR, '2026-12-31', '23:30', LATE_SHOP)).toBe('date_past');
      expect(pickupProblem(NEW_YEAR, '2027-01-01', null, LATE_SHOP)).toBeNull();
    });
    it('at 23:59:59 on 31 Dec a 00:30 slot on 1 Jan is 30 min 1 s away: enough for a 30-minute lead', () => {
      expect(pickupProblem(LAST_SECOND, '2027-01-01', '00:30', LATE_SHOP)).toBeNull();
      expect(pickupProblem(LAST_SECOND, '2027-01-01', '00:00', LATE_SHOP)).toBe('too_soon');
    });
    it('the daytime shop: 31 Dec is today until 14:59:59Z, and 1 Jan 09:00 is bookable both sides of midnight', () => {
      expect(pickupProblem(LAST_SECOND, '2027-01-01', '09:00', DAY_SHOP)).toBeNull();
      expect(pickupProblem(NEW_YEAR, '2027-01-01', '09:00', DAY_SHOP)).toBeNull();
      expect(pickupProblem(LAST_SECOND, '2026-12-31', '20:30', DAY_SHOP)).toBe('too_soon');
    });
    it('the end of November: at 23:50 on 30 Nov, 1 Dec 00:30 on the late-night shop is tomorrow, not past', () => {
      const now = at('2026-11-30T14:50:00Z');
      expect(pickupProblem(now, '2026-12-01', '00:30', LATE_SHOP)).toBeNull();
      expect(pickupProblem(now, '2026-11-30', null, LATE_SHOP)).toBeNull();
    });
  });

  describe('29 February 2028', () => {
    it('is a real date to order for and to be ordered on', () => {
      const now = at('2028-02-28T01:00:00Z'); // 10:00 on 28 Feb 2028 in Seoul
      expect(pickupProblem(now, '2028-02-29', '12:00', DAY_SHOP)).toBeNull();
      expect(pickupProblem(now, '2028-03-06', '12:00', DAY_SHOP)).toBeNull(); // 28 Feb + 7 days
      expect(pickupProblem(now, '2028-03-07', '12:00', DAY_SHOP)).toBe('too_far_ahead');
    });
    it('00:00 on 29 Feb in Seoul is 15:00Z on 28 Feb; 28 Feb is past by then', () => {
      const now = at('2028-02-28T15:00:00Z');
      expect(pickupProblem(now, '2028-02-28', '20:30', DAY_SHOP)).toBe('date_past');
      expect(pickupProblem(now, '2028-02-29', null, LATE_SHOP)).toBeNull(); // 28 Feb's night runs on
      expect(pickupProblem(now, '2028-02-29', null, DAY_SHOP)).toBe('shop_closed');
    });
    it('a closed leap day is closed', () => {
      const s = { ...DAY_SHOP, closedDates: ['2028-02-29'] };
      expect(pickupProblem(at('2028-02-28T01:00:00Z'), '2028-02-29', '12:00', s)).toBe('shop_closed');
    });
  });

  describe('closed dates', () => {
    const HOLIDAY = { ...DAY_SHOP, closedDates: ['2026-11-25'] };

    it('a pre-order for a closed date is refused as shop_closed', () => {
      expect(pickupProblem(at(MON_10), '2026-11-25', '12:00', HOLIDAY)).toBe('shop_closed');
      expect(pickupProblem(at(MON_10), '2026-11-24', '12:00', HOLIDAY)).toBeNull();
      expect(pickupProblem(at(MON_10), '2026-11-26', '12:00', HOLIDAY)).toBeNull();
    });
    it('ordering as soon as possible on a closed day is refused even during normal hours', () => {
      expect(pickupProblem(at('2026-11-25T03:00:00Z'), '2026-11-25', null, HOLIDAY)).toBe('shop_closed');
    });
    it('a weekday with no hours is closed too', () => {
      const hours = everyDay([{ open: '09:00', close: '18:00' }]);
      hours[weekdayOf('2026-11-24')] = [];
      expect(pickupProblem(at(MON_10), '2026-11-24', '12:00', { ...DAY_SHOP, hours })).toBe('shop_closed');
    });
    it('documented: a closed date still takes orders for the previous evening’s after-midnight hours', () => {
      const s = { ...LATE_SHOP, closedDates: ['2026-11-25'] };
      expect(pickupProblem(at(MON_10), '2026-11-25', '01:00', s)).toBeNull();
      expect(pickupProblem(at(MON_10), '2026-11-25', '19:00', s)).toBe('slot_invalid');
      // 01:00 on the 25th in Seoul: the 24th's night is still open for orders now.
      expect(pickupProblem(at('2026-11-24T16:00:00Z'), '2026-11-25', null, s)).toBeNull();
    });
    it('documented: closing an evening also closes its after-midnight hours on the next date', () => {
      const s = { ...LATE_SHOP, closedDates: ['2026-11-24'] };
      expect(pickupProblem(at(MON_10), '2026-11-25', '01:00', s)).toBe('slot_invalid');
      expect(pickupProblem(at(MON_10), '2026-11-25', '19:00', s)).toBeNull();
      expect(pickupProblem(at('2026-11-24T16:00:00Z'), '2026-11-25', null, s)).toBe('shop_closed');
    });
  });

  describe('as soon as possible (slot null)', () => {
    it('is allowed while the shop is open, from the opening minute up to the last minute', () => {
      expect(pickupProblem(at('2026-11-23T00:00:00Z'), '2026-11-23', null, DAY_SHOP)).toBeNull(); // 09:00
      expect(pickupProblem(at('2026-11-23T04:59:59Z'), '2026-11-23', null, DAY_SHOP)).toBeNull(); // 13:59:59
    });
    it('is refused while the shop is closed: before opening, in the lunch break, at closing time', () => {
      expect(pickupProblem(at('2026-11-22T23:59:59Z'), '2026-11-23', null, DAY_SHOP)).toBe('shop_closed'); // 08:59:59
      expect(pickupProblem(at('2026-11-23T05:00:00Z'), '2026-11-23', null, DAY_SHOP)).toBe('shop_closed'); // 14:00
      expect(pickupProblem(at('2026-11-23T07:30:00Z'), '2026-11-23', null, DAY_SHOP)).toBe('shop_closed'); // 16:30
      expect(pickupProblem(at('2026-11-23T12:00:00Z'), '2026-11-23', null, DAY_SHOP)).toBe('shop_closed'); // 21:00
    });
    it('is for today only', () => {
      expect(pickupProblem(at(MON_10), '2026-11-24', null, DAY_SHOP)).toBe('slot_invalid');
    });
    it('a late-night shop takes ASAP orders after midnight until its close', () => {
      expect(pickupProblem(at('2026-11-23T16:59:00Z'), '2026-11-24', null, LATE_SHOP)).toBeNull(); // 01:59
      expect(pickupProblem(at('2026-11-23T17:00:00Z'), '2026-11-24', null, LATE_SHOP)).toBe('shop_closed'); // 02:00
      expect(pickupProblem(at('2026-11-23T08:59:59Z'), '2026-11-23', null, LATE_SHOP)).toBe('shop_closed'); // 17:59:59
      expect(pickupProblem(at('2026-11-23T09:00:00Z'), '2026-11-23', null, LATE_SHOP)).toBeNull(); // 18:00
    });
  });

  it('checks in order: date_past and too_far_ahead before shop_closed and slot_invalid', () => {
    const s = { ...DAY_SHOP, closedDates: ['2026-11-22', '2026-12-05'] };
    expect(pickupProblem(at(MON_10), '2026-11-22', 'nonsense', s)).toBe('date_past');
    expect(pickupProblem(at(MON_10), '2026-12-05', 'nonsense', s)).toBe('too_far_ahead');
  });

  it('property: for any offered slot and any instant near its lead-time boundary, null exactly when the slot starts ≥ lead time after now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.constantFrom(DAY_SHOP, LATE_SHOP),
        fc.integer({ min: 0, max: 180 }),
        fc.nat(),
        // Mostly within a few minutes of the boundary (where a minute-rounded clock would slip), sometimes days off.
        fc.oneof(
          fc.integer({ min: -180_000, max: 180_000 }),
          fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
        ),
        (day, shop, leadMinutes, pick, jitter) => {
          const s = { ...shop, leadMinutes };
          const date = addDays('2026-01-01', day);
          const slots = slotsOn(date, s);
          const slot = slots[pick % slots.length]!;
          const start = seoulInstant(date, minutesOfDay(slot));
          const now = new Date(start - leadMinutes * 60_000 + jitter);
          const today = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
          const expected =
            date < today
              ? 'date_past'
              : date > addDays(today, s.preorderDays)
                ? 'too_far_ahead'
                : start - now.getTime() >= leadMinutes * 60_000
                  ? null
                  : 'too_soon';
          expect(pickupProblem(now, date, slot, s)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: dates before the Seoul date are past, dates after today + preorderDays too far', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 90 }),
        (now, offset, preorderDays) => {
          const s = { ...DAY_SHOP, preorderDays };
          const today = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
          const r = pickupProblem(now, addDays(today, offset), '12:00', s);
          if (offset < 0) expect(r).toBe('date_past');
          else if (offset > preorderDays) expect(r).toBe('too_far_ahead');
          else expect(r === null || r === 'too_soon').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('slot capacity', () => {
  it('a slot has room while fewer orders than its capacity hold it', () => {
    expect(slotHasRoom(0, { slotCapacity: 3 })).toBe(true);
    expect(slotHasRoom(2, { slotCapacity: 3 })).toBe(true);
    expect(slotHasRoom(3, { slotCapacity: 3 })).toBe(false);
    expect(slotHasRoom(4, { slotCapacity: 3 })).toBe(false);
    expect(slotHasRoom(0, { slotCapacity: 0 })).toBe(false);
  });
});
