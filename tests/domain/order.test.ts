import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  belongsToKind,
  customerMayCancel,
  isActive,
  isFinal,
  kindOf,
  nextStatus,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  statusesOf,
  transitionRefusal,
  type Fulfilment,
  type OrderAction,
  type OrderStatus,
} from '../../src/domain/order';

type Arrows = Partial<Record<OrderAction, OrderStatus>>;

/**
 * The whole S10 machine written out by hand, per kind, independently of the code's own arrow table:
 * for each kind, every legal (status, action) → status; every pair not listed is illegal.
 */
const SHARED_ENDS: Arrows = { reject: 'rejected', cancel: 'cancelled' };
const EXPECTED: Record<string, Partial<Record<OrderStatus, Arrows>>> = {
  'now/pickup': {
    placed: { accept: 'accepted', ...SHARED_ENDS },
    accepted: { markReady: 'ready', ...SHARED_ENDS },
    ready: { complete: 'completed' },
  },
  'scheduled/pickup': {
    placed: { confirm: 'confirmed', ...SHARED_ENDS },
    confirmed: { markReady: 'ready', ...SHARED_ENDS },
    ready: { complete: 'completed' },
  },
  'now/delivery': {
    placed: { accept: 'accepted', ...SHARED_ENDS },
    accepted: { dispatch: 'outForDelivery', ...SHARED_ENDS },
    outForDelivery: { complete: 'completed' },
  },
  'scheduled/delivery': {
    placed: { confirm: 'confirmed', ...SHARED_ENDS },
    confirmed: { dispatch: 'outForDelivery', ...SHARED_ENDS },
    outForDelivery: { complete: 'completed' },
  },
};

const KINDS: { name: string; order: { fulfilment: Fulfilment; slot: string | null } }[] = [
  { name: 'now/pickup', order: { fulfilment: 'pickup', slot: null } },
  { name: 'scheduled/pickup', order: { fulfilment: 'pickup', slot: '10:00' } },
  { name: 'now/delivery', order: { fulfilment: 'delivery', slot: null } },
  { name: 'scheduled/delivery', order: { fulfilment: 'delivery', slot: '17:30' } },
];

const FINAL: readonly OrderStatus[] = ['completed', 'rejected', 'cancelled'];

const status = fc.constantFrom(...ORDER_STATUSES);
const action = fc.constantFrom(...ORDER_ACTIONS);
const kind = fc.constantFrom(...KINDS);

/** Applies actions in turn; an illegal one leaves the status as it was (the server refuses it). */
function run(k: (typeof KINDS)[number], from: OrderStatus, actions: readonly OrderAction[]): OrderStatus[] {
  const seen = [from];
  let s = from;
  for (const a of actions) {
    s = nextStatus({ ...k.order, status: s }, a) ?? s;
    seen.push(s);
  }
  return seen;
}

describe('S10 order state machine, one lifecycle per kind of order', () => {
  it('S10: knows exactly the eight statuses and seven actions', () => {
    expect([...ORDER_STATUSES].sort()).toEqual(
      [
        'accepted',
        'cancelled',
        'completed',
        'confirmed',
        'outForDelivery',
        'placed',
        'ready',
        'rejected',
      ].sort(),
    );
    expect([...ORDER_ACTIONS].sort()).toEqual(
      ['accept', 'cancel', 'complete', 'confirm', 'dispatch', 'markReady', 'reject'].sort(),
    );
  });

  it('S10: a kind is its timing (slot or not) and its handover', () => {
    expect(kindOf({ fulfilment: 'pickup', slot: null })).toEqual({ timing: 'now', fulfilment: 'pickup' });
    expect(kindOf({ fulfilment: 'delivery', slot: '11:30' })).toEqual({
      timing: 'scheduled',
      fulfilment: 'delivery',
    });
  });

  describe.each(KINDS)('S10: $name — every status × action pair matches the table', (k) => {
    const table = EXPECTED[k.name]!;
    const cases = ORDER_STATUSES.flatMap((s) =>
      ORDER_ACTIONS.map((a) => ({ s, a, to: table[s]?.[a] ?? null })),
    );
    it.each(cases.filter((c) => c.to !== null))('$s --$a--> $to is legal', ({ s, a, to }) => {
      expect(nextStatus({ ...k.order, status: s }, a)).toBe(to);
      expect(transitionRefusal({ ...k.order, status: s }, a)).toBeNull();
    });
    it.each(cases.filter((c) => c.to === null))('$s --$a--> is refused', ({ s, a }) => {
      expect(nextStatus({ ...k.order, status: s }, a)).toBeNull();
      expect(transitionRefusal({ ...k.order, status: s }, a)).not.toBeNull();
    });
    it('has exactly seven legal arrows (three steps forward; reject and cancel from its two deciding states)', () => {
      expect(cases.filter((c) => c.to !== null)).toHaveLength(7);
    });
  });

  it('S10: a step of another kind is refused as not_for_this_kind, from any status', () => {
    const preorder = { fulfilment: 'pickup' as const, slot: '10:00' };
    for (const s of ORDER_STATUSES) {
      expect(transitionRefusal({ ...preorder, status: s }, 'accept')).toBe('not_for_this_kind');
      expect(transitionRefusal({ ...preorder, status: s }, 'dispatch')).toBe('not_for_this_kind');
      expect(transitionRefusal({ fulfilment: 'delivery', slot: null, status: s }, 'markReady')).toBe(
        'not_for_this_kind',
      );
      expect(transitionRefusal({ fulfilment: 'pickup', slot: null, status: s }, 'confirm')).toBe(
        'not_for_this_kind',
      );
    }
    expect(transitionRefusal({ ...preorder, status: 'accepted' }, 'confirm')).toBe('invalid_transition');
  });

  it('S10: the happy path of each kind', () => {
    expect(run(KINDS[0]!, 'placed', ['accept', 'markReady', 'complete'])).toEqual([
      'placed',
      'accepted',
      'ready',
      'completed',
    ]);
    expect(run(KINDS[1]!, 'placed', ['confirm', 'markReady', 'complete']).at(-1)).toBe('completed');
    expect(run(KINDS[2]!, 'placed', ['accept', 'dispatch', 'complete'])).toEqual([
      'placed',
      'accepted',
      'outForDelivery',
      'completed',
    ]);
    expect(run(KINDS[3]!, 'placed', ['confirm', 'dispatch', 'complete']).at(-1)).toBe('completed');
  });

  it('S10 property: no sequence of transitions takes an order of one kind into another kind’s state', () => {
    fc.assert(
      fc.property(kind, fc.array(action, { maxLength: 30 }), (k, actions) => {
        const own = new Set(Object.keys(EXPECTED[k.name]!).concat(FINAL));
        for (const s of run(k, 'placed', actions)) expect(own.has(s)).toBe(true);
        expect(new Set(statusesOf(kindOf(k.order)))).toEqual(own);
      }),
    );
    // Each kind's own states are what keeps them apart: a pre-order is never "accepted" (with a
    // ready-by minute), a delivery never "ready" (waiting at the counter), a pickup never on the road.
    expect(statusesOf({ timing: 'scheduled', fulfilment: 'pickup' })).not.toContain('accepted');
    expect(statusesOf({ timing: 'now', fulfilment: 'delivery' })).not.toContain('ready');
    expect(statusesOf({ timing: 'now', fulfilment: 'pickup' })).not.toContain('outForDelivery');
    expect(statusesOf({ timing: 'now', fulfilment: 'pickup' })).not.toContain('confirmed');
  });

  it('S10: two tablets racing — the second identical action finds the status already moved', () => {
    for (const k of KINDS)
      for (const a of ORDER_ACTIONS)
        for (const s of ORDER_STATUSES) {
          const first = nextStatus({ ...k.order, status: s }, a);
          if (first !== null) expect(nextStatus({ ...k.order, status: first }, a)).toBeNull();
        }
  });

  it('S10: a final status (completed, rejected, cancelled) has no way out', () => {
    for (const s of FINAL) {
      expect(isFinal(s)).toBe(true);
      for (const k of KINDS)
        for (const a of ORDER_ACTIONS) expect(nextStatus({ ...k.order, status: s }, a)).toBeNull();
    }
    for (const s of ORDER_STATUSES.filter((x) => !FINAL.includes(x))) expect(isFinal(s)).toBe(false);
  });

  it('S10 property: the machine never goes back, and reaches a final status in at most three steps', () => {
    const rank: Record<OrderStatus, number> = {
      placed: 0,
      accepted: 1,
      confirmed: 1,
      ready: 2,
      outForDelivery: 2,
      completed: 3,
      rejected: 3,
      cancelled: 3,
    };
    fc.assert(
      fc.property(kind, status, fc.array(action, { maxLength: 30 }), (k, from, actions) => {
        let s = from;
        let steps = 0;
        for (const a of actions) {
          const next = nextStatus({ ...k.order, status: s }, a);
          if (next !== null) {
            expect(rank[next]).toBeGreaterThan(rank[s]);
            s = next;
            steps++;
          }
        }
        expect(steps).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('S10: every action belongs to some kind and no kind has them all', () => {
    for (const a of ORDER_ACTIONS) expect(KINDS.some((k) => belongsToKind(kindOf(k.order), a))).toBe(true);
    for (const k of KINDS) expect(ORDER_ACTIONS.every((a) => belongsToKind(kindOf(k.order), a))).toBe(false);
  });

  it('S10: a customer may cancel only while the order is placed; the shop also once accepted or confirmed', () => {
    for (const s of ORDER_STATUSES) expect(customerMayCancel(s)).toBe(s === 'placed');
    expect(nextStatus({ fulfilment: 'pickup', slot: null, status: 'accepted' }, 'cancel')).toBe('cancelled');
    expect(nextStatus({ fulfilment: 'pickup', slot: '10:00', status: 'confirmed' }, 'cancel')).toBe(
      'cancelled',
    );
    expect(nextStatus({ fulfilment: 'delivery', slot: null, status: 'outForDelivery' }, 'cancel')).toBeNull();
  });

  it('rejected and cancelled orders stop holding stock and slots; all others hold them', () => {
    for (const s of ORDER_STATUSES) expect(isActive(s)).toBe(s !== 'rejected' && s !== 'cancelled');
  });
});
