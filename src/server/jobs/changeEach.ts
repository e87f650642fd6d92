import type { PokeHub } from '../sync/pokeHub';
import type { Queryable, Storage } from '../storage/types';
import type { JobLog } from './periodicJob';

/**
 * Thrown inside a change's transaction when, under the shop's lock, there is nothing left to do (a
 * tablet answered first, the customer paid): the transaction rolls back its version bump.
 */
export class NothingToChange extends Error {}

/**
 * A server-made status change for each of `due` (the transfer deadline, the auto-reject), each in a
 * transaction of its own, then the customer's device and the shop are poked (S8) — after commit
 * only, since a poke for a rolled-back change would send devices after nothing. One order that
 * cannot be changed never keeps the others waiting: it is logged and the next run retries it.
 * Returns the ids changed.
 */
export async function changeEach(
  storage: Storage,
  hub: PokeHub,
  due: readonly { id: string; shopId: string }[],
  change: (
    tx: Queryable,
    shopId: string,
    orderId: string,
  ) => Promise<{ version: number; deviceId: string | null }>,
  log: { warn: JobLog['warn'] } | undefined,
  failure: string,
): Promise<string[]> {
  const changed: string[] = [];
  for (const { id, shopId } of due) {
    try {
      const done = await storage.transaction((tx) => change(tx, shopId, id));
      hub.publish({
        shopId,
        version: done.version,
        deviceIds: done.deviceId ? [done.deviceId] : [],
        public: false,
      });
      changed.push(id);
    } catch (err) {
      if (err instanceof NothingToChange) continue;
      log?.warn({ err, orderId: id }, failure);
    }
  }
  return changed;
}
