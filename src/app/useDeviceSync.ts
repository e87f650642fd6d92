import { useEffect, useState } from 'react';
import type { ClientDb } from '../client/db';
import type { SyncStatus } from '../client/syncRunner';
import type { SyncTarget } from '../client/transport';

export interface DeviceSync {
  db: ClientDb;
  status: SyncStatus;
  kick: () => void;
}

/** One database per shop and side, so a phone visiting two shops keeps them apart. */
export const deviceDbName = (key: string) => `dangol-${key}`;

/**
 * Whether this device already keeps a database for `key` (it has ordered or chatted here). Where
 * the browser cannot list its databases, assume so: opening one costs bytes, missing one hides orders.
 */
export async function hasDeviceDb(key: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  const name = deviceDbName(key);
  return indexedDB.databases().then(
    (list) => list.some((d) => d.name === name),
    () => true,
  );
}

/**
 * Opens this device's database for one shop and keeps it in sync while the screen is open, once
 * `wanted`. The device stack loads on demand (./deviceSync), so a customer who only browses the menu
 * never downloads it. If that chunk cannot load (offline before the app was ever cached), the
 * nearest error boundary says so rather than the screen waiting forever.
 */
export function useDeviceSync(key: string, target: SyncTarget | null, wanted = true): DeviceSync | null {
  const [state, setState] = useState<DeviceSync | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  if (failure) throw failure;
  const targetKey = target ? JSON.stringify(target) : '';
  useEffect(() => {
    if (!target || !wanted) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    import('./deviceSync').then(
      (m) => {
        if (!cancelled) stop = m.startDeviceSync(key, target, setState);
      },
      (err: unknown) => {
        if (!cancelled) setFailure(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => {
      cancelled = true;
      stop?.();
    };
    // `target` is described by targetKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, targetKey, wanted]);
  return state;
}

/** A live query: re-renders with fresh results whenever the tables it reads change. */
export function useLive<T>(
  db: ClientDb | undefined,
  query: (db: ClientDb) => Promise<T>,
  key = '',
): T | undefined {
  const [value, setValue] = useState<{ db: ClientDb; key: string; value: T } | undefined>(undefined);
  useEffect(() => {
    if (!db) return;
    return db.observe(
      () => query(db),
      (v) => setValue({ db, key, value: v }),
    );
    // `query` is described by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  return value && value.db === db && value.key === key ? value.value : undefined;
}
