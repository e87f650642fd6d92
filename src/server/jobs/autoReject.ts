import type { WeeklyHours } from '../../domain/hours';
import { nextStatus, type Fulfilment, type OrderStatus } from '../../domain/order';
import { AUTO_REJECT_REASON, autoRejectPlacedBy } from '../../domain/orderAlerts';
import { bumpShopVersion } from '../shops/queries';
import type { Queryable, Storage } from '../storage/types';
import type { PokeHub } from '../sync/pokeHub';
import { changeEach, NothingToChange } from './changeEach';
import type { JobLog } from './periodicJob';

/** At most this many rejections per run: one run never holds the database for long. */
export const AUTO_REJECT_BATCH = 100;

interface ShopRule {
  time_zone: string;
  hours: WeeklyHours;
  closed_dates: string[];
  minutes: number;
}

const RULE_COLUMNS = 'time_zone, hours, closed_dates, auto_reject_minutes as minutes';

/** The latest placing time due now under the shop's own setting and hours (domain/orderAlerts). */
const placedBy = (now: Date, s: ShopRule) =>
  autoRejectPlacedBy(now, s.minutes, { timeZone: s.time_zone, hours: s.hours, closedDates: s.closed_dates });

/**
 * Rejects one unanswered order the way every status change is made (S6, S10): the shop's lock and
 * next version first, then the rule and the order re-read under that lock — an accept that committed
 * first, or the owner switching the setting off, wins and this run changes nothing.
 */
async function rejectOne(
  tx: Queryable,
  shopId: string,
  orderId: string,
  now: Date,
): Promise<{ version: number; deviceId: string | null }> {
  const version = await bumpShopVersion(tx, shopId);
  const [rule] = await tx.query<ShopRule>(`select ${RULE_COLUMNS} from shops where id = $1`, [shopId]);
  const by = rule && placedBy(now, rule);
  if (!by) throw new NothingToChange();
  const [o] = await tx.query<{
    status: OrderStatus;
    fulfilment: Fulfilment;
    slot: string | null;
    device_id: string | null;
    due: boolean;
  }>(
    `select status, fulfilment, slot, device_id, created_at <= $3::timestamptz as due
       from orders where id = $1 and shop_id = $2 for update`,
    [orderId, shopId, by.toISOString()],
  );
  if (!o || !o.due || o.status !== 'placed' || !o.device_id) throw new NothingToChange();
  // The state machine's own arrow: the server rejects only where the shop itself could (S10).
  const next = nextStatus(o, 'reject');
  if (!next) throw new NothingToChange();
  // No reject_reason: that is the shop's own typed words. The code says why, in the reader's language.
  await tx.query('update orders set status = $2, version = $3, cancel_reason = $4 where id = $1', [
    orderId,
    next,
    version,
    AUTO_REJECT_REASON,
  ]);
  return { version, deviceId: o.device_id };
}

/**
 * One run of issue #17's auto-reject: in every shop that has it on and is open, each order from a
 * customer's device still 'placed' after the shop's minutes of opening time (up to `limit`, oldest
 * first) is rejected in a transaction of its own, then the customer's device and the shop are poked
 * (S8) so both pull the rejection and its reason. Phone orders the shop typed in are never rejected:
 * the shop has seen those. Returns the ids it rejected.
 */
export async function rejectUnanswered(
  storage: Storage,
  hub: PokeHub,
  now: Date,
  opts: { limit?: number; log?: JobLog } = {},
): Promise<string[]> {
  const limit = opts.limit ?? AUTO_REJECT_BATCH;
  // Shops with the setting on and an order older than it; whether the hours allow it is asked below.
  const shops = await storage.query<ShopRule & { id: string }>(
    `select id, ${RULE_COLUMNS} from shops s
      where auto_reject_minutes > 0
        and exists (select 1 from orders o
                     where o.shop_id = s.id and o.status = 'placed' and o.device_id is not null
                       and o.created_at <= $1::timestamptz - make_interval(mins => s.auto_reject_minutes))`,
    [now.toISOString()],
  );
  const due: { id: string; shopId: string }[] = [];
  for (const shop of shops) {
    const by = placedBy(now, shop);
    if (!by || due.length >= limit) continue;
    const rows = await storage.query<{ id: string }>(
      `select id from orders
        where shop_id = $1 and status = 'placed' and device_id is not null and created_at <= $2::timestamptz
        order by created_at limit $3`,
      [shop.id, by.toISOString(), limit - due.length],
    );
    due.push(...rows.map((r) => ({ id: r.id, shopId: shop.id })));
  }
  return changeEach(
    storage,
    hub,
    due,
    (tx, shopId, id) => rejectOne(tx, shopId, id, now),
    opts.log,
    'could not auto-reject an unanswered order',
  );
}
