import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Storage } from './types';

/** DATABASE_URL picks PostgreSQL; otherwise the embedded database under dataDir. */
export function openStorage(opts: {
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
}): Promise<Storage> {
  return opts.databaseUrl
    ? openPostgres({ url: opts.databaseUrl, schema: opts.schema })
    : openPglite(opts.dataDir);
}
