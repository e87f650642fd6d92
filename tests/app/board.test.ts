import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictsOf, dismissConflict } from '../../src/client/conflicts';
import { newLocalOrder } from '../../src/client/db';
import { enqueue } from '../../src/client/outbox';
import { acknowledge, ringingOrders } from '../../src/app/shop/board/alerts';
import { minutesUntil } from '../../src/app/shop/board/AcceptControls';
import { conflictText, itemConflictText, voucherConflictText } from '../../src/app/shop/board/conflictText';
import { finishedOrders, isPreorder, openOrders } from '../../src/app/shop/board/queries';
import { rejectReason } from '../../src/app/shop/board/RejectDialog';
import { boardStatusKey } from '../../src/app/shop/board/statusWords';
import { isolate } from '../../src/domain/bidi';
import type { MenuItem } from '../../src/domain/catalogue';
import type { Order } from '../../src/domain/order';
import { voucherCode } from '../../src/domain/voucher';
import { errorMessage } from '../../src/protocol/errors';
// The console's words, as its chunk registers them when it loads.
import '../../src/app/shop/consoleMessages';
import { translate } from '../../src/i18n';
import { drivers, dropTestSchemas } from '../support/drivers';
import { startTestApp, type TestApp } from '../support/testApp';
import {
  device,
  freshDb,
  injectTransport,
  makeSyncShop,
  newDevice,
  orderArgs,
  type SyncShop,
} from '../support/syncWorld';

afterAll(dropTestSchemas);

const ko = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate('ko', key, vars);

/** S5/S10 on the shop side: a tablet whose change lost a race keeps a notice of it, in plain words. */
describe.each(drivers)('conflicts on a shop device on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t?.close());

  it('S10: the second tablet’s refused accept is recorded once, explained with what stands now, and dismissible', async () => {
    const phone = device(
      freshDb(),
      injectTransport(t.app, { device: await newDevice(t.app), slug: shop.slug }),
    );
    const a = device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }), true);
    const b = device(freshDb(), injectTransport(t.app, { cookie: shop.ownerCookie }), true);
    const args = orderArgs(shop.items.plain);
    await enqueue(phone.db, 'placeOrder', args);
    await phone.engine.syncOnce();
    await Promise.all([a.engine.syncOnce(), b.engine.syncOnce()]);

    await enqueue(a.db, 'acceptOrder', { orderId: args.orderId, from: 'placed', prepMinutes: 20 });
    await enqueue(b.db, 'rejectOrder', { orderId: args.orderId, from: 'placed', reason: '재료 소진' });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    // The refused entry has left B's outbox (a pull confirmed it); the notice stays.
    expect(await b.db.outbox.count()).toBe(0);
    const list = await conflictsOf(b.db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ orderId: args.orderId, name: 'rejectOrder', code: 'invalid_transition' });
    expect(await conflictsOf(a.db)).toEqual([]);
    // A later sync does not record it again.
    await b.engine.syncOnce();
    expect(await conflictsOf(b.db)).toHaveLength(1);

    const now = (await b.db.orders.get(args.orderId))!.server!;
    expect(now.status).toBe('accepted');
    const text = conflictText(list[0]!, now, ko, 'ko', 'Asia/Seoul');
    expect(text.failed).toBe('거절하지 못했어요.');
    expect(text.why).toBe('다른 기기에서 이미 접수했습니다.');
    expect(text.now).toMatch(/^지금 상태: 접수됨 \(20분, .+까지\)$/);

    await dismissConflict(b.db, list[0]!.key);
    expect(await conflictsOf(b.db)).toEqual([]);
  });
});

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
  createdAt: '2026-05-02T01:00:00.000Z',
  receivedAt: null,
  prepMinutes: null,
  readyBy: null,
  rejectReason: null,
  version: 1,
  ...over,
});

describe('the board’s words and reads', () => {
  it('says who moved the order on, or the error’s own words when the status does not explain it', () => {
    const cancelled = conflictText(
      { name: 'acceptOrder', code: 'invalid_transition' },
      order({ status: 'cancelled' }),
      ko,
      'ko',
    );
    expect(cancelled).toEqual({
      subject: '주문 ',
      failed: '접수하지 못했어요.',
      why: '손님이 주문을 취소했습니다.',
      now: '지금 상태: 취소됨',
    });
    const soldOut = conflictText({ name: 'placeOrder', code: 'sold_out' }, null, ko, 'ko');
    expect(soldOut).toEqual({
      subject: '주문 ',
      failed: '주문을 저장하지 못했어요.',
      why: '품절된 메뉴가 있습니다.',
      now: '',
    });
    const en = conflictText(
      { name: 'rejectOrder', code: 'invalid_transition' },
      order({ status: 'rejected', rejectReason: 'busy' }),
      (k, v) => translate('en', k, v),
      'en',
    );
    expect(`${en.failed} ${en.why} ${en.now}`).toBe(
      // The typed reason between isolates: an override in it cannot reverse the ")" after it.
      `Could not reject. Another device already rejected it. Now: rejected (reason: ${isolate('busy')})`,
    );
  });

  it('says which item or voucher a refused change without an order was about, and what stands now', () => {
    const item = { name: '멸치볶음', soldOutUntil: '2999-01-01' } as MenuItem;
    expect(itemConflictText({ code: 'unknown_item' }, item, ko, 'ko', 'Asia/Seoul')).toEqual({
      subject: '멸치볶음',
      failed: '품절 표시를 바꾸지 못했어요.',
      why: errorMessage('unknown_item', 'ko'),
      now: '지금 상태: 품절',
    });
    expect(itemConflictText({ code: 'forbidden' }, null, ko, 'ko', 'Asia/Seoul').subject).toBe('지워진 메뉴');
    const voucherId = crypto.randomUUID();
    const words = voucherConflictText(
      { code: 'voucher_not_found', voucherId, amount: 12_000 },
      30_000,
      ko,
      'ko',
    );
    expect(words).toEqual({
      subject: `상품권 ${voucherCode(voucherId)}`,
      failed: '12,000원 사용이 서버에 기록되지 않았어요.',
      why: errorMessage('voucher_not_found', 'ko'),
      now: '지금 남은 금액: 30,000원 이미 건넨 만큼은 손님과 직접 정리해 주세요.',
    });
    // A code this build does not know still reads as words, never as the raw code.
    expect(voucherConflictText({ code: 'from_the_future' }, null, ko, 'ko').why).toBe(
      errorMessage('internal', 'ko'),
    );
  });

  it('turns a clock time into prep minutes in the shop’s zone, within the protocol’s 1–240', () => {
    const at = new Date('2026-05-02T03:00:00Z'); // 12:00 in Seoul
    expect(minutesUntil('12:40', at, 'Asia/Seoul')).toBe(40);
    expect(minutesUntil('16:00', at, 'Asia/Seoul')).toBe(240);
    expect(minutesUntil('16:01', at, 'Asia/Seoul')).toBeNull();
    expect(minutesUntil('11:59', at, 'Asia/Seoul')).toBeNull(); // tomorrow: beyond the bound
    expect(minutesUntil('00:30', new Date('2026-05-02T14:50:00Z'), 'Asia/Seoul')).toBe(40); // past midnight
    expect(minutesUntil('nope', at, 'Asia/Seoul')).toBeNull();
  });

  it('joins a quick reason and a note, bounded by the protocol', () => {
    expect(rejectReason('재료 소진', ' 내일 오세요 ')).toBe('재료 소진 — 내일 오세요');
    expect(rejectReason('', '직접 쓴 사유')).toBe('직접 쓴 사유');
    expect(rejectReason('', '  ')).toBe('');
    expect(rejectReason('재료 소진', 'x'.repeat(300))).toHaveLength(200);
  });

  it('S10: a card speaks its own kind: a pre-order waits to be confirmed, a delivery is never collected', () => {
    const words = (o: Partial<Order>) =>
      ko(boardStatusKey(order(o)), { when: '12월 16일 (수) 10:00', rider: '김기사' });
    expect(words({ status: 'placed', slot: '10:00' })).toBe('새 예약 — 확정을 기다려요');
    expect(words({ status: 'placed', slot: null })).toBe('새 주문 — 접수를 기다려요');
    expect(words({ status: 'confirmed', slot: '10:00' })).toBe('예약 확정 — 12월 16일 (수) 10:00');
    expect(words({ status: 'outForDelivery', fulfilment: 'delivery', riderName: '김기사' })).toBe(
      '배달 중 — 김기사',
    );
    expect(words({ status: 'completed', fulfilment: 'delivery' })).toBe('배달 완료');
    expect(words({ status: 'completed', fulfilment: 'pickup' })).toBe('픽업 완료');
    expect(words({ status: 'cancelled' })).toBe('취소됨');
  });

  it('a pre-order is one placed on an earlier shop day than its date', () => {
    // 23:30 on 1 May in Seoul is still 1 May there, though 14:30 UTC.
    expect(isPreorder(order({ createdAt: '2026-05-01T14:30:00Z' }), 'Asia/Seoul')).toBe(true);
    // 00:30 on 2 May in Seoul (15:30 UTC on 1 May): same day, not a pre-order.
    expect(isPreorder(order({ createdAt: '2026-05-01T15:30:00Z' }), 'Asia/Seoul')).toBe(false);
  });

  it('reads open orders by index and finished ones a page at a time, latest date first', async () => {
    const db = freshDb(`board-${crypto.randomUUID()}`);
    const rows = [
      ...Array.from({ length: 50 }, (_, i) =>
        order({ status: 'completed', date: `2026-04-${String(1 + (i % 28)).padStart(2, '0')}` }),
      ),
      order({ status: 'placed' }),
      order({ status: 'accepted' }),
      order({ status: 'cancelled', date: '2026-05-09' }),
    ];
    await db.orders.bulkPut(rows.map((v) => ({ ...newLocalOrder(v.id, 0), server: v, view: v })));
    expect((await openOrders(db)).map((o) => o.view!.status).sort()).toEqual(['accepted', 'placed']);
    const page = await finishedOrders(db, 10);
    expect(page).toHaveLength(10);
    expect(page[0]!.view!.date).toBe('2026-05-09');
    const dates = page.map((o) => o.view!.date);
    expect(dates).toEqual([...dates].sort().reverse());
    db.close();
  });

  it('rings for placed orders not written here and not acknowledged; acknowledged ones stay quiet', async () => {
    const db = freshDb(`ring-${crypto.randomUUID()}`);
    const [x, y, mine] = [order({}), order({}), order({})];
    await db.orders.bulkPut([
      { ...newLocalOrder(x.id, 0), server: x, view: x },
      { ...newLocalOrder(y.id, 0), server: y, view: y },
      { ...newLocalOrder(mine.id, 0), server: mine, view: mine, draft: mine },
    ]);
    expect((await ringingOrders(db)).map((o) => o.id).sort()).toEqual([x.id, y.id].sort());
    await acknowledge(db, [x.id]);
    expect((await ringingOrders(db)).map((o) => o.id)).toEqual([y.id]);
    db.close();
  });
});
