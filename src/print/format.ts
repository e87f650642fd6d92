import { dateFormatter } from '../domain/intl';
import type { Lang } from '../protocol/lang';

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-GB');

/** "12월 19일 (토)" for a shop-local calendar date; formatted at noon UTC so no zone can shift the day. */
export function formatDay(date: string, lang: Lang): string {
  return dateFormatter(locale(lang), {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * A moment (when an order was placed) as a clock on the wall shows it. `timeZone` is the shop's when
 * known; the tablet sits in the shop, so its own zone is the fallback.
 */
export function formatMoment(iso: string, lang: Lang, timeZone?: string): string {
  return dateFormatter(locale(lang), {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
