/**
 * A shop's slug is its address: /s/<slug>. It must survive being typed from a flyer, printed in a QR
 * code and read aloud on the phone, so: lowercase ASCII letters, digits and single hyphens.
 */
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/;

/** Paths the app itself uses, and names that would mislead a customer. */
const RESERVED = new Set([
  'api',
  'admin',
  'app',
  'assets',
  'dangol',
  'healthz',
  'help',
  'invite',
  'login',
  'logout',
  'new',
  'root',
  'shop',
  'shops',
  'signup',
  'static',
  'support',
  'system',
  'www',
]);

export type SlugProblem = 'too_short' | 'too_long' | 'bad_characters' | 'reserved';

export function slugProblem(slug: string): SlugProblem | null {
  if (slug.length < SLUG_MIN) return 'too_short';
  if (slug.length > SLUG_MAX) return 'too_long';
  if (!SLUG_PATTERN.test(slug)) return 'bad_characters';
  if (RESERVED.has(slug)) return 'reserved';
  return null;
}
