import pg from 'pg';
import { translated, translateError, type Queryable, type Storage } from './types';

export interface PostgresOptions {
  url: string;
  /** A schema to work in (tests give each suite its own); created if missing. */
  schema?: string;
  maxConnections?: number;
}

/** Deadlock and serialisation failures are safe to retry: the transaction was rolled back whole. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      translated(async () => (await client.query(sql, [...params])).rows as T[]),
    exec: (sql: string) => translated(async () => void (await client.query(sql))),
  };
}

const int8AsNumber = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openPostgres(opts: PostgresOptions): Promise<Storage> {
  if (opts.schema && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error('bad schema name');
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: opts.url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${opts.schema}`);
    } catch (err) {
      // Two processes creating it at the same moment: "if not exists" is not atomic in the catalog.
      if (!['23505', '42P06'].includes((err as { code?: string }).code ?? '')) throw err;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.maxConnections ?? 10,
    types: int8AsNumber,
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  const base = wrap(pool);
  return {
    driver: 'postgres',
    ...base,
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await fn(wrap(client));
          await client.query('commit');
          return result;
        } catch (err) {
          await client.query('rollback').catch(() => {});
          const code = (err as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
          throw translateError(err);
        } finally {
          client.release();
        }
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
