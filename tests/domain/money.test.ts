import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWon, isWon, MAX_WON } from '../../src/domain/money';

describe('money in won', () => {
  it('formats as a Korean or English reader expects', () => {
    expect(formatWon(12000)).toBe('12,000원');
    expect(formatWon(0)).toBe('0원');
    expect(formatWon(1234567, 'en')).toBe('₩1,234,567');
  });

  it('accepts only whole, non-negative, bounded amounts', () => {
    expect(isWon(0)).toBe(true);
    expect(isWon(MAX_WON)).toBe(true);
    for (const bad of [-1, 0.5, MAX_WON + 1, Number.NaN, Infinity, '1000', null])
      expect(isWon(bad), String(bad)).toBe(false);
  });

  it('formatting keeps every digit: stripping separators gives the amount back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_WON }), (n) => {
        expect(Number(formatWon(n).replace(/[^0-9]/g, ''))).toBe(n);
        expect(Number(formatWon(n, 'en').replace(/[^0-9]/g, ''))).toBe(n);
      }),
    );
  });
});
