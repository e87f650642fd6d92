/**
 * A Storage that counts what passes through it: statements (and their time, by statement shape)
 * and transactions: how long each took (first statement answered → commit done) and how long it held
 * the shop's row lock (the answer to the statement that takes it → commit done), which every write
 * to a shop must take in turn. Enough to say what dominates a route without a profiler.
 */
import type { Queryable, Storage } from '../../src/server/storage/types';

export interface StorageProfile {
  queries: number;
  transactions: number;
  /** Sum over transactions of first statement answered → commit done. */
  txMs: number;
  /** The part of txMs after the last statement's answer: the commit (and the event loop's delay). */
  txCommitMs: number;
  /** Transactions that took the shop row's lock, and the sum of how long they held it. */
  shopLocks: number;
  shopLockMs: number;
  byStatement: Map<string, { n: number; ms: number }>;
}

export function emptyProfile(): StorageProfile {
  return {
    queries: 0,
    transactions: 0,
    txMs: 0,
    txCommitMs: 0,
    shopLocks: 0,
    shopLockMs: 0,
    byStatement: new Map(),
  };
}

/** `select … from shops … for update` or `update shops …`: the statements that lock a shop's row. */
const LOCKS_SHOP = /\bupdate\s+shops\b|\bfrom\s+shops\b[\s\S]*\bfor\s+update\b/i;

const shape = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 60);

export function profiled(inner: Storage): { storage: Storage; profile: StorageProfile; reset(): void } {
  let p = emptyProfile();
  const count = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      const ms = performance.now() - t0;
      p.queries++;
      const s = p.byStatement.get(shape(sql)) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += ms;
      p.byStatement.set(shape(sql), s);
    }
  };
  const wrap = (q: Queryable, onAnswer?: (sql: string) => void): Queryable => ({
    query: (sql, params) =>
      count(sql, async () => {
        const rows = await q.query(sql, params);
        onAnswer?.(sql);
        return rows;
      }) as never,
    exec: (sql) => count(sql, () => q.exec(sql)),
  });
  const storage: Storage = {
    driver: inner.driver,
    ...wrap(inner),
    async transaction(fn) {
      let first: number | undefined;
      let locked: number | undefined;
      let last = 0;
      const result = await inner.transaction((tx) =>
        fn(
          wrap(tx, (sql) => {
            last = performance.now();
            first ??= last;
            if (locked === undefined && LOCKS_SHOP.test(sql)) locked = last;
          }),
        ),
      );
      const end = performance.now();
      p.transactions++;
      if (first !== undefined) {
        p.txMs += end - first;
        p.txCommitMs += end - last;
      }
      if (locked !== undefined) {
        p.shopLocks++;
        p.shopLockMs += end - locked;
      }
      return result;
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return {
    storage,
    get profile() {
      return p;
    },
    reset() {
      p = emptyProfile();
    },
  };
}

export const statementMs = (p: StorageProfile) =>
  [...p.byStatement.values()].reduce((sum, s) => sum + s.ms, 0);

/** The few statement shapes that took the most time, for a short summary. */
export function topStatements(p: StorageProfile, perUnit: number, n = 5): string {
  return [...p.byStatement.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, n)
    .map(([sql, s]) => `${(s.ms / s.n).toFixed(2)} ms × ${(s.n / perUnit).toFixed(1)}/order  ${sql}…`)
    .join('\n    ');
}
