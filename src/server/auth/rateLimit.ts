import type { RateLimit } from '../config';
import { ApiError } from '../http/errors';
import type { Queryable } from '../storage/types';

/**
 * Fixed-window counters kept in the database, so every server process behind a load balancer
 * counts the same attempts.
 */
export async function hit(
  db: Queryable,
  key: string,
  limit: RateLimit,
): Promise<{ over: boolean; retryAfterSec: number }> {
  const [row] = await db.query<{ hits: number; retry: number }>(
    `insert into rate_limits (key, window_start, hits) values ($1, now(), 1)
     on conflict (key) do update set
       hits = case when rate_limits.window_start < now() - make_interval(secs => $2) then 1 else rate_limits.hits + 1 end,
       window_start = case when rate_limits.window_start < now() - make_interval(secs => $2) then now() else rate_limits.window_start end
     returning hits, ceil(extract(epoch from window_start + make_interval(secs => $2) - now()))::int as retry`,
    [key, limit.windowSec],
  );
  return { over: (row?.hits ?? 0) > limit.max, retryAfterSec: Math.max(1, row?.retry ?? 1) };
}

/** Counts this attempt and refuses it when the key is over its limit. */
export async function enforce(db: Queryable, key: string, limit: RateLimit): Promise<void> {
  const { over, retryAfterSec } = await hit(db, key, limit);
  if (over) throw new ApiError(429, 'rate_limited', undefined, retryAfterSec);
}

/** Refuses when the key is already over its limit, without counting this attempt. */
export async function check(db: Queryable, key: string, limit: RateLimit): Promise<void> {
  const [row] = await db.query<{ hits: number; retry: number }>(
    `select hits, ceil(extract(epoch from window_start + make_interval(secs => $2) - now()))::int as retry
       from rate_limits where key = $1 and window_start >= now() - make_interval(secs => $2)`,
    [key, limit.windowSec],
  );
  if (row && row.hits >= limit.max)
    throw new ApiError(429, 'rate_limited', undefined, Math.max(1, row.retry));
}

/**
 * Per-account backoff (issue #15). Failures against the account, from any address, count in `key`
 * (a fixed window of `limit.windowSec`); `${key}:last` remembers when the newest one was. Once there
 * are `limit.max` failures, an attempt must wait 2, 4, 8 … seconds (at most `capSec`) after the newest
 * failure. An attacker rotating addresses gets one guess per wait; the owner, from an address that
 * guessed nothing, is held up for at most `capSec`, and on a known device not at all.
 */
export async function backoff(db: Queryable, key: string, limit: RateLimit, capSec: number): Promise<void> {
  const [row] = await db.query<{ retry: number }>(
    `select ceil(extract(epoch from l.window_start
              + make_interval(secs => least($3::float8, power(2, a.hits - $2 + 1)::float8)) - now()))::int as retry
       from rate_limits a join rate_limits l on l.key = a.key || ':last'
      where a.key = $1 and a.hits >= $2 and a.window_start >= now() - make_interval(secs => $4)`,
    [key, limit.max, capSec, limit.windowSec],
  );
  if (row && row.retry > 0) throw new ApiError(429, 'rate_limited', undefined, row.retry);
}

/** Counts a failure against the account and stamps its time, for `backoff`. */
export async function recordFailure(db: Queryable, key: string, limit: RateLimit): Promise<void> {
  await hit(db, key, limit);
  await db.query(
    `insert into rate_limits (key, window_start, hits) values ($1, now(), 1)
     on conflict (key) do update set window_start = now(), hits = rate_limits.hits + 1`,
    [`${key}:last`],
  );
}

export async function reset(db: Queryable, key: string): Promise<void> {
  await db.query('delete from rate_limits where key = $1', [key]);
}

/** Old windows are useless; dropping them keeps the table small. */
export async function sweep(db: Queryable): Promise<void> {
  await db.query(`delete from rate_limits where window_start < now() - interval '1 day'`);
}
