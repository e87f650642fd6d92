/** What every part of the server may do with the database, whichever driver is underneath. */
export interface Queryable {
  /** One statement with $1… parameters; returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Storage extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction: all of it commits or none of it does. Throwing rolls back.
   * Transactions that lock the same row (e.g. a shop's version counter) run one after the other.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Resolves only when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A unique constraint was violated; `constraint` names which one, so callers map it to a domain error. */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique violation: ${constraint}`);
    this.name = 'UniqueViolation';
  }
}

/**
 * The database refused the data itself, not the moment: a value it cannot hold (SQLSTATE class 22,
 * e.g. 22021 a NUL byte, 22001 too long), a constraint other than uniqueness (class 23), or a limit
 * (class 54, e.g. an index row too large). The same write fails the same way every time, so retrying
 * it is a loop (S15); a lost connection or a serialisation failure is not this and may be retried.
 */
export class DataRefused extends Error {
  constructor(readonly sqlState: string) {
    super(`data refused by the database: ${sqlState}`);
    this.name = 'DataRefused';
  }
}

interface PgLikeError {
  code?: string;
  constraint?: string;
}

/** Both drivers report PostgreSQL's SQLSTATE; this turns the ones callers handle into our errors. */
export function translateError(err: unknown): unknown {
  const e = err as PgLikeError;
  if (e && e.code === '23505') return new UniqueViolation(e.constraint ?? 'unknown');
  if (e && typeof e.code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(e.code))
    return new DataRefused(e.code);
  return err;
}

/** Runs a driver call so that callers only ever see translated errors. */
export async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw translateError(err);
  }
}
