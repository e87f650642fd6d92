import { numberFormatter } from './intl';

/** Money is an integer number of won: no fractions exist in KRW, so floats never enter a total. */
export type Won = number;

/** The largest amount any single price or total may reach (₩100,000,000): far above a shop's order. */
export const MAX_WON = 100_000_000;

export function isWon(value: unknown): value is Won {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_WON;
}

/** "12,000원" in Korean, "₩12,000" in English. */
export function formatWon(amount: Won, locale: 'ko' | 'en' = 'ko'): string {
  return locale === 'ko'
    ? `${numberFormatter('ko-KR').format(amount)}원`
    : numberFormatter('en-US', { style: 'currency', currency: 'KRW' }).format(amount);
}
