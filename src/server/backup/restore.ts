import { z } from 'zod/mini';
import { ShopBackup } from '../../protocol/schemas';
import { UniqueViolation, type Queryable, type Storage } from '../storage/types';
import { existingTables, schemaVersion, type Backup } from './backup';
import { BACKUP_TABLES } from './tables';

/** A backup this installation will not take; the message says why, for the person at the terminal. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreSummary {
  shop: { id: string; slug: string; name: string; version: number };
  /** Rows written per table, in insertion order. */
  rows: Record<string, number>;
  /** Rows left out per table, with the reason. */
  skipped: { table: string; rows: number; reason: string }[];
}

type Row = Record<string, unknown>;

/** zod/mini carries no wording of its own ("Invalid input"): a refused backup says what is wrong, in English. */
const english = z.locales.en();

/** Reads and checks a backup file's text; any fault is a RestoreRefused naming where it is. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new RestoreRefused(`The file is not valid JSON (${(err as Error).message}); it may be cut short.`);
  }
  const parsed = ShopBackup.safeParse(json, { error: english.localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new RestoreRefused(`This is not a Dangol shop backup, or it is damaged:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

interface Columns {
  all: Set<string>;
  /** NOT NULL without a default: a row missing one could not be written. */
  required: string[];
}

async function columnsOf(db: Queryable, table: string): Promise<Columns> {
  const rows = await db.query<{ name: string; nullable: string; dflt: string | null }>(
    `select column_name as name, is_nullable as nullable, column_default as dflt
       from information_schema.columns where table_schema = current_schema() and table_name = $1`,
    [table],
  );
  return {
    all: new Set(rows.map((r) => r.name)),
    required: rows.filter((r) => r.nullable === 'NO' && r.dflt === null).map((r) => r.name),
  };
}

/** Every row fits its table here: no column this database lacks, none it needs missing or null. */
function checkRows(table: string, rows: readonly Row[], cols: Columns): void {
  rows.forEach((row, i) => {
    const unknown = Object.keys(row).find((k) => !cols.all.has(k));
    if (unknown !== undefined)
      throw new RestoreRefused(`${table}, row ${i + 1}: column "${unknown}" does not exist here.`);
    const missing = cols.required.find((c) => row[c] === undefined || row[c] === null);
    if (missing !== undefined) throw new RestoreRefused(`${table}, row ${i + 1}: "${missing}" is missing.`);
  });
}

/** Big tables go in slices: one statement's parameter stays a few megabytes at most. */
const SLICE = 500;

async function insertRows(
  tx: Queryable,
  table: string,
  rows: readonly Row[],
  onConflict = '',
): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += SLICE) {
    // jsonb_populate_recordset types each value by the table's own columns; `table` is one of ours.
    const out = await tx.query(
      `insert into ${table} select * from jsonb_populate_recordset(null::${table}, $1::jsonb) ${onConflict} returning 1`,
      [JSON.stringify(rows.slice(i, i + SLICE))],
    );
    written += out.length;
  }
  return written;
}

/**
 * Writes a backed-up shop into this installation, ids and versions as they were, in one
 * transaction: all of it or nothing. Refused when the shop (its id, or any slug it ever had) is
 * already here, or when the backup comes from a newer database schema than this one.
 */
export async function restoreShop(storage: Storage, backup: Backup): Promise<RestoreSummary> {
  const known = new Map(BACKUP_TABLES.map((t) => [t.name, t]));
  const unknown = Object.keys(backup.tables).find((t) => !known.has(t));
  if (unknown !== undefined)
    throw new RestoreRefused(
      `The backup holds a table this version does not know ("${unknown}"). Update Dangol first.`,
    );
  const here = await schemaVersion(storage);
  if (backup.schemaVersion > here)
    throw new RestoreRefused(
      `The backup was made by a newer Dangol (database schema ${backup.schemaVersion}, here ${here}). Update this installation first.`,
    );
  const present = await existingTables(storage);
  const shopCols = await columnsOf(storage, 'shops');
  checkRows('shops', [backup.shop], shopCols);
  const plan: { name: string; rows: Row[] }[] = [];
  for (const table of BACKUP_TABLES) {
    const rows = (backup.tables[table.name] ?? []) as Row[];
    if (!present.has(table.name)) {
      if (rows.length) throw new RestoreRefused(`The table "${table.name}" does not exist here.`);
      continue;
    }
    checkRows(table.name, rows, await columnsOf(storage, table.name));
    plan.push({ name: table.name, rows });
  }

  const shop = backup.shop;
  const slugs = [shop.slug, ...((backup.tables.shop_slugs ?? []) as Row[]).map((r) => String(r.slug))];
  const [vapid] = await storage.query<{ public_key: string }>('select public_key from vapid_keys');
  const samePushKey = vapid !== undefined && vapid.public_key === backup.vapidPublicKey;

  try {
    return await storage.transaction(async (tx) => {
      const [taken] = await tx.query<{ what: string }>(
        `select 'id' as what from shops where id = $1
         union all select 'slug "' || slug || '"' from shop_slugs where slug = any($2::text[])
         union all select 'slug "' || slug || '"' from shops where slug = any($2::text[])
         limit 1`,
        [shop.id, slugs],
      );
      if (taken)
        throw new RestoreRefused(
          `A shop with this ${taken.what} already exists here: nothing was restored. Restore into a new installation.`,
        );
      await tx.query('insert into shops select * from jsonb_populate_record(null::shops, $1::jsonb)', [
        JSON.stringify(shop),
      ]);
      const summary: RestoreSummary = {
        shop: { id: shop.id, slug: shop.slug, name: shop.name, version: shop.version },
        rows: { shops: 1 },
        skipped: [],
      };
      for (const { name, rows } of plan) {
        if (name === 'shop_slugs') {
          // The insert above reserved the current slug; the backup's rows say since when, and add
          // the former ones.
          await tx.query('delete from shop_slugs where shop_id = $1', [shop.id]);
        }
        if (name === 'push_subscriptions' && !samePushKey) {
          // A subscription is bound to the key pair it was made with; this installation signs with
          // another, so the push service would refuse every message. Customers opt in again.
          if (rows.length)
            summary.skipped.push({
              table: name,
              rows: rows.length,
              reason: 'this installation has another Web Push key; customers turn notifications on again',
            });
          summary.rows[name] = 0;
          continue;
        }
        // A phone that also ordered from another shop already restored here is the same device.
        const written = await insertRows(
          tx,
          name,
          rows,
          name === 'devices' ? 'on conflict (id) do nothing' : '',
        );
        summary.rows[name] = written;
        if (written < rows.length)
          summary.skipped.push({ table: name, rows: rows.length - written, reason: 'already here' });
      }
      return summary;
    });
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    if (err instanceof UniqueViolation)
      throw new RestoreRefused(
        `Part of this shop already exists here (${err.constraint}): nothing was restored. Restore into a new installation.`,
      );
    // A value the database will not take (a damaged id, a broken reference): the whole restore rolled back.
    throw new RestoreRefused(
      `The database refused the backup (${(err as Error).message}): nothing was restored.`,
    );
  }
}
