import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningPeriod, WeeklyHours } from '../../src/domain/hours';
import { minutesOfDay } from '../../src/domain/hours';
import { addDays } from '../../src/domain/schedule';
import {
  closedDatesInRange,
  isSlotMinutes,
  normalizeClosedDates,
  overlappingDay,
  settingsProblem,
  settingsProblems,
  type SettingsToCheck,
} from '../../src/domain/shopSettings';

const p = (open: string, close: string): OpeningPeriod => ({ open, close });
const week = (days: Partial<Record<number, OpeningPeriod[]>>): WeeklyHours =>
  Array.from({ length: 7 }, (_, i) => days[i] ?? []) as WeeklyHours;

/** The oracle: paint every minute of the week each period covers; any minute painted twice overlaps. */
function overlapsByPainting(hours: WeeklyHours): boolean {
  const painted = new Uint8Array(7 * 1440);
  for (const [day, periods] of hours.entries()) {
    for (const period of periods) {
      const open = minutesOfDay(period.open);
      let close = minutesOfDay(period.close);
      if (close <= open) close += 1440;
      for (let m = open; m < close; m++) {
        const at = (day * 1440 + m) % (7 * 1440);
        if (painted[at]) return true;
        painted[at] = 1;
      }
    }
  }
  return false;
}

describe('opening hours that overlap', () => {
  it('finds two periods on one day, or a late night running into the next morning', () => {
    expect(overlappingDay(week({ 1: [p('10:00', '14:00'), p('13:00', '18:00')] }))).toBe(1);
    expect(overlappingDay(week({ 1: [p('18:00', '02:00')], 2: [p('01:00', '05:00')] }))).toBe(2);
    // Saturday night into Sunday morning wraps around the week.
    expect(overlappingDay(week({ 6: [p('20:00', '03:00')], 0: [p('02:00', '10:00')] }))).toBe(6);
  });

  it('accepts split shifts, touching periods, closed days and a late night that ends before the next opening', () => {
    expect(overlappingDay(week({ 1: [p('11:00', '15:00'), p('17:00', '21:00')] }))).toBeNull();
    expect(overlappingDay(week({ 1: [p('00:00', '12:00'), p('12:00', '00:00')] }))).toBeNull();
    expect(overlappingDay(week({ 1: [p('18:00', '02:00')], 2: [p('02:00', '05:00')] }))).toBeNull();
    expect(overlappingDay(week({}))).toBeNull();
  });

  it('agrees with painting the minutes of the week, for any hours', () => {
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const period = fc
      .tuple(clock, clock)
      .filter(([a, b]) => a !== b)
      .map(([open, close]) => ({ open, close }));
    const hours = fc.tuple(
      ...Array.from({ length: 7 }, () => fc.array(period, { maxLength: 3 })),
    ) as unknown as fc.Arbitrary<WeeklyHours>;
    fc.assert(
      fc.property(hours, (h) => {
        expect(overlappingDay(h) !== null).toBe(overlapsByPainting(h));
      }),
      { numRuns: 300 },
    );
  });
});

describe('holidays', () => {
  const today = '2026-11-23';
  it('are kept sorted, once each, from today on', () => {
    expect(
      normalizeClosedDates(['2026-12-25', '2026-11-01', today, '2026-12-25', '2026-11-24'], today),
    ).toEqual([today, '2026-11-24', '2026-12-25']);
  });
  it('may be planned up to a year ahead, not further', () => {
    expect(closedDatesInRange([addDays(today, 366)], today)).toBe(true);
    expect(closedDatesInRange([addDays(today, 367)], today)).toBe(false);
    expect(closedDatesInRange([], today)).toBe(true);
  });
});

describe('settings that would stop a shop taking orders', () => {
  const ok: SettingsToCheck = {
    hours: week({ 1: [p('10:00', '20:00')] }),
    closedDates: [],
    pickup: true,
    delivery: false,
    payAtPickup: true,
    bankTransfer: false,
    bankAccount: '',
  };
  const today = '2026-11-23';
  const touched = (...f: string[]) => new Set(f);

  it('slot lengths divide an hour', () => {
    expect([10, 15, 20, 30, 60].every(isSlotMinutes)).toBe(true);
    expect([0, 5, 7, 25, 45, 90].some(isSlotMinutes)).toBe(false);
  });

  it('names the problem and the field to point at', () => {
    expect(settingsProblem({ ...ok, pickup: false }, today, touched('pickup'))).toEqual({
      code: 'fulfilment_required',
      field: 'pickup',
    });
    expect(settingsProblem({ ...ok, payAtPickup: false }, today, touched('payAtPickup'))).toEqual({
      code: 'payment_required',
      field: 'payAtPickup',
    });
    expect(
      settingsProblem({ ...ok, bankTransfer: true, bankAccount: ' ' }, today, touched('bankTransfer')),
    ).toEqual({ code: 'bank_account_required', field: 'bankAccount' });
    expect(
      settingsProblem(
        { ...ok, hours: week({ 3: [p('09:00', '12:00'), p('11:00', '13:00')] }) },
        today,
        touched('hours'),
      ),
    ).toEqual({ code: 'hours_overlap', field: 'hours.3' });
    expect(settingsProblem({ ...ok, closedDates: ['2028-01-01'] }, today, touched('closedDates'))).toEqual({
      code: 'closed_date_out_of_range',
      field: 'closedDates',
    });
    expect(
      settingsProblem({ ...ok, bankTransfer: true, bankAccount: '농협 1' }, today, touched('bankTransfer')),
    ).toBeNull();
  });

  it('lists every problem at once for the form, the first for the server', () => {
    const both = { ...ok, pickup: false, bankTransfer: true, bankAccount: '' };
    const touchedBoth = touched('pickup', 'bankTransfer');
    expect(settingsProblems(both, today, touchedBoth).map((p) => p.field)).toEqual(['pickup', 'bankAccount']);
    expect(settingsProblem(both, today, touchedBoth)?.field).toBe('pickup');
  });

  it('blames only the fields being changed, never an old shop’s stored state', () => {
    const stale = {
      ...ok,
      bankTransfer: true,
      bankAccount: '',
      hours: week({ 1: [p('10:00', '14:00'), p('12:00', '15:00')] }),
    };
    expect(settingsProblem(stale, today, touched('notice'))).toBeNull();
    expect(settingsProblem(stale, today, touched('bankAccount'))?.code).toBe('bank_account_required');
  });
});
