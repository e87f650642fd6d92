import { useEffect, useState } from 'react';
import { observe, openClientDb, type ClientDb } from '../client/db';
import { SyncEngine } from '../client/syncEngine';
import { requestPersistentStorage, startSyncRunner, type SyncStatus } from '../client/syncRunner';
import { httpTransport, streamUrlOf, type SyncTarget } from '../client/transport';
import { getLang } from '../i18n';

export interface DeviceSync {
  db: ClientDb;
  status: SyncStatus;
  kick: () => void;
}

/**
 * Opens this device's database for one shop and keeps it in sync while the screen is open. `key`
 * names the database (one per shop and side), so a phone visiting two shops keeps them apart.
 */
export function useDeviceSync(key: string, target: SyncTarget | null): DeviceSync | null {
  const [state, setState] = useState<DeviceSync | null>(null);
  const targetKey = target ? JSON.stringify(target) : '';
  useEffect(() => {
    if (!target) return;
    const db = openClientDb(`dangol-${key}`);
    const engine = new SyncEngine(db, httpTransport(target, getLang), target.kind === 'shop');
    const runner = startSyncRunner(engine, {
      lockName: `dangol-sync-${key}`,
      streamUrl: streamUrlOf(target),
      deviceToken: target.kind === 'customer' ? target.deviceToken : undefined,
    });
    void requestPersistentStorage();
    const publish = () => setState({ db, status: runner.status(), kick: runner.kick });
    const unsubscribe = runner.subscribe(publish);
    publish();
    return () => {
      unsubscribe();
      runner.stop();
      db.close();
    };
    // `target` is described by targetKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, targetKey]);
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
    return observe(
      () => query(db),
      (v) => setValue({ db, key, value: v }),
    );
    // `query` is described by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  return value && value.db === db && value.key === key ? value.value : undefined;
}
