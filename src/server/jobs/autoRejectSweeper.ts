import type { Storage } from '../storage/types';
import type { PokeHub } from '../sync/pokeHub';
import { AUTO_REJECT_BATCH, rejectUnanswered } from './autoReject';
import { PeriodicJob, type JobLog } from './periodicJob';

/**
 * Every 30 s: a 5-minute setting is then kept to within a tenth of itself, and the query asks only
 * about shops with the setting on and an order older than it — cheap to repeat.
 */
export const AUTO_REJECT_INTERVAL_MS = 30_000;

export interface AutoRejectOptions {
  storage: Storage;
  hub: PokeHub;
  log: JobLog;
  intervalMs?: number;
  /** The clock; tests move it forward instead of waiting. */
  now?: () => Date;
  batch?: number;
  /** Told of each order it rejected, after commit: the customer's Web Push notification. */
  onRejected?: (orderId: string) => void;
}

/** Issue #17: the server's job that rejects orders nobody answered in the shop's set minutes. */
export class AutoRejectSweeper extends PeriodicJob {
  constructor(opts: AutoRejectOptions) {
    super({
      name: 'auto-reject sweep',
      work: (now, limit) => rejectUnanswered(opts.storage, opts.hub, now, { limit, log: opts.log }),
      log: opts.log,
      intervalMs: opts.intervalMs ?? AUTO_REJECT_INTERVAL_MS,
      batch: opts.batch ?? AUTO_REJECT_BATCH,
      now: opts.now,
      onEach: opts.onRejected,
    });
  }
}
