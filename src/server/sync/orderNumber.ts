import { shopLocalDate } from '../../domain/hours';
import type { Queryable } from '../storage/types';

/**
 * Gives a just-inserted order its number for the day: 1, 2, 3… per shop per shop-local day of
 * creation (issue #16, "23번"). The caller must hold the shop's lock (it bumped the shop's version,
 * S6): every writer of this shop's orders waits on that row lock, so under READ COMMITTED this
 * statement's snapshot sees every number given before it, and numbers are handed out one by one.
 * The unique index (migration 015) would turn any write around the lock into an error, never a
 * repeated number.
 *
 * The day is the shop's, not the server's: a Seoul shop's day turns over at midnight in Seoul even
 * when the server runs in UTC. Max + 1 (not a counter row) keeps restored backups right: their
 * numbers come with them and the next order continues after the highest.
 */
export async function assignOrderNumber(
  tx: Queryable,
  shopId: string,
  orderId: string,
  now: Date,
  timeZone: string,
): Promise<number> {
  const [row] = await tx.query<{ number: number }>(
    `update orders set number_day = $3::date,
            number = (select coalesce(max(number), 0) + 1 from orders where shop_id = $2 and number_day = $3::date)
      where id = $1 and shop_id = $2
      returning number`,
    [orderId, shopId, shopLocalDate(now, timeZone)],
  );
  if (!row) throw new Error(`order ${orderId} vanished before it was numbered`);
  return row.number;
}
