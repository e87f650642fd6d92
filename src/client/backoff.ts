/**
 * The longest wait between failed attempts to reach the server, before jitter. Short on purpose:
 * the outage drill has to see every device converge within 10 s of the server's return, and each
 * device learns of the return only at its next attempt. A 60 s cap left tablets on queued changes for
 * 16 s; a 6 s cap (up to 9 s with jitter) still let a phone miss by 0.9 s on a loaded CI machine. At
 * 4 s the worst wait is 6 s, leaving room to reload and sync. Asking a server that is down costs it
 * nothing (the connection is refused before it does any work).
 */
export const RETRY_CAP_MS = 4_000;

/**
 * The wait before attempt `failures + 1`: 0.5 s doubling to RETRY_CAP_MS, times 0.5–1.5 so a shop's
 * devices and its customers' phones do not all come back in the same instant.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_CAP_MS, 500 * 2 ** Math.min(Math.max(failures - 1, 0), 6));
  return base * (0.5 + random());
}
