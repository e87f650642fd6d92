import { shopLocalDate } from '../domain/hours';
import type { Lang } from '../protocol/lang';
import { formatShopDate, formatShopTime } from './dates';

/** A transfer deadline as the shop's calendar and clock show it: "12월 8일 (화) 오후 02:00". */
export function formatDeadline(iso: string, timeZone: string, lang: Lang): string {
  return `${formatShopDate(shopLocalDate(new Date(iso), timeZone), lang)} ${formatShopTime(iso, timeZone, lang)}`;
}
