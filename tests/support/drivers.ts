import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite } from '../../src/server/storage/pglite';
import { openPostgres } from '../../src/server/storage/postgres';
import type { Storage } from '../../src/server/storage/types';

export interface TestDriver {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database (PGlite in memory, or a new schema on the PostgreSQL server). */
  open(): Promise<Storage>;
}

const pgUrl = process.env.TEST_DATABASE_URL;
const schemas: string[] = [];

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const drivers: TestDriver[] = [
  { name: 'pglite', open: () => openPglite() },
  ...(pgUrl
    ? [
        {
          name: 'postgres' as const,
          open: () => openPostgres({ url: pgUrl, schema: newSchema() }),
        },
      ]
    : []),
];

export function newSchema(): string {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}

/** Drops the schemas this test file made, so the test database does not grow run after run. */
export async function dropTestSchemas(): Promise<void> {
  if (!pgUrl || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  for (const s of schemas.splice(0)) await client.query(`drop schema if exists ${s} cascade`);
  await client.end();
}
