import { dateFormatter } from '../domain/intl';
import type { Lang } from '../protocol/lang';

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-GB');

/** "11월 24일 (화)" for a shop-local calendar date; formatted at noon UTC so no zone can shift the day. */
export function formatShopDate(date: string, lang: Lang): string {
  return dateFormatter(locale(lang), {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** A moment (ready time, message time) as the shop's clock shows it. */
export function formatShopTime(iso: string, timeZone: string, lang: Lang): string {
  return dateFormatter(locale(lang), { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
