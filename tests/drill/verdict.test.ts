import { describe, expect, it } from 'vitest';
import type { DrillRecord, PlacedOrder, ServerOrder, ServerTruth } from './record';
import { judge } from './verdict';

const T = 1_700_000_000_000;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ITEM = id(900);
const QUOTA_ITEM = id(901);

function placed(n: number, extra: Partial<PlacedOrder> = {}): PlacedOrder {
  return {
    id: id(n),
    path: 'online',
    device: 'phone-1',
    customerName: `손님${n}`,
    items: ['멸치볶음'],
    date: '2026-10-17',
    placedAt: T + n * 1000,
    settledAt: T + n * 1000 + 200,
    seen: { saved: T + n * 1000 + 10, sent: T + n * 1000 + 200 },
    ...extra,
  };
}

function row(n: number, extra: Partial<ServerOrder> = {}): ServerOrder {
  return {
    id: id(n),
    status: 'placed',
    deviceId: id(500),
    date: '2026-10-17',
    createdAt: T + n * 1000 + 100,
    receivedAt: null,
    rejectReason: null,
    customerName: `손님${n}`,
    lines: [{ itemId: ITEM, quantity: 1 }],
    ...extra,
  };
}

/** A clean day: three orders, each once on the server, the phone in step. */
function cleanDay(): { record: DrillRecord; truth: ServerTruth } {
  const orders = [placed(1), placed(2), placed(3)];
  const record: DrillRecord = {
    seed: 1,
    options: {},
    database: 'hand-made',
    startedAt: T,
    endedAt: T + 60_000,
    outage: { killedAt: T + 10_000, backAt: T + 20_000 },
    orders,
    chats: { sent: 0, onServer: 0 },
    rejections: [],
    reasonsSeen: [],
    soldOut: [],
    prints: 0,
    offline: [],
    samples: [],
    converge: [{ device: 'phone-1', ms: 1200 }],
    snapshots: [
      {
        device: 'phone-1',
        kind: 'phone',
        at: T + 60_000,
        outbox: 0,
        orders: orders.map((o) => ({
          id: o.id,
          state: 'sent',
          serverStatus: 'placed',
          rejectReason: null,
          code: null,
        })),
      },
    ],
    notes: [],
  };
  const truth: ServerTruth = {
    at: T + 60_000,
    orders: [row(1), row(2), row(3)],
    mutations: [],
    customerMessages: 0,
    items: [
      { id: ITEM, name: '멸치볶음', dailyQuota: null, soldOutUntil: null },
      { id: QUOTA_ITEM, name: '돼지갈비찜', dailyQuota: 2, soldOutUntil: null },
    ],
  };
  return { record, truth };
}

describe('the drill verdict', () => {
  it('passes a clean day and counts it', () => {
    const { record, truth } = cleanDay();
    const v = judge(record, truth, 10_000);
    expect(v.breaches).toEqual([]);
    expect(v.passed).toBe(true);
    expect(v.figures).toMatchObject({ placed: 3, reachedOnce: 3, lost: 0, doubled: 0, convergeMs: 1200 });
  });

  it('fails a day with a lost order and a doubled one, and names both', () => {
    const { record, truth } = cleanDay();
    // Order 2 never reached the server; order 3 reached it twice (an SMS import under a new id).
    truth.orders = [row(1), row(3), row(3, { id: id(99), deviceId: null })];
    record.snapshots[0]!.orders = record.snapshots[0]!.orders.filter((o) => o.id !== id(2));
    const v = judge(record, truth, 10_000);
    expect(v.passed).toBe(false);
    expect(v.figures.lost).toBe(1);
    expect(v.figures.doubled).toBe(2);
    const subjects = v.breaches.filter((b) => b.rule === 'exactly_once').map((b) => b.subject);
    expect(subjects).toContain(id(2));
    expect(subjects).toContain(id(3));
    expect(subjects).toContain(id(99));
  });

  it('fails when a phone showed "sent" before the server stored the order, or "received" before a tablet had it', () => {
    const { record, truth } = cleanDay();
    record.orders[0]!.seen.sent = truth.orders[0]!.createdAt - 5;
    record.orders[1]!.seen.received = T + 5_000;
    const v = judge(record, truth, 10_000);
    expect(v.breaches.filter((b) => b.rule === 'honest_state').map((b) => b.subject)).toEqual([id(1), id(2)]);
  });

  it('fails a rejection whose reason the customer never saw, and one without a reason', () => {
    const { record, truth } = cleanDay();
    truth.orders[0] = row(1, { status: 'rejected', rejectReason: '재료 소진' });
    truth.orders[1] = row(2, { status: 'rejected', rejectReason: '' });
    record.reasonsSeen.push({ orderId: id(1), text: '가게에서 거절했습니다: ' });
    record.snapshots[0]!.orders[0]!.state = 'rejected';
    record.snapshots[0]!.orders[1]!.state = 'rejected';
    const v = judge(record, truth, 10_000);
    expect(v.breaches.filter((b) => b.rule === 'rejection_reason').map((b) => b.subject)).toEqual([
      id(1),
      id(2),
    ]);
  });

  it('fails slow convergence, a queue left behind and a device that disagrees with the server', () => {
    const { record, truth } = cleanDay();
    record.converge = [
      { device: 'phone-1', ms: 12_000 },
      { device: 'tablet-a', ms: null },
    ];
    record.snapshots[0]!.outbox = 2;
    truth.orders[2] = row(3, { status: 'accepted' });
    const v = judge(record, truth, 10_000);
    const converged = v.breaches.filter((b) => b.rule === 'converged').map((b) => b.subject);
    expect(converged).toEqual(['phone-1', 'tablet-a', 'phone-1', id(3)]);
  });

  it('fails an order accepted after its item was sold out, and a daily quota overrun', () => {
    const { record, truth } = cleanDay();
    record.soldOut.push({ itemId: ITEM, itemName: '멸치볶음', until: '2026-10-17', at: T + 1_500 });
    truth.mutations.push({
      name: 'setSoldOut',
      status: 'applied',
      code: null,
      orderId: null,
      createdAt: T + 1_600,
    });
    // Order 3 was created 1.5 s after the sold-out change: beyond the in-flight allowance.
    truth.orders[0] = row(1, { lines: [{ itemId: QUOTA_ITEM, quantity: 2 }] });
    truth.orders[1] = row(2, { lines: [{ itemId: QUOTA_ITEM, quantity: 1 }] });
    const v = judge(record, truth, 10_000);
    expect(v.breaches.filter((b) => b.rule === 'sold_out').map((b) => b.subject)).toEqual([id(3)]);
    expect(v.breaches.filter((b) => b.rule === 'quota').map((b) => b.detail)).toEqual([
      '3 for 2026-10-17, quota 2',
    ]);
  });

  it('counts an order the server refused, and shown refused on the phone, as refused rather than lost', () => {
    const { record, truth } = cleanDay();
    truth.orders = [row(1), row(2)];
    truth.mutations.push({
      name: 'placeOrder',
      status: 'rejected',
      code: 'sold_out',
      orderId: id(3),
      createdAt: T + 4_000,
    });
    record.snapshots[0]!.orders[2]!.state = 'refused';
    record.orders[2]!.seen = { saved: T + 3_000, refused: T + 4_100 };
    const v = judge(record, truth, 10_000);
    expect(v.breaches).toEqual([]);
    expect(v.figures).toMatchObject({ refused: 1, lost: 0, refusedByCode: { sold_out: 1 } });
  });
});
