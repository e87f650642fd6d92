import { describe, expect, it } from 'vitest';
import { dueAt, onBoardNow, sortByDue, waitLevel } from '../../src/domain/dueTime';
import type { Order } from '../../src/domain/order';

const ZONE = 'Asia/Seoul';
type Due = Pick<Order, 'id' | 'date' | 'slot' | 'readyBy' | 'createdAt'>;
const order = (id: string, o: Partial<Due>): Due => ({
  id,
  date: '2026-12-12',
  slot: null,
  readyBy: null,
  createdAt: '2026-12-12T02:00:00.000Z',
  ...o,
});

/** Saturday 2026-12-12 at 11:50 in Seoul (02:50 UTC), a 반찬가게's board. */
const SATURDAY = [
  order('wed-preorder', { date: '2026-12-16', slot: '10:00', createdAt: '2026-12-05T01:00:00.000Z' }),
  order('sat-preorder-13', { slot: '13:00', createdAt: '2026-12-10T09:00:00.000Z' }),
  order('now-accepted', { createdAt: '2026-12-12T02:45:00.000Z', readyBy: '2026-12-12T03:05:00.000Z' }),
  order('today-slot-12', { slot: '12:00', createdAt: '2026-12-12T02:00:00.000Z' }),
  order('now-delivery', { createdAt: '2026-12-12T02:48:00.000Z' }),
  order('now-placed', { createdAt: '2026-12-12T02:40:00.000Z' }),
  order('sun-preorder', { date: '2026-12-13', slot: '09:00', createdAt: '2026-12-01T00:00:00.000Z' }),
];

describe('due time: the board sorts by when an order is promised for', () => {
  it('a slot order is due at its date and slot; a "now" order at its ready-by time, or when placed until accepted (shop time)', () => {
    expect(dueAt(SATURDAY[0]!, ZONE)).toBe('2026-12-16 10:00');
    expect(dueAt(SATURDAY[2]!, ZONE)).toBe('2026-12-12 12:05');
    expect(dueAt(SATURDAY[5]!, ZONE)).toBe('2026-12-12 11:40');
    // 23:30 UTC on the 11th is 08:30 on the 12th in Seoul: the shop's day, not the server's.
    expect(dueAt(order('x', { createdAt: '2026-12-11T23:30:00.000Z' }), ZONE)).toBe('2026-12-12 08:30');
  });

  it('today’s "now" orders come before later pre-orders, placed long before; everything by due time', () => {
    expect(sortByDue(SATURDAY, ZONE, (o) => o).map((o) => o.id)).toEqual([
      'now-placed', // 11:40
      'now-delivery', // 11:48
      'today-slot-12', // 12:00
      'now-accepted', // ready by 12:05
      'sat-preorder-13', // 13:00
      'sun-preorder', // tomorrow 09:00
      'wed-preorder', // Wednesday
    ]);
  });

  it('orders due at the same time: the one placed first, then by id; the input is left as it was', () => {
    const a = order('b', { slot: '12:00', createdAt: '2026-12-12T01:00:00.000Z' });
    const b = order('a', { slot: '12:00', createdAt: '2026-12-12T01:00:00.000Z' });
    const c = order('c', { slot: '12:00', createdAt: '2026-12-12T00:00:00.000Z' });
    const input = [a, b, c];
    expect(sortByDue(input, ZONE, (o) => o).map((o) => o.id)).toEqual(['c', 'a', 'b']);
    expect(input.map((o) => o.id)).toEqual(['b', 'a', 'c']);
    // Any wrapper: the board sorts its {local, view} pairs by their view.
    expect(sortByDue([{ view: a }, { view: c }], ZONE, (w) => w.view).map((w) => w.view.id)).toEqual([
      'c',
      'b',
    ]);
  });
});

describe('wait level: a new order’s card turns amber after 5 minutes unanswered and red after 10', () => {
  const placed = {
    status: 'placed' as const,
    receivedAt: '2026-12-12T02:40:00.000Z',
    createdAt: '2026-12-12T02:39:00.000Z',
  };
  const at = (hhmmss: string) => new Date(`2026-12-12T${hhmmss}.000Z`);
  it('counts from when a shop device first had it (or its placing), by whole minutes', () => {
    expect(waitLevel(placed, at('02:44:59'))).toEqual({ level: 'fresh', minutes: 4 });
    expect(waitLevel(placed, at('02:45:00'))).toEqual({ level: 'late', minutes: 5 });
    expect(waitLevel(placed, at('02:49:59'))).toEqual({ level: 'late', minutes: 9 });
    expect(waitLevel(placed, at('02:50:00'))).toEqual({ level: 'overdue', minutes: 10 });
    expect(waitLevel({ ...placed, receivedAt: null }, at('02:49:00'))).toEqual({
      level: 'overdue',
      minutes: 10,
    });
  });
  it('an accepted or ready order no longer waits for the counter', () => {
    expect(waitLevel({ ...placed, status: 'accepted' }, at('03:40:00'))).toEqual({
      level: 'fresh',
      minutes: 0,
    });
  });
});

describe("a confirmed pre-order joins the day's board a set time before its slot (S10)", () => {
  const at1150 = new Date('2026-12-12T02:50:00.000Z');
  const confirmed = (date: string, slot: string) => ({
    status: 'confirmed' as const,
    date,
    slot,
    readyBy: null,
    createdAt: '2026-12-05T01:00:00.000Z',
  });
  it("Wednesday 10:00 is not on Saturday's board; 12:30 today is, with the default 60 minutes", () => {
    expect(onBoardNow(confirmed('2026-12-16', '10:00'), at1150, ZONE)).toBe(false);
    expect(onBoardNow(confirmed('2026-12-12', '12:30'), at1150, ZONE)).toBe(true);
    expect(onBoardNow(confirmed('2026-12-12', '12:50'), at1150, ZONE)).toBe(true);
    expect(onBoardNow(confirmed('2026-12-12', '12:51'), at1150, ZONE)).toBe(false);
  });
  it("follows the shop's own lead time, across midnight in the shop's zone", () => {
    expect(onBoardNow(confirmed('2026-12-12', '14:00'), at1150, ZONE, 180)).toBe(true);
    expect(onBoardNow(confirmed('2026-12-12', '12:00'), at1150, ZONE, 0)).toBe(false);
    // 23:30 on the 12th in Seoul, a 00:15 slot on the 13th: within the hour.
    expect(onBoardNow(confirmed('2026-12-13', '00:15'), new Date('2026-12-12T14:30:00.000Z'), ZONE)).toBe(
      true,
    );
  });
  it('every other open order is on the board at once', () => {
    for (const status of ['placed', 'accepted', 'ready', 'outForDelivery'] as const)
      expect(onBoardNow({ ...confirmed('2026-12-16', '10:00'), status }, at1150, ZONE)).toBe(true);
  });
});
