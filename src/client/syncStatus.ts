import { createStore, type ReadableStore } from '../ui/store';

export interface SyncStatus {
  /** The last attempt reached the server. */
  online: boolean;
  syncing: boolean;
  /** This tab is the one talking to the server (S9). */
  leader: boolean;
  lastSyncedAt: number | null;
}

/** One sync runner's status and the steps that change it; the runner decides when each happens. */
export interface SyncStatusStore extends ReadableStore<SyncStatus> {
  /** This tab holds the lock and talks to the server (S9), or has stopped doing so. */
  leading(leader: boolean): void;
  /** A round of syncing begins or ends. */
  syncing(syncing: boolean): void;
  /** A round reached the server at `at` (ms). */
  synced(at: number): void;
  /** A round failed: the server is out of reach until the next success. */
  failed(): void;
}

/** Online until a round fails: a device that has not tried yet says nothing alarming. */
export function createSyncStatus(): SyncStatusStore {
  const store = createStore<SyncStatus>(() => ({
    online: true,
    syncing: false,
    leader: false,
    lastSyncedAt: null,
  }));
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    leading: (leader) => store.setState({ leader }),
    syncing: (syncing) => store.setState({ syncing }),
    synced: (at) => store.setState({ online: true, lastSyncedAt: at }),
    failed: () => store.setState({ online: false }),
  };
}
