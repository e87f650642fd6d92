/** Money is an integer number of won: no fractions exist in KRW, so floats never enter a total. */
export type Won = number;

/** The largest amount any single price or total may reach (₩100,000,000): far above a shop's order. */
export const MAX_WON = 100_000_000;

export function isWon(value: unknown): value is Won {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_WON;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "12,000원" in Korean, "₩12,000" in English. */
export function formatWon(amount: Won, locale: 'ko' | 'en' = 'ko'): string {
  let f = formatters.get(locale);
  if (!f) {
    f =
      locale === 'ko'
        ? new Intl.NumberFormat('ko-KR')
        : new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KRW' });
    formatters.set(locale, f);
  }
  return locale === 'ko' ? `${f.format(amount)}원` : f.format(amount);
}
