import { isShopAway } from '../../domain/presence';
import type { Schedule } from '../../domain/schedule';
import type { Queryable } from '../storage/types';

/**
 * Notes that a shop device pulled (issue #17). Written at most once a minute per shop: a pull that
 * comes sooner matches no row and writes nothing, so the 30–60 s pulls of every tablet stay cheap.
 */
export async function markShopSeen(db: Queryable, shopId: string, now = new Date()): Promise<void> {
  await db.query(
    `update shops set shop_seen_at = $2::timestamptz
      where id = $1 and shop_seen_at <= $2::timestamptz - interval '1 minute'`,
    [shopId, now.toISOString()],
  );
}

/** Whether the shop's customers should be told it may confirm late (domain/presence.ts has the rule). */
export async function loadShopAway(
  db: Queryable,
  shopId: string,
  schedule: Pick<Schedule, 'timeZone' | 'hours' | 'closedDates'>,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db.query<{ shop_seen_at: Date | string }>(
    'select shop_seen_at from shops where id = $1',
    [shopId],
  );
  return row ? isShopAway(now, new Date(row.shop_seen_at), schedule) : false;
}
