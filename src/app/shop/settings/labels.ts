import { dateFormatter } from '../../../domain/intl';
import type { Lang } from '../../../protocol/lang';

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-GB');

/** "월요일" for 1; 2023-01-01 was a Sunday, so day d is that date plus d, read in UTC. */
export function weekdayName(day: number, lang: Lang): string {
  return dateFormatter(locale(lang), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2023, 0, 1 + day)),
  );
}

/** "2026년 11월 24일 (화)" for a shop-local calendar date; noon UTC, so no zone can shift the day. */
export function formatLocalDate(date: string, lang: Lang): string {
  return dateFormatter(locale(lang), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Korean shops read the week from Monday. */
export const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;
