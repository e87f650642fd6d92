import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD, fromBase32, normalizeCrockford, toBase32 } from '../../src/domain/crockford';

describe("Crockford's base32", () => {
  it('round-trips any bytes, in symbols of its alphabet only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const symbols = toBase32(bytes);
        expect([...symbols].every((c) => CROCKFORD.includes(c))).toBe(true);
        expect(fromBase32(symbols)).toEqual(bytes);
      }),
    );
  });

  it('has one spelling per byte string: non-zero spare bits and stray symbols are refused', () => {
    expect(toBase32(Uint8Array.of(0xff))).toBe('ZW');
    expect(fromBase32('ZW')).toEqual(Uint8Array.of(0xff));
    expect(fromBase32('ZX')).toBeNull();
    expect(fromBase32('ZU')).toBeNull();
  });

  it('reads typing forgivingly: case, spaces, hyphens, O for 0, I and L for 1', () => {
    expect(normalizeCrockford(' 0k7q-m3xt a9p ')).toBe('0K7QM3XTA9P');
    expect(normalizeCrockford('oIl')).toBe('011');
    expect(fromBase32('Z0')).toEqual(fromBase32('ZO'));
  });
});
