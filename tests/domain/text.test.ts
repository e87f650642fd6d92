import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTyped, isCleanText, normaliseLineBreaks } from '../../src/domain/text';
import { oddText } from '../support/oddText';

describe('S15: the text rule', () => {
  it('refuses NUL, other C0 controls, DEL and lone surrogates; tab and LF only where lines are allowed', () => {
    for (const bad of ['a\u0000', '\u0007', 'x\u001by', '\u007f', 'a\ud800', '\udc00b', 'a\rb'])
      for (const lines of [false, true]) expect(isCleanText(bad, { lines }), JSON.stringify(bad)).toBe(false);
    for (const s of ['a\nb', 'a\tb']) {
      expect(isCleanText(s, { lines: true })).toBe(true);
      expect(isCleanText(s, { lines: false })).toBe(false);
    }
    // Kept: Hangul, emoji (a surrogate pair), bidi controls, non-characters, C1 and Unicode line separators.
    for (const ok of ['김단골', '🍱 도시락', '\u202e이름', '\ufffe', '\u0085', '\u2028'])
      expect(isCleanText(ok, { lines: false }), JSON.stringify(ok)).toBe(true);
  });

  it('what a text box keeps always passes the rule, and clean text is kept as it is', () => {
    fc.assert(
      fc.property(fc.oneof(oddText, fc.string({ unit: 'binary' })), fc.boolean(), (s, lines) => {
        const kept = cleanTyped(s, { lines });
        expect(isCleanText(kept, { lines })).toBe(true);
        const normal = normaliseLineBreaks(s);
        if (isCleanText(normal, { lines })) expect(kept).toBe(normal);
      }),
    );
    expect(cleanTyped('첫 줄\r\n둘째\u0000 줄', { lines: true })).toBe('첫 줄\n둘째 줄');
    expect(cleanTyped('서울\n중구\t1', { lines: false })).toBe('서울 중구 1');
  });
});
