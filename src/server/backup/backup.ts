import type { z } from 'zod/mini';
import { BACKUP_FORMAT, type ShopBackup } from '../../protocol/schemas';
import { PROTOCOL_VERSION } from '../../protocol/version';
import type { Queryable, Storage } from '../storage/types';
import { BACKUP_TABLES } from './tables';

export type Backup = z.output<typeof ShopBackup>;
type Row = Record<string, unknown>;

/** The highest migration this database has applied: a backup needs a database at least this new. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ v: number | null }>('select max(id) as v from schema_migrations');
  return row?.v ?? 0;
}

export async function existingTables(db: Queryable): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = current_schema()`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * The whole shop as one JSON document, read in one snapshot (repeatable read): the sync state, the
 * dedupe records and the orders they produced agree with each other, even while the shop is busy.
 * Built in memory: a small shop's years of orders are a few tens of megabytes at most.
 */
export async function backupShop(storage: Storage, shopId: string, now = new Date()): Promise<Backup> {
  return storage.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    const [shop] = await tx.query<{ row: Row }>('select to_jsonb(t) as row from shops t where t.id = $1', [
      shopId,
    ]);
    if (!shop) throw new Error(`shop ${shopId} vanished`);
    const present = await existingTables(tx);
    const tables: Record<string, Row[]> = {};
    for (const table of BACKUP_TABLES) {
      if (table.optional && !present.has(table.name)) continue;
      const rows = await tx.query<{ row: Row }>(
        `select to_jsonb(t) as row from ${table.name} t where ${table.where} order by ${table.orderBy}`,
        [shopId],
      );
      tables[table.name] = rows.map((r) => r.row);
    }
    const [vapid] = await tx.query<{ public_key: string }>('select public_key from vapid_keys');
    return {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: await schemaVersion(tx),
      exportedAt: now.toISOString(),
      // Browser push subscriptions work only with the key pair they were made for (see restore).
      vapidPublicKey: vapid?.public_key ?? null,
      shop: shop.row as Backup['shop'],
      tables,
    };
  });
}
