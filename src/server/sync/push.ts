import { createHash } from 'node:crypto';
import type { z } from 'zod/mini';
import type { Mutation, MutationResult, PushRequest } from '../../protocol/sync';
import { ApiError } from '../http/errors';
import { DataRefused, UniqueViolation, type Queryable, type Storage } from '../storage/types';
import { applyMutation, type Caller, type Outcome, type ShopContext } from './applyMutation';
import type { Schedule } from '../../domain/schedule';
import { ORDER_COLUMNS, toSyncedOrder, type OrderRow } from './orderRows';
import type { PokeHub } from './pokeHub';
import type { PushNotifier } from '../push/notify';

export interface SyncContext {
  shopId: string;
  /** Read once per request, without a lock: schedule changes are rare and last-writer-wins (S11). */
  schedule: Schedule;
  caller: Caller;
}

/** 'device:<id>' or 'shop:<id>': a client id, once used, belongs to that owner for good. */
export function ownerOf(ctx: SyncContext): string {
  return ctx.caller.kind === 'device' ? `device:${ctx.caller.deviceId}` : `shop:${ctx.shopId}`;
}

/** Arguments as the schema parsed them (keys in schema order), so equal requests hash equal. */
function argsHash(m: Mutation): string {
  return createHash('sha256')
    .update(JSON.stringify([m.name, m.args]))
    .digest('hex');
}

type Step = { kind: 'done'; seq: number; mutationId: string; outcome: Outcome } | { kind: 'gap' };

/**
 * S3–S5: each mutation is applied in its own transaction together with its dedupe record and the
 * client's last_seq. A replay returns the stored outcome; a permanent rejection is stored and still
 * advances last_seq. A gap in seq stops the batch: the client resends from last_seq + 1.
 */
export async function push(
  storage: Storage,
  hub: PokeHub,
  ctx: SyncContext,
  req: z.output<typeof PushRequest>,
  /** Tells customers, by Web Push, that the shop accepted, rejected or finished their order. */
  notifier?: Pick<PushNotifier, 'mutationApplied'>,
  /** Told of a mutation whose data the database refused, stored as refused (cannot_apply). */
  onDataRefused?: (err: DataRefused, m: Mutation) => void,
): Promise<{ results: MutationResult[]; lastSeq: number }> {
  const owner = ownerOf(ctx);
  const shop: ShopContext = { id: ctx.shopId, schedule: ctx.schedule };
  const steps: Extract<Step, { kind: 'done' }>[] = [];
  let lastSeq = 0;
  for (const m of req.mutations) {
    const step = await applyOnce(storage, shop, ctx, req.clientId, owner, m, onDataRefused);
    lastSeq = step.lastSeq;
    if (step.kind === 'gap') break;
    steps.push(step);
    // After commit only: a poke for an aborted transaction would send devices after nothing.
    if (step.outcome.version !== undefined && step.outcome.status === 'applied') {
      hub.publish({
        shopId: ctx.shopId,
        version: step.outcome.version,
        deviceIds: step.outcome.touchedDevices,
        public: step.outcome.public ?? false,
      });
      if (step.outcome.orderId) notifier?.mutationApplied(m.name, step.outcome.orderId);
    }
  }
  return { results: await withOrders(storage, ctx, steps), lastSeq };
}

type Applied = Step & { lastSeq: number };

/**
 * One mutation, one transaction. The client's row is locked first (two tabs of one device take
 * turns, S9), then applyMutation locks the shop only if it is about to write. The same order id
 * arriving at once from two clients (the phone and the shop's SMS import) collides on the primary
 * key; the loser is retried once and then finds the order (S1).
 */
async function applyOnce(
  storage: Storage,
  shop: ShopContext,
  ctx: SyncContext,
  clientId: string,
  owner: string,
  m: Mutation,
  onDataRefused?: (err: DataRefused, m: Mutation) => void,
): Promise<Applied> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storage.transaction((tx) => applyInTx(tx, shop, ctx, clientId, owner, m));
    } catch (err) {
      if (attempt < 2 && err instanceof UniqueViolation && err.constraint === 'orders_pkey') continue;
      // S15: the database refuses this mutation's data, and would every time. Answering 5xx would
      // make the device resend it forever with everything queued behind it; instead its refusal is
      // stored like any other (S5), last_seq moves on and the rest of the queue flows.
      if (err instanceof DataRefused) {
        onDataRefused?.(err, m);
        const refused: Outcome = { status: 'rejected', code: 'cannot_apply', touchedDevices: [] };
        return storage.transaction((tx) => applyInTx(tx, shop, ctx, clientId, owner, m, refused));
      }
      throw err;
    }
  }
}

async function applyInTx(
  tx: Queryable,
  shop: ShopContext,
  ctx: SyncContext,
  clientId: string,
  owner: string,
  m: Mutation,
  /** The outcome to record instead of applying the mutation (its data could not be stored). */
  instead?: Outcome,
): Promise<Applied> {
  // Claims the client row (creating it on first use) and locks it, in one statement.
  const [client] = (await tx.query<{ owner: string; shop_id: string; last_seq: number }>(
    `insert into sync_clients (client_id, shop_id, owner) values ($1, $2, $3)
     on conflict (client_id) do update set client_id = excluded.client_id
     returning owner, shop_id, last_seq`,
    [clientId, ctx.shopId, owner],
  )) as [{ owner: string; shop_id: string; last_seq: number }];
  if (client.owner !== owner || client.shop_id !== ctx.shopId) throw new ApiError(403, 'client_forbidden');

  const done = (outcome: Outcome, last: number): Applied => ({
    kind: 'done',
    seq: m.seq,
    mutationId: m.mutationId,
    outcome,
    lastSeq: last,
  });
  const hash = argsHash(m);
  const [prev] = await tx.query<{
    client_id: string;
    args_hash: string;
    status: 'applied' | 'rejected';
    code: string | null;
    order_id: string | null;
  }>('select client_id, args_hash, status, code, order_id from mutations where mutation_id = $1', [
    m.mutationId,
  ]);
  if (prev && prev.client_id === clientId && prev.args_hash === hash) {
    const replay: Outcome = { status: prev.status, touchedDevices: [] };
    if (prev.code) replay.code = prev.code as Outcome['code'];
    if (prev.order_id) replay.orderId = prev.order_id;
    return done(replay, client.last_seq);
  }
  if (m.seq > client.last_seq + 1) return { kind: 'gap', lastSeq: client.last_seq };
  if (prev || m.seq <= client.last_seq) {
    // Not stored (the id or seq is taken), but a next-in-line seq still moves on, so one bad
    // mutation cannot block every later one (S5).
    const conflict: Outcome = { status: 'rejected', code: 'mutation_conflict', touchedDevices: [] };
    if (m.seq !== client.last_seq + 1) return done(conflict, client.last_seq);
    await tx.query('update sync_clients set last_seq = $2 where client_id = $1', [clientId, m.seq]);
    return done(conflict, m.seq);
  }

  const outcome = instead ?? (await applyMutation(tx, shop, ctx.caller, m, new Date(), clientId));
  // The dedupe record and the client's last_seq, in one statement and the same transaction.
  await tx.query(
    `with recorded as (
       insert into mutations (mutation_id, client_id, shop_id, seq, name, args_hash, status, code, order_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     )
     update sync_clients set last_seq = $4 where client_id = $2`,
    [
      m.mutationId,
      clientId,
      ctx.shopId,
      m.seq,
      m.name,
      hash,
      outcome.status,
      outcome.code ?? null,
      outcome.orderId ?? null,
    ],
  );
  return done(outcome, m.seq);
}

/** Attaches each result's order as it now stands, if the caller may see it. */
async function withOrders(
  storage: Storage,
  ctx: SyncContext,
  steps: Extract<Step, { kind: 'done' }>[],
): Promise<MutationResult[]> {
  const ids = [...new Set(steps.map((s) => s.outcome.orderId).filter((id): id is string => !!id))];
  const rows = ids.length
    ? await storage.query<OrderRow>(
        `select ${ORDER_COLUMNS} from orders where shop_id = $1 and id = any($2::uuid[])
           and ($3::uuid is null or device_id = $3)`,
        [ctx.shopId, ids, ctx.caller.kind === 'device' ? ctx.caller.deviceId : null],
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, toSyncedOrder(r, ctx.caller.kind !== 'device')]));
  return steps.map(({ seq, mutationId, outcome }) => {
    const r: MutationResult = { mutationId, seq, status: outcome.status };
    if (outcome.code) r.code = outcome.code;
    const order = outcome.orderId ? byId.get(outcome.orderId) : undefined;
    if (order) r.order = order;
    return r;
  });
}
