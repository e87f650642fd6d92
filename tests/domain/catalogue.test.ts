import { describe, expect, it } from 'vitest';
import { isSoldOut, isValidOptionGroup, type OptionGroup } from '../../src/domain/catalogue';

const group = (min: number, max: number, n = 3): OptionGroup => ({
  id: 'g',
  name: '맵기',
  minChoices: min,
  maxChoices: max,
  options: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, name: `옵션 ${i}`, priceDelta: 0 })),
});

describe('catalogue', () => {
  it('is sold out through the marked date and available the day after', () => {
    expect(isSoldOut({ soldOutUntil: '2026-11-23' }, '2026-11-23')).toBe(true);
    expect(isSoldOut({ soldOutUntil: '2026-11-23' }, '2026-11-24')).toBe(false);
    expect(isSoldOut({ soldOutUntil: null }, '2026-11-23')).toBe(false);
  });

  it('an option group must be satisfiable by its options', () => {
    expect(isValidOptionGroup(group(1, 1))).toBe(true);
    expect(isValidOptionGroup(group(0, 3))).toBe(true);
    expect(isValidOptionGroup(group(3, 3))).toBe(true);
    expect(isValidOptionGroup(group(4, 4))).toBe(false);
    expect(isValidOptionGroup(group(2, 1))).toBe(false);
    expect(isValidOptionGroup(group(0, 0))).toBe(false);
    expect(
      isValidOptionGroup({ ...group(1, 1), options: [...group(1, 1).options, group(1, 1).options[0]!] }),
    ).toBe(false);
  });
});
