import { nextStatus, ORDER_STATUSES, type Fulfilment, type OrderStatus } from '../../domain/order';
import { TRANSFER_DEADLINE_REASON, transferMayLapse } from '../../domain/transferDeadline';
import { bumpShopVersion } from '../shops/queries';
import type { Queryable, Storage } from '../storage/types';
import type { PokeHub } from '../sync/pokeHub';
import { changeEach, NothingToChange } from '../jobs/changeEach';
import type { JobLog } from '../jobs/periodicJob';

/** At most this many cancellations per sweep: one sweep never holds the database for long. */
export const SWEEP_BATCH = 100;

/**
 * Cancels one order whose transfer is overdue, the way every status change is made (S6, S10): the
 * shop's lock and next version first, then the order's row, re-checked under the lock — a markPaid
 * or a tablet's cancel that committed first wins, and this sweep then changes nothing. Returns the
 * version and the placing device, for the poke.
 */
async function cancelOne(
  tx: Queryable,
  shopId: string,
  orderId: string,
  now: Date,
): Promise<{ version: number; deviceId: string | null }> {
  const version = await bumpShopVersion(tx, shopId);
  const [o] = await tx.query<{
    status: OrderStatus;
    fulfilment: Fulfilment;
    slot: string | null;
    device_id: string | null;
    overdue: boolean;
  }>(
    `select status, fulfilment, slot, device_id,
            (payment = 'bank_transfer' and paid_at is null and pay_by <= $3::timestamptz) as overdue
       from orders where id = $1 and shop_id = $2 for update`,
    [orderId, shopId, now.toISOString()],
  );
  if (!o || !o.overdue || !transferMayLapse(o.status)) throw new NothingToChange();
  // The state machine's own arrow: the server cancels only where anyone may (S10).
  const next = nextStatus(o, 'cancel');
  if (!next) throw new NothingToChange();
  await tx.query('update orders set status = $2, version = $3, cancel_reason = $4 where id = $1', [
    orderId,
    next,
    version,
    TRANSFER_DEADLINE_REASON,
  ]);
  return { version, deviceId: o.device_id };
}

export type SweepLog = JobLog;

/**
 * One sweep: every open, unpaid transfer order past its deadline (up to `limit`, oldest deadline
 * first) is cancelled in a transaction of its own, then its customer's device and the shop are poked
 * (S8) so both pull the cancellation and its reason. Returns the ids it cancelled.
 */
export async function cancelLapsedTransfers(
  storage: Storage,
  hub: PokeHub,
  now: Date,
  opts: { limit?: number; log?: SweepLog } = {},
): Promise<string[]> {
  const open = ORDER_STATUSES.filter(transferMayLapse);
  const due = await storage.query<{ id: string; shop_id: string }>(
    `select id, shop_id from orders
      where pay_by <= $1::timestamptz and paid_at is null and payment = 'bank_transfer'
        and status = any($2::text[])
      order by pay_by limit $3`,
    [now.toISOString(), open, opts.limit ?? SWEEP_BATCH],
  );
  const list = due.map((o) => ({ id: o.id, shopId: o.shop_id }));
  return changeEach(
    storage,
    hub,
    list,
    (tx, shopId, id) => cancelOne(tx, shopId, id, now),
    opts.log,
    'could not cancel an overdue transfer order',
  );
}
