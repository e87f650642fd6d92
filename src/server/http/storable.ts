import { LONE_SURROGATE } from '../../domain/text';

/**
 * U+0000, which PostgreSQL refuses in text and jsonb, and lone surrogates (the text rule's own
 * pattern), which UTF-8 cannot carry.
 */
const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`);

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
