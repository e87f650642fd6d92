import type { Schedule } from '../../domain/schedule';
import { busyMinutes, isPaused } from '../../domain/shopStatus';
import { useT } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { formatShopTime } from '../dates';

/**
 * What the counter said about a rush (#17), before the customer builds a cart: ordering paused (until
 * when, if the shop said), or busy (how much longer than usual). The checkout then offers only what
 * the server will take (domain/pickupOptions customerPickupDays), so no one learns it from a refusal.
 */
export function ShopStatusNotice({
  schedule,
  phoneLink,
  away = false,
}: {
  schedule: Schedule;
  phoneLink: React.ReactNode;
  /** Paused because no shop device is connected (the shop's setting), not by a tap at the counter. */
  away?: boolean;
}) {
  const { lang, t } = useT();
  const now = useNow();
  if (isPaused(schedule, now)) {
    const until = schedule.pause?.until;
    return (
      <p role="status" className="banner banner-away">
        {away
          ? t('shopAwayPaused')
          : until
            ? t('shopPausedUntil', { time: formatShopTime(until, schedule.timeZone, lang) })
            : t('shopPaused')}{' '}
        {phoneLink}
      </p>
    );
  }
  const busy = busyMinutes(schedule, now);
  if (busy === 0) return null;
  return (
    <p role="status" className="banner banner-busy">
      {t('shopBusy', { min: busy })}
    </p>
  );
}
