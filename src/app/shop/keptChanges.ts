import { openClientDb } from '../../client/db';
import { pendingSummary } from '../../client/outbox';
import { deviceDbName } from '../useDeviceSync';
import { downloadUnsynced } from '../unsyncedFile';

/**
 * What a signed-out tablet still holds for its shop: the outbox and the changes set aside stay in the
 * device's database after any sign-out (issue #17), so the sign-in form can say so and offer them as
 * a file. Loaded on demand with Dexie, like the console's own database.
 */
export async function keptChangesOf(shopId: string): Promise<{ count: number; setAside: number }> {
  const db = openClientDb(deviceDbName(`shop-${shopId}`));
  try {
    const { count, setAside } = await pendingSummary(db);
    return { count, setAside };
  } finally {
    db.close();
  }
}

export async function saveKeptChanges(shopId: string): Promise<void> {
  const db = openClientDb(deviceDbName(`shop-${shopId}`));
  try {
    await downloadUnsynced(db);
  } finally {
    db.close();
  }
}
