import type { MutationArgs, MutationName } from '../protocol/sync';
import type { ClientDb, OutboxEntry } from './db';

/**
 * S5 on a shop device: a change the server refused (another tablet accepted first, the customer
 * cancelled, an item sold out). The refused outbox entry leaves the outbox at the next pull and the
 * order shows the server's copy again, so without this record the tablet would revert silently. Kept
 * in db.meta until someone dismisses it: the board reads it without scanning the order history.
 */
export interface Conflict {
  /** The refused mutation's id: unique, so one refusal is one notice however often it is re-read. */
  key: string;
  /** What the change was about: an order, or (no order) an item's stock or a voucher redemption. */
  orderId?: string;
  itemId?: string;
  voucherId?: string;
  /** A refused redemption's amount: the goods it paid for have already left the counter. */
  amount?: number;
  name: MutationName;
  code: string;
  /** When this device learnt of the refusal. */
  at: number;
}

const CONFLICTS = 'conflicts';
/** A day's worth of refusals on a busy counter; older ones were long seen or no longer matter. */
const KEEP = 50;

/** What a refused outbox entry was about, from its own arguments. */
export function subjectOf(entry: OutboxEntry): Pick<Conflict, 'orderId' | 'itemId' | 'voucherId' | 'amount'> {
  if (entry.orderId) return { orderId: entry.orderId };
  if (entry.name === 'setSoldOut') return { itemId: (entry.args as MutationArgs<'setSoldOut'>).itemId };
  if (entry.name === 'redeemVoucher') {
    const a = entry.args as MutationArgs<'redeemVoucher'>;
    return { voucherId: a.voucherId, amount: a.amount };
  }
  return {};
}

/** Called inside the push-result transaction (db.meta in scope), so the record and the refusal land together. */
export async function recordConflict(db: ClientDb, conflict: Conflict): Promise<void> {
  const list = (await db.getMeta<Conflict[]>(CONFLICTS)) ?? [];
  if (list.some((c) => c.key === conflict.key)) return;
  await db.setMeta(CONFLICTS, [...list, conflict].slice(-KEEP));
}

export async function conflictsOf(db: ClientDb): Promise<Conflict[]> {
  return (await db.getMeta<Conflict[]>(CONFLICTS)) ?? [];
}

/** Someone read it: the notice goes, on every tab of this device. */
export async function dismissConflict(db: ClientDb, key: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const list = (await db.getMeta<Conflict[]>(CONFLICTS)) ?? [];
    await db.setMeta(
      CONFLICTS,
      list.filter((c) => c.key !== key),
    );
  });
}
