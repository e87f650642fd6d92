import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerMayCancel,
  isActive,
  isFinal,
  nextStatus,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  type OrderAction,
  type OrderStatus,
} from '../../src/domain/order';

/**
 * The whole S10 machine written out by hand, independently of the code's own arrow table:
 * every (status, action) pair, null where the arrow does not exist.
 */
const EXPECTED: Record<OrderStatus, Record<OrderAction, OrderStatus | null>> = {
  placed: { accept: 'accepted', reject: 'rejected', markReady: null, complete: null, cancel: 'cancelled' },
  accepted: { accept: null, reject: 'rejected', markReady: 'ready', complete: null, cancel: 'cancelled' },
  ready: { accept: null, reject: null, markReady: null, complete: 'completed', cancel: null },
  completed: { accept: null, reject: null, markReady: null, complete: null, cancel: null },
  rejected: { accept: null, reject: null, markReady: null, complete: null, cancel: null },
  cancelled: { accept: null, reject: null, markReady: null, complete: null, cancel: null },
};

const FINAL: readonly OrderStatus[] = ['completed', 'rejected', 'cancelled'];

const status = fc.constantFrom(...ORDER_STATUSES);
const action = fc.constantFrom(...ORDER_ACTIONS);

/** Applies actions in turn; an illegal one leaves the status as it was (the server refuses it). */
function run(from: OrderStatus, actions: readonly OrderAction[]): OrderStatus[] {
  const seen = [from];
  let s = from;
  for (const a of actions) {
    s = nextStatus(s, a) ?? s;
    seen.push(s);
  }
  return seen;
}

describe('S10 order state machine', () => {
  it('S10: knows exactly the six statuses and five actions', () => {
    expect([...ORDER_STATUSES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...ORDER_ACTIONS].sort()).toEqual(['accept', 'cancel', 'complete', 'markReady', 'reject']);
    expect(new Set(ORDER_STATUSES).size).toBe(ORDER_STATUSES.length);
    expect(new Set(ORDER_ACTIONS).size).toBe(ORDER_ACTIONS.length);
  });

  describe('S10: every status × action pair matches the table', () => {
    const cases = ORDER_STATUSES.flatMap((s) => ORDER_ACTIONS.map((a) => ({ s, a, to: EXPECTED[s][a] })));
    it.each(cases.filter((c) => c.to !== null))('S10: $s --$a--> $to is legal', ({ s, a, to }) => {
      expect(nextStatus(s, a)).toBe(to);
    });
    it.each(cases.filter((c) => c.to === null))('S10: $s --$a--> is illegal (null)', ({ s, a }) => {
      expect(nextStatus(s, a)).toBeNull();
    });
    it('S10: the table has exactly the seven legal arrows of the design', () => {
      expect(cases.filter((c) => c.to !== null)).toHaveLength(7);
      expect(cases).toHaveLength(ORDER_STATUSES.length * ORDER_ACTIONS.length);
    });
  });

  it('S10: the happy path is placed → accepted → ready → completed', () => {
    expect(run('placed', ['accept', 'markReady', 'complete'])).toEqual([
      'placed',
      'accepted',
      'ready',
      'completed',
    ]);
  });

  it('S10: two tablets racing — the second identical action finds the status already moved', () => {
    for (const a of ORDER_ACTIONS) {
      for (const s of ORDER_STATUSES) {
        const first = nextStatus(s, a);
        if (first !== null) expect(nextStatus(first, a)).toBeNull();
      }
    }
  });

  it('S10: a final status (completed, rejected, cancelled) has no way out', () => {
    for (const s of FINAL) {
      expect(isFinal(s)).toBe(true);
      for (const a of ORDER_ACTIONS) expect(nextStatus(s, a)).toBeNull();
    }
    for (const s of ORDER_STATUSES.filter((x) => !FINAL.includes(x))) expect(isFinal(s)).toBe(false);
  });

  it('S10 property: from any status, no sequence of actions ever leaves a final status', () => {
    fc.assert(
      fc.property(status, fc.array(action, { maxLength: 30 }), (from, actions) => {
        const seen = run(from, actions);
        const firstFinal = seen.findIndex(isFinal);
        if (firstFinal >= 0) {
          for (const s of seen.slice(firstFinal)) expect(s).toBe(seen[firstFinal]);
        }
      }),
    );
  });

  it('S10 property: every step taken is an arrow of the table, and the machine never goes back', () => {
    const rank: Record<OrderStatus, number> = {
      placed: 0,
      accepted: 1,
      ready: 2,
      completed: 3,
      rejected: 3,
      cancelled: 3,
    };
    fc.assert(
      fc.property(status, fc.array(action, { maxLength: 30 }), (from, actions) => {
        let s = from;
        for (const a of actions) {
          const next = nextStatus(s, a);
          expect(next).toBe(EXPECTED[s][a]);
          if (next !== null) {
            expect(rank[next]).toBeGreaterThan(rank[s]);
            s = next;
          }
        }
      }),
    );
  });

  it('S10 property: any sequence from placed takes at most three steps before it is final', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let s: OrderStatus = 'placed';
        let steps = 0;
        for (const a of actions) {
          const next = nextStatus(s, a);
          if (next !== null) {
            s = next;
            steps++;
          }
        }
        expect(steps).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('S10: a customer may cancel only while the order is placed', () => {
    for (const s of ORDER_STATUSES) expect(customerMayCancel(s)).toBe(s === 'placed');
  });

  it('S10: whenever a customer may cancel, cancelling is also a legal arrow', () => {
    for (const s of ORDER_STATUSES) {
      if (customerMayCancel(s)) expect(nextStatus(s, 'cancel')).toBe('cancelled');
    }
  });

  it('S10: the shop may still cancel an accepted order, the customer may not', () => {
    expect(nextStatus('accepted', 'cancel')).toBe('cancelled');
    expect(customerMayCancel('accepted')).toBe(false);
  });

  it('rejected and cancelled orders stop holding stock and slots; all others hold them', () => {
    for (const s of ORDER_STATUSES) {
      expect(isActive(s)).toBe(s !== 'rejected' && s !== 'cancelled');
    }
    expect(isActive('completed')).toBe(true);
  });
});
