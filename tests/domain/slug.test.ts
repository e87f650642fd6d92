import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLUG_MAX, SLUG_PATTERN, slugProblem } from '../../src/domain/slug';

describe('shop slugs', () => {
  it('accepts the kind of ID a shop would print on a flyer', () => {
    for (const ok of ['uri-banchan', 'mangwon-bakery', 'cafe24', 'abc'])
      expect(slugProblem(ok), ok).toBeNull();
  });

  it('names the problem with a bad one', () => {
    expect(slugProblem('ab')).toBe('too_short');
    expect(slugProblem('a'.repeat(SLUG_MAX + 1))).toBe('too_long');
    expect(slugProblem('Bakery')).toBe('bad_characters');
    expect(slugProblem('우리빵집')).toBe('bad_characters');
    expect(slugProblem('a--b')).toBe('bad_characters');
    expect(slugProblem('-ab')).toBe('bad_characters');
    expect(slugProblem('ab-')).toBe('bad_characters');
    expect(slugProblem('shop')).toBe('reserved');
    expect(slugProblem('api')).toBe('reserved');
  });

  it('every accepted slug is URL-safe as it is and survives a round trip through a URL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        if (slugProblem(s) !== null) return;
        expect(encodeURIComponent(s)).toBe(s);
        expect(new URL(`https://x.kr/s/${s}`).pathname).toBe(`/s/${s}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every string built from the allowed alphabet with single inner hyphens', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const slug = words.join('-');
        fc.pre(slug.length >= 3 && slug.length <= SLUG_MAX);
        expect(SLUG_PATTERN.test(slug)).toBe(true);
      }),
    );
  });
});
