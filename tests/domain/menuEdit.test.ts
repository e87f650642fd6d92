import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OptionGroup } from '../../src/domain/catalogue';
import {
  fitWithin,
  MAX_PHOTO_SIDE,
  moveId,
  optionGroupsProblem,
  sniffPhotoType,
  soldOutUntilFor,
} from '../../src/domain/menuEdit';

const group = (id: string, min: number, max: number, optionIds: string[]): OptionGroup => ({
  id,
  name: id,
  minChoices: min,
  maxChoices: max,
  options: optionIds.map((o) => ({ id: o, name: o, priceDelta: 0 })),
});

describe('menu editing rules', () => {
  it('sold out today, until a date (not a past one), or back on sale', () => {
    const today = '2026-11-24';
    expect(soldOutUntilFor({ kind: 'today' }, today)).toBe(today);
    expect(soldOutUntilFor({ kind: 'resume' }, today)).toBeNull();
    expect(soldOutUntilFor({ kind: 'until', date: '2026-11-30' }, today)).toBe('2026-11-30');
    expect(soldOutUntilFor({ kind: 'until', date: today }, today)).toBe(today);
    expect(soldOutUntilFor({ kind: 'until', date: '2026-11-23' }, today)).toBeUndefined();
    expect(soldOutUntilFor({ kind: 'until', date: '' }, today)).toBeUndefined();
  });

  it('option groups must be satisfiable, with ids unique across the item', () => {
    expect(optionGroupsProblem([])).toBeNull();
    expect(
      optionGroupsProblem([group('size', 1, 1, ['s', 'l']), group('extra', 0, 2, ['a', 'b'])]),
    ).toBeNull();
    expect(optionGroupsProblem([group('size', 2, 2, ['s'])])).toBe('option_group_invalid');
    expect(optionGroupsProblem([group('size', 0, 1, ['s']), group('size', 0, 1, ['l'])])).toBe(
      'option_group_invalid',
    );
    // An order line names options by id alone: the same id in two groups would be ambiguous.
    expect(optionGroupsProblem([group('a', 0, 1, ['x']), group('b', 0, 1, ['x'])])).toBe(
      'option_group_invalid',
    );
    expect(optionGroupsProblem(Array.from({ length: 11 }, (_, i) => group(`g${i}`, 0, 1, [`o${i}`])))).toBe(
      'invalid_input',
    );
  });

  it('a photo is drawn no larger than the limit, never enlarged, aspect kept', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1200, height: 900 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 900, height: 1200 });
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (w, h) => {
        const s = fitWithin(w, h);
        expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(Math.max(MAX_PHOTO_SIDE, 1));
        expect(s.width).toBeGreaterThanOrEqual(1);
        expect(s.height).toBeGreaterThanOrEqual(1);
        if (Math.max(w, h) <= MAX_PHOTO_SIDE) expect(s).toEqual({ width: w, height: h });
      }),
    );
  });

  it('a photo is known by its first bytes, not by what the upload claims', () => {
    expect(sniffPhotoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
    expect(sniffPhotoType(webp)).toBe('image/webp');
    expect(sniffPhotoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(sniffPhotoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffPhotoType(new Uint8Array([]))).toBeNull();
  });

  it('moving a category up or down swaps it with its neighbour; the ends stay put', () => {
    expect(moveId(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveId(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b'], 'z', 1)).toEqual(['a', 'b']);
  });
});
