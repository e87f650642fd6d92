import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  overdueOrders,
  ringingOrders,
  snooze,
  waitingOrders,
} from '../../src/app/shop/board/alerts';
import { newLocalOrder } from '../../src/client/db';
import type { Order } from '../../src/domain/order';
import { freshDb } from '../support/syncWorld';

const arrived = '2026-05-02T01:00:00.000Z';
const order = (over: Partial<Order>): Order => ({
  id: crypto.randomUUID(),
  lines: [],
  total: 5000,
  status: 'placed',
  fulfilment: 'pickup',
  date: '2026-05-02',
  slot: null,
  customerName: '김단골',
  customerPhone: '010-1234-5678',
  address: '',
  note: '',
  payment: 'at_pickup',
  paidAt: null,
  createdAt: arrived,
  receivedAt: arrived,
  prepMinutes: null,
  readyBy: null,
  rejectReason: null,
  version: 1,
  ...over,
});
const after = (minutes: number) => new Date(Date.parse(arrived) + minutes * 60_000);

describe('the louder re-alert on this tablet (issue #17)', () => {
  it('an acknowledged order still waiting after N minutes rings louder; silencing it lasts N minutes', async () => {
    const db = freshDb(`realert-${crypto.randomUUID()}`);
    const [x, y, typedHere] = [order({}), order({ receivedAt: after(3).toISOString() }), order({})];
    await db.orders.bulkPut([
      { ...newLocalOrder(x.id, 0), server: x, view: x },
      { ...newLocalOrder(y.id, 0), server: y, view: y },
      { ...newLocalOrder(typedHere.id, 0), server: typedHere, view: typedHere, draft: typedHere },
    ]);
    await acknowledge(db, [x.id, y.id]);
    expect(await ringingOrders(db)).toEqual([]);
    const ids = async (at: Date) =>
      overdueOrders(await waitingOrders(db), at, 5)
        .map((o) => o.id)
        .sort();
    expect(await ids(after(4))).toEqual([]);
    // x has waited five minutes since the tablet had it; y arrived three minutes later; never the one typed here.
    expect(await ids(after(5))).toEqual([x.id]);
    expect(await ids(after(8))).toEqual([x.id, y.id].sort());
    await snooze(db, [x.id, y.id], after(8));
    expect(await ids(after(12))).toEqual([]);
    expect(await ids(after(13))).toEqual([x.id, y.id].sort());
    // Answered: it never rings again, and its silencing is forgotten at the next snooze.
    await db.orders.update(x.id, { view: { ...x, status: 'accepted' } });
    expect(await ids(after(30))).toEqual([y.id]);
    await snooze(db, [y.id], after(30));
    expect(Object.keys((await waitingOrders(db)).snoozed)).toEqual([y.id]);
    // Off: 0 minutes.
    expect(overdueOrders(await waitingOrders(db), after(90), 0)).toEqual([]);
    db.close();
  });
});
