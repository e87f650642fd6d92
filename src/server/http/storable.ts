/** U+0000, which PostgreSQL refuses in text and jsonb, and lone surrogates, which UTF-8 cannot carry. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether every string in a parsed request (keys too) can be stored and read back unchanged. The
 * schemas already refuse these in every free-text field with the field's name; this catches any
 * string they let through (a password, a key), so no request can reach the database with one and
 * answer 500.
 */
export function isStorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return !UNSTORABLE.test(value);
  if (value === null || typeof value !== 'object' || depth > 64) return true;
  if (Array.isArray(value)) return value.every((v) => isStorable(v, depth + 1));
  return Object.entries(value).every(([k, v]) => !UNSTORABLE.test(k) && isStorable(v, depth + 1));
}
