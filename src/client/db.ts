/**
 * The device's own database (IndexedDB through Dexie). This is the only module that imports Dexie:
 * the rest of the code speaks of orders, the outbox and the catalogue.
 */
import Dexie, { liveQuery, type Table } from 'dexie';
import type { MenuItem } from '../domain/catalogue';
import type { Order } from '../domain/order';
import type { Message, MutationName } from '../protocol/sync';

export interface LocalOrder {
  id: string;
  /** The order as the server last said: the truth (S7). Null until the server has it. */
  server: Order | null;
  /** What the screen shows: the server's copy with this device's pending changes on top. */
  view: Order | null;
  /** The order as this device first wrote it: what a refused order is shown as ("what was refused"). */
  draft: Order | null;
  /** When the server acknowledged that it has this order (never earlier: "sent" must be true). */
  ackedAt: number | null;
  /**
   * A permanent refusal (S5), shown to the person. A refusal of placing the order is final and is
   * never replaced by a later refused change (e.g. cancelling an order the server never had).
   */
  rejection: { code: string; name: MutationName } | null;
  /** Changes to this order still waiting in the outbox. */
  pending: number;
  /** When this device first wrote it. */
  createdAt: number;
}

/** A device's record of an order it has just heard of (or just written): nothing known yet. */
export function newLocalOrder(id: string, now: number): LocalOrder {
  return {
    id,
    server: null,
    view: null,
    draft: null,
    ackedAt: null,
    rejection: null,
    pending: 0,
    createdAt: now,
  };
}

/**
 * A chat message on this device (S12). `version` is null until a pull brings the server's copy; the
 * screen says "sending" until the server has acknowledged it, and never claims more.
 */
export interface LocalMessage extends Omit<Message, 'version'> {
  version: number | null;
  state: 'sending' | 'sent' | 'refused';
  code?: string;
  /** The outbox seq that wrote it here (S3): the order of messages the server has not returned yet. */
  seq?: number;
}

export interface OutboxEntry {
  seq: number;
  mutationId: string;
  name: MutationName;
  args: unknown;
  /** What the mutation is about: an order, or (sendMessage) a chat message. */
  orderId?: string;
  messageId?: string;
  createdAt: number;
  /** The server's answer, once one arrived; the entry stays until a pull shows last_seq ≥ seq (S7). */
  result: { status: 'applied' | 'rejected'; code?: string } | null;
  /** How many times the server refused it as malformed (S15): set aside at MAX_REFUSALS. */
  refusals?: number;
}

/**
 * S15: an outbox entry the server cannot accept, taken out of the queue so the rest flows on, and kept
 * here, whole, until the person exports or dismisses it. Its seq went to a `setAside` mutation.
 */
export interface SetAsideEntry extends Omit<OutboxEntry, 'result' | 'refusals'> {
  /** When this device set it aside. */
  setAsideAt: number;
  /** Why: this app's schema refuses it, or the server refused it as malformed again and again. */
  reason: 'invalid_here' | 'refused_by_server';
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class ClientDb extends Dexie {
  orders!: Table<LocalOrder, string>;
  outbox!: Table<OutboxEntry, number>;
  items!: Table<MenuItem, string>;
  meta!: Table<MetaRow, string>;
  messages!: Table<LocalMessage, string>;
  setAside!: Table<SetAsideEntry, string>;

  constructor(name: string, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    // S14: schema changes are additive, each a new version with its upgrade.
    this.version(1).stores({ orders: 'id, createdAt', outbox: 'seq, orderId', items: 'id', meta: 'key' });
    this.version(2).stores({ messages: 'id, deviceId, orderId', outbox: 'seq, orderId, messageId' });
    // The board and the calendar read open orders and one day's orders without scanning the history.
    this.version(3).stores({ orders: 'id, createdAt, view.status, view.date' });
    this.version(4).stores({ setAside: 'mutationId' });
    // The shop's inbox finds a customer's orders by the device their conversation is keyed by.
    this.version(5).stores({ orders: 'id, createdAt, view.status, view.date, view.deviceId' });
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value });
  }

  /**
   * Re-runs `query` whenever the tables it read change, in this tab or another (Dexie broadcasts).
   * A method, so a screen handed a database reads it live without importing Dexie itself: the
   * customer's menu stays free of it until the database is wanted.
   */
  observe<T>(query: () => Promise<T>, next: (value: T) => void): () => void {
    const sub = liveQuery(query).subscribe({ next, error: () => {} });
    return () => sub.unsubscribe();
  }
}

export function openClientDb(
  name: string,
  deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): ClientDb {
  return new ClientDb(name, deps);
}
