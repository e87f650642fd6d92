import { openClientDb } from '../client/db';
import { SyncEngine } from '../client/syncEngine';
import { requestPersistentStorage, startSyncRunner } from '../client/syncRunner';
import { httpTransport, streamUrlOf, type SyncTarget } from '../client/transport';
import { getLang } from '../i18n';
import { deviceDbName, type DeviceSync } from './useDeviceSync';

/**
 * The device stack for one shop — its database, sync engine and runner — in a chunk of its own
 * (Dexie is most of it), loaded by useDeviceSync only when a screen needs it. Returns the stop.
 */
export function startDeviceSync(
  key: string,
  target: SyncTarget,
  publish: (sync: DeviceSync) => void,
): () => void {
  const db = openClientDb(deviceDbName(key));
  const engine = new SyncEngine(db, httpTransport(target, getLang), target.kind === 'shop');
  const runner = startSyncRunner(engine, {
    lockName: `dangol-sync-${key}`,
    streamUrl: streamUrlOf(target),
    deviceToken: target.kind === 'customer' ? target.deviceToken : undefined,
  });
  void requestPersistentStorage();
  const update = () => publish({ db, status: runner.status.getState(), kick: runner.kick });
  const unsubscribe = runner.status.subscribe(update);
  update();
  return () => {
    unsubscribe();
    runner.stop();
    db.close();
  };
}
