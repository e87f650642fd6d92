import { useEffect, useState } from 'react';
import { shopLocalDate } from '../../../domain/hours';

/** Long enough not to matter, short enough that the calendar turns over soon after midnight. */
const TICK_MS = 60_000;

/** Today's date in the shop's time zone, updated when the shop's day turns over. */
export function useShopToday(timeZone: string | undefined): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return timeZone ? shopLocalDate(new Date(now), timeZone) : null;
}
