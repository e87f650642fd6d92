/**
 * What a shop's backup holds, table by table, in the order a restore inserts them (each after the
 * tables its foreign keys point at). A table is read with alias `t` and `$1` = the shop's id.
 *
 * Every table with a shop_id column must be listed here or in NOT_BACKED_UP (a test checks the
 * database against both), so a table added by a later migration cannot silently miss the backup.
 */
export interface BackupTable {
  name: string;
  where: string;
  orderBy: string;
  /** Left out when the database has no such table (a migration some installations do not have yet). */
  optional?: boolean;
}

const OF_SHOP = 't.shop_id = $1';

/**
 * Customer devices are not a shop's (one phone may order from several shops), so they are found
 * through what the shop holds of them: orders, chats, notification opt-ins and sync state. Their
 * secret is kept only as a digest, and it travels as such: a phone keeps its identity after a restore.
 */
const DEVICES_OF_SHOP = `t.id in (
  select device_id from orders where shop_id = $1 and device_id is not null
  union select device_id from messages where shop_id = $1
  union select device_id from push_subscriptions where shop_id = $1
  union select device_id from vouchers where shop_id = $1 and device_id is not null
  union select substr(owner, 8)::uuid from sync_clients where shop_id = $1 and owner like 'device:%'
)`;

export const BACKUP_TABLES: readonly BackupTable[] = [
  // The shop's current and former slugs: old QR posters keep leading to it after a restore.
  { name: 'shop_slugs', where: OF_SHOP, orderBy: 't.slug' },
  // With their password hashes (scrypt, salted): everyone signs in with the same password afterwards.
  { name: 'users', where: OF_SHOP, orderBy: 't.id' },
  { name: 'menu_categories', where: OF_SHOP, orderBy: 't.id' },
  { name: 'menu_items', where: OF_SHOP, orderBy: 't.id' },
  // Deleted items' tombstones: a tablet that synced before the restore still learns of a deletion.
  { name: 'menu_item_removals', where: OF_SHOP, orderBy: 't.version, t.item_id' },
  // The photos' bytes (JPEG/WebP, 300 KB at most each) travel as hex text: the items' /uploads/<id>
  // links keep working after a restore.
  { name: 'menu_photos', where: OF_SHOP, orderBy: 't.id', optional: true },
  { name: 'devices', where: DEVICES_OF_SHOP, orderBy: 't.id' },
  // Every column, version and share-link hash included: a pull cursor and a share link stay valid.
  { name: 'orders', where: OF_SHOP, orderBy: 't.version, t.id' },
  { name: 'messages', where: OF_SHOP, orderBy: 't.version, t.id' },
  // S3/S4: each client's last_seq and every dedupe record, so a phone or tablet that synced before
  // keeps syncing exactly once: a replay still gets its stored answer, the next seq is still next.
  { name: 'sync_clients', where: OF_SHOP, orderBy: 't.client_id' },
  { name: 'mutations', where: OF_SHOP, orderBy: 't.client_id, t.seq' },
  { name: 'push_subscriptions', where: OF_SHOP, orderBy: 't.id' },
  // Gift vouchers with their signed tokens and balances, then every redemption (issue #7).
  { name: 'vouchers', where: OF_SHOP, orderBy: 't.version, t.id' },
  { name: 'voucher_redemptions', where: OF_SHOP, orderBy: 't.version, t.id' },
];

/** Tables that carry a shop_id but are left out of a backup on purpose, and why. */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  sessions: 'sign-ins belong to one installation; everyone signs in again after a restore',
  invites: 'one-time links valid for 72 hours; the owner makes new ones',
  known_devices:
    'browsers that signed in before belong to one installation; each becomes known again at its next sign-in',
  shop_signing_keys:
    'the voucher signing key never leaves the server; after a restore a new key signs new vouchers, and old ones are still found by their code',
};
