import { PGlite, types } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { translateError, type Queryable, type Storage } from './types';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(db: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      try {
        return (await db.query<T>(sql, [...params])).rows;
      } catch (err) {
        throw translateError(err);
      }
    },
    async exec(sql: string) {
      try {
        await db.exec(sql);
      } catch (err) {
        throw translateError(err);
      }
    },
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
    async transaction(fn) {
      try {
        return await db.transaction((tx) => fn(wrap(tx)));
      } catch (err) {
        throw translateError(err);
      }
    },
    async ping() {
      await db.query('select 1');
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
