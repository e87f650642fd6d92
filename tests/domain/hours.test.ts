import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isKnownTimeZone,
  isValidPeriod,
  minutesOfDay,
  shopLocalDate,
  shopWeekday,
} from '../../src/domain/hours';

describe('opening hours and shop-local time', () => {
  it('reads clock times', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('23:59')).toBe(23 * 60 + 59);
  });

  it('accepts periods that run past midnight, refuses malformed or empty ones', () => {
    expect(isValidPeriod({ open: '18:00', close: '02:00' })).toBe(true);
    expect(isValidPeriod({ open: '10:00', close: '10:00' })).toBe(false);
    expect(isValidPeriod({ open: '24:00', close: '10:00' })).toBe(false);
    expect(isValidPeriod({ open: '9:00', close: '10:00' })).toBe(false);
  });

  it('gives the Seoul date, not the server date: 23:30 UTC is already tomorrow in Seoul', () => {
    const at = new Date('2026-11-30T23:30:00Z');
    expect(shopLocalDate(at, 'Asia/Seoul')).toBe('2026-12-01');
    expect(shopLocalDate(at, 'UTC')).toBe('2026-11-30');
    expect(shopWeekday(at, 'Asia/Seoul')).toBe(2); // Tuesday 1 December 2026
  });

  it('Seoul is always UTC+9 (no daylight saving): the local date is the UTC date nine hours on', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          const shifted = new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
          expect(shopLocalDate(d, 'Asia/Seoul')).toBe(shifted);
        },
      ),
    );
  });

  it('knows real zones and refuses invented ones', () => {
    expect(isKnownTimeZone('Asia/Seoul')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
