import { retryDelayMs } from './backoff';
import { openPokeStream } from './pokeStream';
import type { SyncEngine } from './syncEngine';
import { createSyncStatus, type SyncStatus } from './syncStatus';
import type { ReadableStore } from '../ui/store';

export type { SyncStatus };

export interface SyncRunner {
  /** Sync soon (after a local write, a poke, coming online…). Calls coalesce. */
  kick(): void;
  stop(): void;
  status: ReadableStore<SyncStatus>;
}

export interface RunnerOptions {
  /** One leader per database across tabs (Web Locks). */
  lockName: string;
  streamUrl?: string;
  deviceToken?: string;
  /** Pull at least this often even without pokes (S8: 30–60 s, jittered). */
  intervalMs?: [number, number];
}

/**
 * Decides when to sync: on start, after local writes, on pokes, on `online` and on becoming visible,
 * and on a jittered timer, and the moment the poke stream reconnects (the server is back). Failures
 * back off (retryDelayMs). Only the leader tab runs; the others see
 * changes through live queries.
 */
export function startSyncRunner(engine: SyncEngine, opts: RunnerOptions): SyncRunner {
  const [minInterval, maxInterval] = opts.intervalMs ?? [30_000, 60_000];
  const status = createSyncStatus();
  let wanted = false;
  let failures = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let intervalTimer: ReturnType<typeof setTimeout> | undefined;
  const cleanups: (() => void)[] = [];
  let releaseLock: (() => void) | undefined;

  async function run() {
    if (status.getState().syncing || stopped || !status.getState().leader) return;
    status.syncing(true);
    while (wanted && !stopped) {
      wanted = false;
      try {
        await engine.syncOnce();
        failures = 0;
        status.synced(Date.now());
      } catch {
        failures++;
        status.failed();
        const delay = retryDelayMs(failures);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(kick, delay);
        break;
      }
    }
    status.syncing(false);
  }

  function kick() {
    wanted = true;
    void run();
  }

  function scheduleInterval() {
    intervalTimer = setTimeout(
      () => {
        kick();
        scheduleInterval();
      },
      minInterval + Math.random() * (maxInterval - minInterval),
    );
  }

  function lead() {
    if (stopped) return;
    status.leading(true);
    const onVisible = () => document.visibilityState === 'visible' && kick();
    window.addEventListener('online', kick);
    document.addEventListener('visibilitychange', onVisible);
    cleanups.push(() => {
      window.removeEventListener('online', kick);
      document.removeEventListener('visibilitychange', onVisible);
    });
    // Writes from other tabs land in the shared outbox; the leader notices and sends them.
    let seen = -1;
    cleanups.push(
      engine.db.observe(
        () => engine.db.outbox.count(),
        (n) => {
          if (n > seen) kick();
          seen = n;
        },
      ),
    );
    if (opts.streamUrl) {
      cleanups.push(
        openPokeStream(opts.streamUrl, {
          deviceToken: opts.deviceToken,
          // Connected means the server is reachable again: send what waits now, not at the next retry.
          onState: (connected) => connected && kick(),
          onPoke: async (version) => {
            const cursor = (await engine.db.getMeta<number>('cursor')) ?? 0;
            if (version > cursor) kick();
          },
        }),
      );
    }
    scheduleInterval();
    kick();
  }

  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) {
    void locks.request(
      opts.lockName,
      () => new Promise<void>((resolve) => ((releaseLock = resolve), lead())),
    );
  } else {
    lead();
  }

  return {
    kick,
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(intervalTimer);
      cleanups.splice(0).forEach((c) => c());
      releaseLock?.();
      status.leading(false);
    },
    status,
  };
}

/** Asks the browser not to evict this device's data under storage pressure (Safari clears after 7 idle days). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
