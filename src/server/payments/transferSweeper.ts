import type { Storage } from '../storage/types';
import type { PokeHub } from '../sync/pokeHub';
import { cancelLapsedTransfers, SWEEP_BATCH, type SweepLog } from './transferSweep';

/** A minute late is nothing to a deadline given in hours; sweeping more often only costs queries. */
export const SWEEP_INTERVAL_MS = 60_000;
/** After a full batch there may be more overdue orders: the next sweep comes at once, not in a minute. */
const BACKLOG_DELAY_MS = 1_000;

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
 * Sweeps never overlap: the next is scheduled only when the last has finished (a slow database
 * delays it rather than piling sweeps up). The first runs soon after start, so deadlines that passed
 * while the server was down are dealt with. stop() waits for a sweep in progress, so the app closes
 * only once nothing of it still uses the database.
 */
export class TransferSweeper {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<string[]> | null = null;
  private stopped = false;

  constructor(private readonly opts: SweeperOptions) {}

  start(firstDelayMs = BACKLOG_DELAY_MS): void {
    if (!this.stopped) this.schedule(firstDelayMs);
  }

  /** One sweep now, or the one already under way: never two at once. */
  sweep(): Promise<string[]> {
    if (this.running) return this.running;
    const { storage, hub, log } = this.opts;
    const now = (this.opts.now ?? (() => new Date()))();
    this.running = cancelLapsedTransfers(storage, hub, now, { limit: this.batch, log })
      .then((cancelled) => {
        for (const id of cancelled) this.opts.onCancelled?.(id);
        return cancelled;
      })
      .catch((err: unknown) => {
        // The database away for a moment: the next sweep tries again.
        log.warn({ err }, 'transfer deadline sweep failed');
        return [];
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private get batch(): number {
    return this.opts.batch ?? SWEEP_BATCH;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sweep().then((cancelled) => {
        if (this.stopped) return;
        const full = cancelled.length >= this.batch;
        this.schedule(full ? BACKLOG_DELAY_MS : (this.opts.intervalMs ?? SWEEP_INTERVAL_MS));
      });
    }, delayMs);
    // Never the reason a process stays alive.
    this.timer.unref?.();
  }
}
