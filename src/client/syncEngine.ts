import type { z } from 'zod/mini';
import type { PullRequest, PullResponse, PushRequest, PushResponse, Mutation } from '../protocol/sync';
import { newLocalOrder, type ClientDb, type OutboxEntry } from './db';
import { recordOutcome } from './outcomes';
import { countRefusal, isMalformedRefusal, isWellFormed, setAsideEntry } from './setAside';
import { clientIdOf, DELIVERY_ZONES, reapplyItemChanges, refreshViews } from './outbox';
import { MAX_BATCH } from '../protocol/sync';

/** How this device reaches the server; tests pass a faulty one. */
export interface Transport {
  push(req: z.input<typeof PushRequest>): Promise<z.output<typeof PushResponse>>;
  pull(req: z.input<typeof PullRequest>): Promise<z.output<typeof PullResponse>>;
}

const toMutation = (e: OutboxEntry) =>
  ({ mutationId: e.mutationId, seq: e.seq, name: e.name, args: e.args }) as Mutation;

const CURSOR = 'cursor';
const LAST_SEQ = 'lastSeq';
const SCHEDULE = 'schedule';
/** A bound on one catch-up, so a misbehaving server cannot keep a device pulling forever. */
const MAX_PULL_PAGES = 200;

/**
 * One device's sync with its shop: push the outbox in seq order, then pull until caught up.
 * Errors (network, server down) propagate; the runner decides when to try again.
 */
export class SyncEngine {
  /**
   * @param acknowledgeReceipt a shop device: after pulling new orders it pulls once more at once,
   * since its cursor is what tells each customer "the shop has your order".
   */
  constructor(
    readonly db: ClientDb,
    private readonly transport: Transport,
    private readonly acknowledgeReceipt = false,
  ) {}

  async syncOnce(): Promise<void> {
    await this.pushAll();
    await this.pullAll();
  }

  /**
   * Sends every entry without an answer, oldest first. An entry answered but not yet confirmed by a
   * pull is not resent, unless the server says it has never seen that seq (restored from backup).
   */
  async pushAll(): Promise<void> {
    const clientId = await clientIdOf(this.db);
    let resentAfterGap = false;
    for (;;) {
      const batch = (await this.db.outbox
        .orderBy('seq')
        .filter((e) => e.result === null)
        .limit(MAX_BATCH)
        .toArray()) as OutboxEntry[];
      if (batch.length === 0) return;
      // S15: an entry this app's own schema refuses would make the server refuse the whole batch.
      const invalid = batch.find((e) => !isWellFormed(e));
      if (invalid) {
        await setAsideEntry(this.db, invalid, 'invalid_here');
        continue;
      }
      let res: z.output<typeof PushResponse>;
      try {
        res = await this.transport.push({ clientId, mutations: batch.map(toMutation) });
      } catch (err) {
        if (!isMalformedRefusal(err)) throw err;
        // The server refuses something this app finds well-formed (its rules are newer): find which
        // entry by sending them one by one, and set it aside once refused MAX_REFUSALS times.
        if (await this.pushOneByOne(clientId, batch)) continue;
        return;
      }
      await this.applyPushResults(res);
      if (res.results.length > 0) continue;
      // No progress means a gap: the server lacks seqs before ours (restored from a backup). Resend
      // everything after its last_seq, once; if that does not help, stop and let a later round try.
      if (resentAfterGap) return;
      resentAfterGap = true;
      await this.db.outbox
        .where('seq')
        .above(res.lastSeq)
        .modify((e) => void (e.result = null));
    }
  }

  /**
   * Sends the entries of a refused batch alone, in order, up to the first the server refuses. That one
   * is counted, and set aside at MAX_REFUSALS; below that the refusal is thrown so the runner backs off
   * and tries again later, as it would for any failure. Returns whether anything moved on (false on a
   * gap: the server lacks earlier seqs, which the next round resends).
   */
  private async pushOneByOne(clientId: string, batch: OutboxEntry[]): Promise<boolean> {
    for (const entry of batch) {
      try {
        const res = await this.transport.push({ clientId, mutations: [toMutation(entry)] });
        await this.applyPushResults(res);
        if (res.results.length === 0) return false;
      } catch (err) {
        if (!isMalformedRefusal(err)) throw err;
        if (!(await countRefusal(this.db, entry))) throw err;
        await setAsideEntry(this.db, entry, 'refused_by_server');
        return true;
      }
    }
    return true;
  }

  private async applyPushResults(res: z.output<typeof PushResponse>): Promise<void> {
    const now = Date.now();
    await this.db.transaction(
      'rw',
      [this.db.outbox, this.db.orders, this.db.items, this.db.meta, this.db.messages],
      async () => {
        const touched: string[] = [];
        for (const r of res.results) {
          const entry = await this.db.outbox.get(r.seq);
          if (!entry || entry.mutationId !== r.mutationId) continue;
          await this.db.outbox.update(r.seq, {
            result: r.code ? { status: r.status, code: r.code } : { status: r.status },
          });
          const orderId = await recordOutcome(this.db, entry, r, now);
          if (orderId) touched.push(orderId);
        }
        await this.db.setMeta(
          LAST_SEQ,
          Math.max(res.lastSeq, (await this.db.getMeta<number>(LAST_SEQ)) ?? 0),
        );
        await refreshViews(this.db, touched, now);
      },
    );
  }

  async pullAll(): Promise<void> {
    const clientId = await clientIdOf(this.db);
    let acknowledged = !this.acknowledgeReceipt;
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const cursor = (await this.db.getMeta<number>(CURSOR)) ?? 0;
      const res = await this.transport.pull({ clientId, cursor });
      await this.applyPull(cursor, res);
      if (res.more) continue;
      if (acknowledged || !res.orders.some((o) => o.status === 'placed' && o.receivedAt === null)) return;
      acknowledged = true;
    }
  }

  private async applyPull(sentCursor: number, res: z.output<typeof PullResponse>): Promise<void> {
    const now = Date.now();
    await this.db.transaction(
      'rw',
      [this.db.outbox, this.db.orders, this.db.items, this.db.meta, this.db.messages],
      async () => {
        // Another pull (another tab) got here first: this page is already applied.
        if (((await this.db.getMeta<number>(CURSOR)) ?? 0) !== sentCursor) return;
        const touched = new Set<string>();
        if (res.items.length) await this.db.items.bulkPut(res.items);
        if (res.removedItemIds?.length) await this.db.items.bulkDelete(res.removedItemIds);
        if (res.messages.length)
          await this.db.messages.bulkPut(res.messages.map((m) => ({ ...m, state: 'sent' as const })));
        const existing = await this.db.orders.bulkGet(res.orders.map((o) => o.id));
        // Orders with nothing pending show exactly the server's copy: set it in the same write, so a
        // tablet catching up on thousands of orders writes each once. The rest are rebased below.
        const withPending = new Set((await this.db.outbox.toArray()).map((e) => e.orderId ?? ''));
        const updated = res.orders.map((o, i) => {
          const local = existing[i] ?? newLocalOrder(o.id, now);
          if (!local.server || o.version >= local.server.version) local.server = o;
          local.ackedAt ??= now;
          if (withPending.has(o.id)) touched.add(o.id);
          else Object.assign(local, { view: local.server, pending: 0 });
          return local;
        });
        if (updated.length) await this.db.orders.bulkPut(updated);
        // S7: an entry leaves the outbox only once the server's last_seq covers it AND this device
        // knows its answer; a covered entry with no answer is pushed again for the stored result (S4).
        const done = await this.db.outbox
          .where('seq')
          .belowOrEqual(res.lastSeq)
          .filter((e) => e.result !== null)
          .toArray();
        for (const e of done) if (e.orderId) touched.add(e.orderId);
        await this.db.outbox.bulkDelete(done.map((e) => e.seq));
        // Menu changes the server has not confirmed stay on top of the items just pulled (S7).
        if (res.items.length) await reapplyItemChanges(this.db);
        await this.db.setMeta(LAST_SEQ, res.lastSeq);
        await this.db.setMeta(SCHEDULE, res.schedule);
        if (res.delivery) await this.db.setMeta(DELIVERY_ZONES, res.delivery);
        await this.db.setMeta(CURSOR, res.cursor);
        await refreshViews(this.db, touched, now);
      },
    );
  }
}
