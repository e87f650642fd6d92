import { mutationArgs } from '../protocol/sync';
import type { ClientDb, OutboxEntry, SetAsideEntry } from './db';
import { recordOutcome } from './outcomes';
import { refreshViews } from './outbox';

/**
 * S15: no entry may stop a device's queue. The server answers a push holding a malformed mutation with
 * 400 and changes nothing, and the seq behind it cannot move until it is accepted, so one entry that
 * can never be accepted (a text an older app let through, a rule the server has and this app lacks)
 * would hold every later order, accept and message for good. Such an entry is set aside: kept whole
 * on the device, shown in plain words and exportable, and its seq is spent by a `setAside` mutation.
 */

/** A refusal as malformed is retried this often (a server mid-upgrade may refuse for a moment) before the entry is set aside. */
export const MAX_REFUSALS = 3;

const MALFORMED = new Set(['invalid_input', 'text_invalid', 'invalid_json', 'body_too_large']);

/**
 * The server refused the request itself as malformed, by its code (ApiCallError's): the same request
 * would be refused again. Not protocol_unsupported (also 400: this app is newer than the server, which
 * an upgrade ends) nor anything without a code.
 */
export function isMalformedRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && MALFORMED.has(code);
}

/** Whether this app's own schema accepts the entry: an entry it refuses can never be sent. */
export function isWellFormed(entry: OutboxEntry): boolean {
  const schema = (
    mutationArgs as Record<string, (typeof mutationArgs)[keyof typeof mutationArgs] | undefined>
  )[entry.name];
  return schema !== undefined && schema.safeParse(entry.args).success;
}

/** Counts one refusal of the entry as malformed; returns true when it has reached MAX_REFUSALS. */
export async function countRefusal(db: ClientDb, entry: OutboxEntry): Promise<boolean> {
  const refusals = (entry.refusals ?? 0) + 1;
  await db.outbox.update(entry.seq, { refusals });
  return refusals >= MAX_REFUSALS;
}

/**
 * Takes the entry out of the queue in one transaction: the original is kept in db.setAside, a
 * `setAside` mutation takes its seq (so the server's last_seq can pass it), and what the entry was
 * about shows it as refused with the reason `set_aside`, as a server refusal would (S5).
 */
export async function setAsideEntry(
  db: ClientDb,
  entry: OutboxEntry,
  reason: SetAsideEntry['reason'],
  now = Date.now(),
): Promise<void> {
  await db.transaction(
    'rw',
    [db.outbox, db.orders, db.items, db.meta, db.messages, db.setAside],
    async () => {
      const current = await db.outbox.get(entry.seq);
      if (!current || current.mutationId !== entry.mutationId || current.result !== null) return;
      const { result: _result, refusals: _refusals, ...kept } = current;
      await db.setAside.put({ ...kept, setAsideAt: now, reason });
      await db.outbox.put({
        seq: current.seq,
        mutationId: crypto.randomUUID(),
        name: 'setAside',
        args: { mutationId: current.mutationId },
        createdAt: now,
        result: null,
      });
      const orderId = await recordOutcome(db, current, { status: 'rejected', code: 'set_aside' }, now);
      if (orderId) await refreshViews(db, [orderId], now);
    },
  );
}

/** Everything set aside on this device, oldest first: shown, exported, kept until dismissed. */
export async function setAsideEntries(db: ClientDb): Promise<SetAsideEntry[]> {
  return (await db.setAside.toArray()).sort((a, b) => a.seq - b.seq);
}
