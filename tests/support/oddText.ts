import fc from 'fast-check';

/**
 * Characters no person types, as S15 refuses them (C0 controls, DEL, lone surrogates), beside ones it
 * keeps (bidi controls, non-characters, C1 and line separators), inside ordinary text: mixed, so a
 * generated field is sometimes refused and sometimes not, and only the refused ones are sent here.
 */
export const oddChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(
    '\u007f',
    '\ufffe',
    '\uffff',
    '\ufdd0',
    '\u202e',
    '\u2066',
    '\u2069',
    '\u200f',
    '\u0085',
    '\u2028',
  ),
);
export const oddText = fc
  .tuple(
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.array(oddChar, { minLength: 1, maxLength: 4 }),
    fc.string({ unit: 'binary', maxLength: 16 }),
  )
  .map(([a, odd, b]) => a + odd.join('') + b);

export type Path = (string | number)[];

/** Where a body holds text: every string, however deep (a mutation's note, an option's name). */
export function textPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => textPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textPaths(v, [...path, k]));
  return [];
}

/** A copy of `value` with the string at `path` replaced. */
export function withTextAt(value: unknown, path: Path, text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = withTextAt(copy[head!], rest, text);
  return copy;
}
