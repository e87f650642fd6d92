import { shopLocalDate } from '../../domain/hours';
import { addDays, type Schedule } from '../../domain/schedule';
import { NOW_WINDOW_MINUTES } from '../../domain/shopStatus';
import type { Queryable } from '../storage/types';

/** The start of the current kitchen window by the database's clock (domain/shopStatus nowWindowStart). */
export const NOW_WINDOW_SQL = `date_bin('${NOW_WINDOW_MINUTES} minutes', now(), timestamptz '2000-01-01 00:00:00+00')`;

/**
 * Slot use and quota use across the pre-order window, for the public menu. Two grouped scans over
 * the shop's active orders in the window (orders_shop_date_slot serves both); the server counts again,
 * under the shop's lock, when an order arrives.
 */
export async function loadTaken(db: Queryable, shopId: string, schedule: Schedule, now = new Date()) {
  const from = shopLocalDate(now, schedule.timeZone);
  const to = addDays(from, schedule.preorderDays);
  const slots = await db.query<{ key: string; n: number }>(
    `select date::text || ' ' || slot as key, count(*)::int as n from orders
      where shop_id = $1 and date between $2 and $3 and slot is not null
        and status not in ('rejected', 'cancelled')
      group by date, slot`,
    [shopId, from, to],
  );
  const items = await db.query<{ key: string; n: number }>(
    `select o.date::text || ' ' || (l->>'itemId') as key, sum((l->>'quantity')::int)::int as n
       from orders o cross join lateral jsonb_array_elements(o.lines) l
      where o.shop_id = $1 and o.date between $2 and $3 and o.status not in ('rejected', 'cancelled')
        and (l->>'itemId')::uuid in (select id from menu_items where shop_id = $1 and daily_quota is not null)
      group by o.date, l->>'itemId'`,
    [shopId, from, to],
  );
  const [window] = await db.query<{ from: Date; n: number }>(
    `select ${NOW_WINDOW_SQL} as from, count(o.id)::int as n from (select 1) one
       left join orders o on o.shop_id = $1 and o.slot is null and o.status not in ('rejected', 'cancelled')
        and o.created_at >= ${NOW_WINDOW_SQL}`,
    [shopId],
  );
  return {
    now: { from: window!.from.toISOString(), n: window!.n },
    slots: Object.fromEntries(slots.map((r) => [r.key, r.n])),
    items: Object.fromEntries(items.map((r) => [r.key, r.n])),
  };
}
