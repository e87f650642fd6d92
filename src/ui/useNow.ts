import { useEffect, useState } from 'react';

/** Screens that depend on the time (closing slots, expiring vouchers) re-render once a minute. */
const TICK_MS = 60_000;

export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
