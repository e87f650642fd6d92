import type { MenuItem } from '../domain/catalogue';
import type { DeliveryZones } from '../domain/deliveryZones';
import { mutationArgs, type MutationArgs, type MutationInput, type MutationName } from '../protocol/sync';
import { newLocalOrder, type ClientDb, type LocalMessage, type LocalOrder, type OutboxEntry } from './db';
import { applyItemPending, applyPending, rebase } from './rebase';

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

/** Where the shop delivers, as this device last heard (a pull, or the shop page at checkout). */
export const DELIVERY_ZONES = 'deliveryZones';

export async function zonesOf(db: ClientDb): Promise<DeliveryZones | null> {
  return (await db.getMeta<DeliveryZones>(DELIVERY_ZONES)) ?? null;
}

/** The zones the customer's screen priced the order with: the optimistic total then matches it. */
export async function knowZones(db: ClientDb, zones: DeliveryZones | undefined): Promise<void> {
  if (zones) await db.setMeta(DELIVERY_ZONES, zones);
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
  const zones = byOrder.size ? await zonesOf(db) : null;
  const locals = await db.orders.bulkGet(ids);
  const next = locals
    .filter((l): l is LocalOrder => l !== undefined)
    .map((local) => {
      const mine = byOrder.get(local.id) ?? [];
      const view = mine.length ? rebase(local.server, mine, catalogue, now, zones) : local.server;
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
    // A voucher redemption's orderId is a reference, not the order it changes (client/vouchers.ts).
    const target =
      'redemptionId' in args
        ? {}
        : 'messageId' in args
          ? { messageId: args.messageId }
          : 'orderId' in args
            ? { orderId: args.orderId }
            : {};
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
    // Its effect on screen is the voucher's balance, computed from the outbox (client/vouchers.ts); a
    // shop status shows as "sending" from the outbox until the server's schedule comes back.
    if (name === 'redeemVoucher' || name === 'setShopStatus') return entry;
    if (name === 'setSoldOut') {
      // The tablet's menu shows it at once, offline too; a later pull keeps it on top (rebase).
      await reapplyItemChanges(db, [entry]);
      return entry;
    }
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
        seq,
      };
      await db.messages.put(message);
      return entry;
    }
    const orderId = entry.orderId!;
    const existing = await db.orders.get(orderId);
    const local: LocalOrder = existing ?? newLocalOrder(orderId, now);
    if (name === 'placeOrder' && !local.draft)
      local.draft = applyPending(null, entry, await catalogueOf(db), now, await zonesOf(db));
    await db.orders.put(local);
    await refreshViews(db, [orderId], now);
    return entry;
  });
}

/**
 * S7 for the catalogue: puts menu changes still in the outbox (sold out) back on top of the items a
 * pull just brought, so an older server copy never flips the screen back before the change lands.
 * Call inside a transaction over db.items and db.outbox.
 */
export async function reapplyItemChanges(db: ClientDb, entries?: readonly OutboxEntry[]): Promise<void> {
  const pending = (entries ?? (await db.outbox.orderBy('seq').toArray())).filter(
    (e) => e.name === 'setSoldOut' && e.result?.status !== 'rejected',
  );
  for (const e of pending) {
    const itemId = (e.args as MutationArgs<'setSoldOut'>).itemId;
    const item = await db.items.get(itemId);
    if (item) await db.items.put(applyItemPending(item, e));
  }
}

/**
 * How many changes wait to reach the server, and since when: the UI warns before they get old. Also
 * how many were set aside (S15): they will never be sent, and the person must hear of them.
 */
export async function pendingSummary(
  db: ClientDb,
): Promise<{ count: number; oldest: number | null; setAside: number }> {
  const waiting = await db.outbox.filter((e) => e.result === null && e.name !== 'setAside').toArray();
  return {
    count: waiting.length,
    oldest: waiting.length ? Math.min(...waiting.map((e) => e.createdAt)) : null,
    setAside: await db.setAside.count(),
  };
}

/** Recognised by whoever receives the file (a person, or a later import tool). */
export const UNSYNCED_FORMAT = 'dangol-unsynced-changes';

/**
 * What this device holds that the server has not acknowledged: outbox entries without an answer
 * (result === null, S7), the local orders and chat messages they change, and the client id and seq
 * that let a later tool replay them exactly once (S3, S4), and the entries set aside (S15). Read from
 * the device alone, so it works with the network down; entries the server has answered are left out:
 * they are safe already.
 */
export async function unsyncedChanges(db: ClientDb) {
  return db.transaction('r', [db.outbox, db.orders, db.messages, db.meta, db.setAside], async () => {
    const outbox = (await db.outbox.toArray()).filter((e) => e.result === null);
    const setAside = await db.setAside.toArray();
    const about = [...outbox, ...setAside];
    const orderIds = [...new Set(about.flatMap((e) => (e.orderId ? [e.orderId] : [])))];
    const messageIds = [...new Set(about.flatMap((e) => (e.messageId ? [e.messageId] : [])))];
    const orders = (await db.orders.bulkGet(orderIds)).filter((o) => o !== undefined);
    const messages = (await db.messages.bulkGet(messageIds)).filter((m) => m !== undefined);
    return {
      format: UNSYNCED_FORMAT,
      exportedAt: new Date().toISOString(),
      clientId: (await db.getMeta<string>(CLIENT_ID)) ?? null,
      outbox,
      /** Changes the server could not accept (S15), kept whole: never sent, never lost. */
      setAside,
      orders,
      messages,
    };
  });
}
