import type { LocalMessage } from './db';

/**
 * S12: the server's version is the order of a conversation, since phone and tablet clocks disagree.
 * Messages the server has not yet returned follow, in the order they were written here: by the
 * outbox seq that wrote them, since two messages can share a millisecond and random ids do not sort
 * by time. (Messages written before `seq` was kept fall back to their clock time.)
 */
export function chatOrder(a: LocalMessage, b: LocalMessage): number {
  if (a.version !== null && b.version !== null) return a.version - b.version;
  if (a.version !== null) return -1;
  if (b.version !== null) return 1;
  return (
    (a.seq ?? Infinity) - (b.seq ?? Infinity) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}
