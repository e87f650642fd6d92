import { useEffect, useState } from 'react';

/** Screens that depend on the time (closing slots, expiring vouchers) re-render once a minute. */
const TICK_MS = 60_000;

/** `everyMs`: a screen that must react sooner (the new-order alert's louder ring, #17) ticks faster. */
export function useNow(everyMs = TICK_MS): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
