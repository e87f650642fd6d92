import { PGlite, types } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { translated, type Queryable, type Storage } from './types';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(db: PgliteLike): Queryable {
  return {
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      translated(async () => (await db.query<T>(sql, [...params])).rows),
    exec: (sql: string) => translated(async () => void (await db.exec(sql))),
  };
}

/**
 * Embedded PostgreSQL (WebAssembly). One connection per process: PGlite runs each transaction
 * exclusively, so concurrent transactions serialise by construction. `dataDir` undefined = memory.
 */
export async function openPglite(dataDir?: string): Promise<Storage> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // int8 counters (versions, seqs) stay far below 2^53; numbers are simpler than strings everywhere.
  const db = new PGlite(dataDir, { parsers: { [types.INT8]: (v: string) => Number(v) } });
  await db.waitReady;
  const base = wrap(db);
  return {
    driver: 'pglite',
    ...base,
    transaction: (fn) => translated(() => db.transaction((tx) => fn(wrap(tx)))),
    async ping() {
      await db.query('select 1');
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
