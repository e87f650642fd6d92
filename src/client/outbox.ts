import type { MenuItem } from '../domain/catalogue';
import { mutationArgs, type MutationArgs, type MutationInput, type MutationName } from '../protocol/sync';
import { newLocalOrder, type ClientDb, type LocalMessage, type LocalOrder, type OutboxEntry } from './db';
import { applyPending, rebase } from './rebase';

const NEXT_SEQ = 'nextSeq';
const CLIENT_ID = 'clientId';

/** This database's sync identity (S3): made once, on the device. */
export async function clientIdOf(db: ClientDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.getMeta<string>(CLIENT_ID);
    if (existing) return existing;
    const id = crypto.randomUUID();
    await db.setMeta(CLIENT_ID, id);
    return id;
  });
}

export async function catalogueOf(db: ClientDb): Promise<Map<string, MenuItem>> {
  return new Map((await db.items.toArray()).map((i) => [i.id, i]));
}

/**
 * Items the screen shows (from the menu the phone loaded) that this database has not pulled yet: an
 * order placed before the first pull finished must still be priced on the phone. Added only where
 * missing, so a copy a pull brought is never replaced by an older one.
 */
export async function knowItems(db: ClientDb, items: readonly MenuItem[]): Promise<void> {
  await db.transaction('rw', db.items, async () => {
    const have = await db.items.bulkGet(items.map((i) => i.id));
    const missing = items.filter((_, i) => have[i] === undefined);
    if (missing.length) await db.items.bulkAdd(missing);
  });
}

/**
 * Recomputes what the screen shows for these orders from the server copy and the outbox. In bulk:
 * a fresh tablet catching up on thousands of orders must not pay one round trip per order.
 */
export async function refreshViews(
  db: ClientDb,
  orderIds: Iterable<string>,
  now = Date.now(),
): Promise<void> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return;
  const entries = await db.outbox.toArray();
  const byOrder = new Map<string, OutboxEntry[]>();
  for (const e of entries) if (e.orderId) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
  const catalogue = byOrder.size ? await catalogueOf(db) : new Map<string, MenuItem>();
  const locals = await db.orders.bulkGet(ids);
  const next = locals
    .filter((l): l is LocalOrder => l !== undefined)
    .map((local) => {
      const mine = byOrder.get(local.id) ?? [];
      const view = mine.length ? rebase(local.server, mine, catalogue, now) : local.server;
      return { ...local, view, pending: mine.filter((e) => e.result === null).length };
    });
  await db.orders.bulkPut(next);
}

/**
 * S2: the mutation's outbox entry and its optimistic effect (on the local order, or the chat message
 * shown as "sending") are written in one transaction, so the device never shows a change it has not
 * also queued, nor queues one unseen. Arguments are parsed here exactly as the server will parse them:
 * a change the server would refuse as malformed never enters the outbox.
 */
export async function enqueue<N extends MutationName>(
  db: ClientDb,
  name: N,
  input: MutationInput<N>,
): Promise<OutboxEntry> {
  const args = mutationArgs[name].parse(input) as MutationArgs<N>;
  return db.transaction('rw', [db.outbox, db.orders, db.meta, db.items, db.messages], async () => {
    const seq = (await db.getMeta<number>(NEXT_SEQ)) ?? 1;
    await db.setMeta(NEXT_SEQ, seq + 1);
    const now = Date.now();
    const target =
      'messageId' in args
        ? { messageId: args.messageId }
        : { orderId: (args as { orderId: string }).orderId };
    const entry: OutboxEntry = {
      seq,
      mutationId: crypto.randomUUID(),
      name,
      args,
      ...target,
      createdAt: now,
      result: null,
    };
    await db.outbox.add(entry);
    if (name === 'sendMessage') {
      const a = args as MutationArgs<'sendMessage'>;
      const message: LocalMessage = {
        id: a.messageId,
        deviceId: a.deviceId ?? '',
        orderId: a.orderId,
        author: a.deviceId ? 'shop' : 'customer',
        body: a.body,
        createdAt: new Date(now).toISOString(),
        version: null,
        state: 'sending',
      };
      await db.messages.put(message);
      return entry;
    }
    const orderId = entry.orderId!;
    const existing = await db.orders.get(orderId);
    const local: LocalOrder = existing ?? newLocalOrder(orderId, now);
    if (name === 'placeOrder' && !local.draft)
      local.draft = applyPending(null, entry, await catalogueOf(db), now);
    await db.orders.put(local);
    await refreshViews(db, [orderId], now);
    return entry;
  });
}

/** How many changes wait to reach the server, and since when: the UI warns before they get old. */
export async function pendingSummary(db: ClientDb): Promise<{ count: number; oldest: number | null }> {
  const waiting = await db.outbox.filter((e) => e.result === null).toArray();
  return {
    count: waiting.length,
    oldest: waiting.length ? Math.min(...waiting.map((e) => e.createdAt)) : null,
  };
}

/** Everything not yet safely on the server, as a file a person can keep or send to the shop. */
export async function exportUnsynced(db: ClientDb): Promise<string> {
  const outbox = await db.outbox.toArray();
  const orderIds = new Set(outbox.map((e) => e.orderId));
  const orders = (await db.orders.toArray()).filter((o) => orderIds.has(o.id) || o.server === null);
  const messages = await db.messages.filter((m) => m.version === null).toArray();
  return JSON.stringify(
    { exportedAt: new Date().toISOString(), clientId: await db.getMeta(CLIENT_ID), outbox, orders, messages },
    null,
    2,
  );
}
