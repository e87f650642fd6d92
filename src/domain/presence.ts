import { isOpenAt, type Schedule } from './schedule';

/** Minutes without a pull from any shop device after which customers are told the shop may confirm late. */
export const SHOP_AWAY_MINUTES = 10;

/**
 * Whether customers should be told that no shop device is connected (issue #17, presence honesty):
 * the shop is open now and none of its devices has pulled for `awayMinutes` (S8: a connected tablet
 * pulls every 30–60 s, so a silence of minutes means nobody will see a new order soon). A closed
 * shop never warns: nobody expects a confirmation then, and the closed hours already say so.
 * `seenAt` is the last pull of any shop device; a new shop counts its creation as the first sighting
 * (the owner was on a device then), so it warns only once it has been open and silent for a while.
 */
export function isShopAway(
  now: Date,
  seenAt: Date,
  schedule: Pick<Schedule, 'timeZone' | 'hours' | 'closedDates'>,
  awayMinutes = SHOP_AWAY_MINUTES,
): boolean {
  if (!isOpenAt(now, schedule)) return false;
  return now.getTime() - seenAt.getTime() >= awayMinutes * 60_000;
}
