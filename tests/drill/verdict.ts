import { expectedState, PATHS, type DrillRecord, type OrderPath, type ServerTruth } from './record';

export interface Breach {
  rule: 'exactly_once' | 'honest_state' | 'rejection_reason' | 'converged' | 'sold_out' | 'quota';
  /** The order (or device) it is about. */
  subject: string;
  detail: string;
}

export interface Figures {
  placed: number;
  byPath: Record<OrderPath, number>;
  reachedOnce: number;
  /** Turned down by the server (sold out, quota…) and shown so on the phone: not lost. */
  refused: number;
  refusedByCode: Record<string, number>;
  lost: number;
  doubled: number;
  rejected: number;
  /** Slowest device to be back in step after the server's return. */
  convergeMs: number | null;
  /** The longest time an order sat only on a phone before the server had it. */
  longestWaitMs: number;
  longestWaitOrder: string | null;
  smsImported: number;
  prints: number;
  soldOutMarks: number;
  chats: { sent: number; onServer: number };
  offlineStretches: number;
}

export interface Verdict {
  passed: boolean;
  breaches: Breach[];
  figures: Figures;
}

/**
 * Statuses a state shown on a screen claims the server had reached. "saved" claims nothing; every
 * other state claims the server had the order (and "received": that a shop device had it).
 */
const CLAIMS_SERVER = new Set([
  'sent',
  'received',
  'accepted',
  'ready',
  'completed',
  'rejected',
  'cancelled',
]);

/** Allowance for a transaction already in flight when the sold-out change committed (S11: last writer wins). */
export const SOLD_OUT_RACE_MS = 1_000;

/**
 * Judges one drill from what the devices recorded and what the server stored. Pure: the same record
 * gives the same verdict, and a hand-made record can prove each rule fails when it should.
 */
export function judge(record: DrillRecord, truth: ServerTruth, convergeLimitMs: number): Verdict {
  const breaches: Breach[] = [];
  const breach = (rule: Breach['rule'], subject: string, detail: string) =>
    breaches.push({ rule, subject, detail });
  const rowsById = new Map<string, ServerTruth['orders']>();
  for (const o of truth.orders) rowsById.set(o.id, [...(rowsById.get(o.id) ?? []), o]);
  const rowsByName = new Map<string, number>();
  for (const o of truth.orders) rowsByName.set(o.customerName, (rowsByName.get(o.customerName) ?? 0) + 1);
  const refusedCode = new Map<string, string>();
  for (const m of truth.mutations)
    if (m.name === 'placeOrder' && m.status === 'rejected' && m.orderId)
      refusedCode.set(m.orderId, m.code ?? '');
  const lastShown = new Map<string, string>();
  for (const s of record.snapshots)
    if (s.kind !== 'tablet') for (const o of s.orders) lastShown.set(o.id, o.state);

  const byPath = Object.fromEntries(PATHS.map((p) => [p, 0])) as Record<OrderPath, number>;
  const refusedByCode: Record<string, number> = {};
  let reachedOnce = 0;
  let lost = 0;
  let doubled = 0;
  let refused = 0;
  let longestWaitMs = 0;
  let longestWaitOrder: string | null = null;

  // 1. Every order placed reaches the shop exactly once — or is refused, and the customer was told.
  const placedIds = new Set(record.orders.map((o) => o.id));
  for (const o of record.orders) {
    byPath[o.path]++;
    const rows = rowsById.get(o.id) ?? [];
    const sameName = rowsByName.get(o.customerName) ?? 0;
    if (rows.length === 0) {
      const code = refusedCode.get(o.id);
      if (code !== undefined && lastShown.get(o.id) === 'refused') {
        refused++;
        refusedByCode[code] = (refusedByCode[code] ?? 0) + 1;
      } else if (code !== undefined) {
        breach(
          'exactly_once',
          o.id,
          `refused by the server (${code}) but ${o.device} shows "${lastShown.get(o.id) ?? 'nothing'}"`,
        );
      } else {
        lost++;
        breach('exactly_once', o.id, `placed on ${o.device} (${o.path}) and not on the server`);
      }
    } else if (rows.length > 1 || sameName > 1) {
      doubled++;
      breach(
        'exactly_once',
        o.id,
        `on the server ${Math.max(rows.length, sameName)} times (${o.path}, ${o.customerName})`,
      );
    } else {
      reachedOnce++;
      if (o.path === 'sms' && rows[0]!.deviceId === null)
        breach(
          'exactly_once',
          o.id,
          'imported from the text message, but the phone never claimed it (not synced)',
        );
    }
    if (o.settledAt !== null && o.path !== 'phone_order') {
      const waited = o.settledAt - o.placedAt;
      if (waited > longestWaitMs) [longestWaitMs, longestWaitOrder] = [waited, o.id];
    }
  }
  // An order on the server that no device placed: a copy under a new id.
  for (const row of truth.orders)
    if (!placedIds.has(row.id)) {
      doubled++;
      breach('exactly_once', row.id, `on the server but placed by no device (${row.customerName})`);
    }

  // 2. No screen claimed more than was true at that moment.
  for (const o of record.orders) {
    const row = (rowsById.get(o.id) ?? [])[0];
    for (const [state, at] of Object.entries(o.seen)) {
      if (state === 'refused' && !refusedCode.has(o.id))
        breach('honest_state', o.id, `${o.device} showed "refused" but the server never refused it`);
      if (!CLAIMS_SERVER.has(state)) continue;
      if (!row) breach('honest_state', o.id, `${o.device} showed "${state}" but the server never had it`);
      else if (at < row.createdAt)
        breach(
          'honest_state',
          o.id,
          `${o.device} showed "${state}" ${row.createdAt - at} ms before the server stored it`,
        );
      else if (state === 'received' && (row.receivedAt === null || at < row.receivedAt))
        breach('honest_state', o.id, `${o.device} showed "received" before a shop device had it`);
    }
  }

  // 3. Every rejection has a reason, and the customer with a screen saw it.
  const rejectedRows = truth.orders.filter((o) => o.status === 'rejected');
  const placedBy = new Map(record.orders.map((o) => [o.id, o]));
  for (const row of rejectedRows) {
    if (!row.rejectReason?.trim()) {
      breach('rejection_reason', row.id, 'rejected without a reason');
      continue;
    }
    const placed = placedBy.get(row.id);
    if (!placed || placed.path === 'phone_order') continue;
    if (placed.path === 'background') {
      const snap = record.snapshots
        .find((s) => s.device === placed.device)
        ?.orders.find((x) => x.id === row.id);
      if (snap?.rejectReason !== row.rejectReason)
        breach(
          'rejection_reason',
          row.id,
          `${placed.device} holds reason "${snap?.rejectReason ?? ''}", server "${row.rejectReason}"`,
        );
      continue;
    }
    const seen = record.reasonsSeen.find((r) => r.orderId === row.id);
    if (!seen || !seen.text.includes(row.rejectReason))
      breach(
        'rejection_reason',
        row.id,
        `the customer's screen did not show the reason "${row.rejectReason}"`,
      );
  }

  // 4. Every device back in step within the limit, and in the end equal to the server.
  for (const c of record.converge)
    if (c.ms === null || c.ms > convergeLimitMs)
      breach(
        'converged',
        c.device,
        c.ms === null ? 'never caught up with the server' : `caught up after ${c.ms} ms`,
      );
  const rowOf = (id: string) => (rowsById.get(id) ?? [])[0];
  for (const s of record.snapshots) {
    if (s.outbox > 0) breach('converged', s.device, `${s.outbox} changes still waiting at the end`);
    if (s.kind === 'tablet') {
      const held = new Map(s.orders.map((o) => [o.id, o.serverStatus]));
      for (const row of truth.orders) {
        const has = held.get(row.id);
        if (has !== row.status)
          breach(
            'converged',
            row.id,
            `${s.device} has it as ${has ?? 'missing'}, the server as ${row.status}`,
          );
      }
      continue;
    }
    for (const o of s.orders) {
      const want = expectedState(rowOf(o.id), refusedCode.has(o.id));
      if (o.state !== want)
        breach('converged', o.id, `${s.device} shows "${o.state}", the server says "${want}"`);
    }
  }

  // 5. Sold out held: once the server had "sold out", no new order for that item and day.
  for (const mark of record.soldOut) {
    const applied = truth.mutations
      .filter((m) => m.name === 'setSoldOut' && m.status === 'applied' && m.createdAt >= mark.at - 60_000)
      .map((m) => m.createdAt)
      .sort((a, b) => a - b)[0];
    if (applied === undefined) {
      breach('sold_out', mark.itemName, 'marked sold out on the tablet but never applied on the server');
      continue;
    }
    for (const row of truth.orders)
      if (
        row.date <= mark.until &&
        row.createdAt > applied + SOLD_OUT_RACE_MS &&
        row.lines.some((l) => l.itemId === mark.itemId)
      )
        breach('sold_out', row.id, `${mark.itemName} ordered for ${row.date} after it was sold out`);
  }

  // 6. Quotas held: per item and day, what is still wanted fits the daily quota.
  for (const item of truth.items) {
    if (item.dailyQuota === null) continue;
    const byDate = new Map<string, number>();
    for (const row of truth.orders) {
      if (row.status === 'rejected' || row.status === 'cancelled') continue;
      const n = row.lines.filter((l) => l.itemId === item.id).reduce((s, l) => s + l.quantity, 0);
      if (n) byDate.set(row.date, (byDate.get(row.date) ?? 0) + n);
    }
    for (const [date, n] of byDate)
      if (n > item.dailyQuota) breach('quota', item.name, `${n} for ${date}, quota ${item.dailyQuota}`);
  }

  const converged = record.converge.map((c) => c.ms);
  return {
    passed: breaches.length === 0,
    breaches,
    figures: {
      placed: record.orders.length,
      byPath,
      reachedOnce,
      refused,
      refusedByCode,
      lost,
      doubled,
      rejected: rejectedRows.length,
      convergeMs:
        converged.length === 0 || converged.includes(null) ? null : Math.max(...(converged as number[])),
      longestWaitMs,
      longestWaitOrder,
      smsImported: record.orders.filter((o) => o.importedAt !== undefined).length,
      prints: record.prints,
      soldOutMarks: record.soldOut.length,
      chats: record.chats,
      offlineStretches: record.offline.length,
    },
  };
}
