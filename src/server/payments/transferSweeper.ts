import { PeriodicJob } from '../jobs/periodicJob';
import type { Storage } from '../storage/types';
import type { PokeHub } from '../sync/pokeHub';
import { cancelLapsedTransfers, SWEEP_BATCH, type SweepLog } from './transferSweep';

/** A minute late is nothing to a deadline given in hours; sweeping more often only costs queries. */
export const SWEEP_INTERVAL_MS = 60_000;

export interface SweeperOptions {
  storage: Storage;
  hub: PokeHub;
  log: SweepLog;
  intervalMs?: number;
  /** The clock; tests move it forward instead of waiting a day. */
  now?: () => Date;
  batch?: number;
  /** Told of each order it cancelled, after commit: the customer's Web Push notification. */
  onCancelled?: (orderId: string) => void;
}

/**
 * Issue #16 (5): the server's periodic job that cancels unpaid transfer orders past their deadline.
 * The pacing (no overlap, backlog, stop waits for a sweep) is jobs/periodicJob's, shared with #17's
 * auto-reject.
 */
export class TransferSweeper extends PeriodicJob {
  constructor(opts: SweeperOptions) {
    super({
      name: 'transfer deadline sweep',
      work: (now, limit) => cancelLapsedTransfers(opts.storage, opts.hub, now, { limit, log: opts.log }),
      log: opts.log,
      intervalMs: opts.intervalMs ?? SWEEP_INTERVAL_MS,
      batch: opts.batch ?? SWEEP_BATCH,
      now: opts.now,
      onEach: opts.onCancelled,
    });
  }
}
