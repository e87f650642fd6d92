/** Korean first; English for browsers that prefer it. */
export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

/** Picks the first of ko/en in an Accept-Language header (or navigator.languages), ko by default. */
export function pickLang(preferences: string | readonly string[] | undefined | null): Lang {
  const list = typeof preferences === 'string' ? preferences.split(',') : (preferences ?? []);
  for (const raw of list) {
    const tag = raw.trim().split(';')[0]?.toLowerCase() ?? '';
    if (tag.startsWith('ko')) return 'ko';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ko';
}
