import type { ClientDb } from '../client/db';
import { unsyncedChanges } from '../client/outbox';
import { saveFile } from '../ui/saveFile';

/** Saves what this device has not yet sent as a file: a copy to keep, or to hand to the shop. */
export async function downloadUnsynced(db: ClientDb): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '');
  saveFile(
    `dangol-unsynced-${stamp}.json`,
    JSON.stringify(await unsyncedChanges(db), null, 2),
    'application/json',
  );
}
