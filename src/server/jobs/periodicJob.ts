/**
 * The server's periodic jobs (#16 transfer deadlines, #17 auto-reject) share one shape: every so often,
 * look for orders whose time has passed and change each the way every status change is made. This is
 * that "every so often", written once. Runs never overlap: the next is scheduled only when the last has
 * finished (a slow database delays it rather than piling runs up). The first runs soon after start, so
 * what came due while the server was down is dealt with. stop() waits for a run in progress, so the app
 * closes only once nothing of it still uses the database.
 */

/** After a full batch there may be more due: the next run comes at once, not a whole interval later. */
const BACKLOG_DELAY_MS = 1_000;

export interface JobLog {
  warn(obj: object, msg: string): void;
}

export interface PeriodicJobOptions {
  /** One run at `now`, changing at most `limit` orders; returns the ids it changed (committed). */
  work: (now: Date, limit: number) => Promise<string[]>;
  /** For the log line when a run fails. */
  name: string;
  log: JobLog;
  intervalMs: number;
  batch: number;
  /** The clock; tests move it forward instead of waiting. */
  now?: () => Date;
  /** Told of each id a run changed, after commit (the customer's Web Push notification). */
  onEach?: (id: string) => void;
}

export class PeriodicJob {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<string[]> | null = null;
  private stopped = false;

  constructor(private readonly job: PeriodicJobOptions) {}

  start(firstDelayMs = BACKLOG_DELAY_MS): void {
    if (!this.stopped) this.schedule(firstDelayMs);
  }

  /** One run now, or the one already under way: never two at once. */
  sweep(): Promise<string[]> {
    if (this.running) return this.running;
    const { work, log, name, batch } = this.job;
    const now = (this.job.now ?? (() => new Date()))();
    this.running = work(now, batch)
      .then((done) => {
        for (const id of done) this.job.onEach?.(id);
        return done;
      })
      .catch((err: unknown) => {
        // The database away for a moment: the next run tries again.
        log.warn({ err }, `${name} failed`);
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

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sweep().then((done) => {
        if (this.stopped) return;
        this.schedule(done.length >= this.job.batch ? BACKLOG_DELAY_MS : this.job.intervalMs);
      });
    }, delayMs);
    // Never the reason a process stays alive.
    this.timer.unref?.();
  }
}
