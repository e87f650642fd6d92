import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBoardNow } from '../../src/domain/dueTime';
import { shopLocalDate } from '../../src/domain/hours';
import { pickupDays } from '../../src/domain/pickupOptions';
import { addDays, shopMinuteOfDay, type Schedule } from '../../src/domain/schedule';
import { minutesOfDay } from '../../src/domain/hours';
import { loginTablet } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { orderLabel } from '../../src/i18n/orderLabel';
import { customerPusher, demoShop, placeOrder, shopPusher, type DemoShop } from '../support/shopOrders';
import { json } from '../support/testApp';

afterAll(dropTestSchemas);

type Stage = 'placed' | 'accepted' | 'ready';
interface Planned {
  name: string;
  stage: Stage;
  when: { date: string; slot: string | null };
  /** A "now" order accepted with this many minutes (its due time is then the ready-by time). */
  prep?: number;
  delivery?: boolean;
}

/**
 * The Saturday at the counter, with twelve orders of every kind: "now" pickups and a
 * delivery, today's slots, and pre-orders for the following days. Listed here in the order they
 * are due, stage by stage; they are placed in another order (pre-orders first, as they are in life).
 */
function plan(schedule: Schedule): Planned[] {
  const now = new Date();
  const today = shopLocalDate(now, schedule.timeZone);
  const nowMinute = shopMinuteOfDay(now, schedule.timeZone);
  // Today's slots an hour or more away (after any "now" order's ready-by time); after 22:00 there
  // are none left, and tomorrow morning stands in for them (still before the later pre-orders).
  const todays = pickupDays(now, schedule, {}, [])
    .find((d) => d.date === today)
    ?.slots.map((s) => s.slot)
    .filter((s) => minutesOfDay(s) >= nowMinute + 60);
  const [t1, t2] =
    todays && todays.length >= 2
      ? [
          { date: today, slot: todays[0]! },
          { date: today, slot: todays[1]! },
        ]
      : [
          { date: addDays(today, 1), slot: '07:00' },
          { date: addDays(today, 1), slot: '07:30' },
        ];
  const asap = { date: today, slot: null };
  return [
    { name: '지금 김하나', stage: 'placed', when: asap },
    { name: '배달 이두리', stage: 'placed', when: asap, delivery: true },
    { name: '오늘 박세나', stage: 'placed', when: t1 },
    { name: '내일 최네리', stage: 'placed', when: { date: addDays(today, 1), slot: '12:00' } },
    { name: '수요일 정다섯', stage: 'placed', when: { date: addDays(today, 4), slot: '11:00' } },
    { name: '지금 강여섯', stage: 'accepted', when: asap, prep: 10 },
    { name: '지금 조일곱', stage: 'accepted', when: asap, prep: 20 },
    { name: '오늘 윤여덟', stage: 'accepted', when: t2 },
    { name: '모레 장아홉', stage: 'accepted', when: { date: addDays(today, 2), slot: '10:00' } },
    { name: '지금 임열', stage: 'ready', when: asap, prep: 10 },
    { name: '오늘 한열하나', stage: 'ready', when: t1 },
    { name: '내일 오열둘', stage: 'ready', when: { date: addDays(today, 1), slot: '09:00' } },
  ];
}

async function seed(server: LiveServer, shop: DemoShop): Promise<Map<string, string>> {
  const res = await json(server.app, { method: 'GET', url: '/api/shops/uri-banchan' });
  const schedule = (res.json() as { schedule: Schedule }).schedule;
  await server.storage.query("update shops set delivery_enabled = true where slug = 'uri-banchan'");
  const phone = await customerPusher(server.app);
  const counter = await shopPusher(server.app);
  const orders = plan(schedule);
  const ids = new Map<string, string>();
  // The pre-orders and slots placed first, latest first, as if days ago; today's "now" orders last,
  // in the order they are due (a sort by creation time would put Wednesday's pre-order on top).
  // Accepted in due order, so ready-by times follow it.
  const now = (o: Planned) => o.when.slot === null;
  for (const o of [...orders.filter((x) => !now(x)).reverse(), ...orders.filter(now)]) {
    const place = placeOrder({
      lines: [
        { itemId: shop.item('멸치볶음').id, quantity: 1, optionIds: [] },
        { itemId: shop.item('제육볶음').id, quantity: 2, optionIds: [] },
      ],
      ...o.when,
      customerName: o.name,
      ...(o.delivery ? { fulfilment: 'delivery' as const, address: '서울 마포구 동교로 1, 101호' } : {}),
    });
    ids.set(o.name, place.args.orderId);
    await (o.delivery ? counter : phone).push(place);
  }
  for (const o of orders) {
    if (o.stage === 'placed') continue;
    const orderId = ids.get(o.name)!;
    // S10: a "now" order is accepted with prep minutes, an order for a slot confirmed for it (#16).
    if (o.when.slot === null)
      await counter.push({
        name: 'acceptOrder',
        args: { orderId, from: 'placed', prepMinutes: o.prep ?? 30 },
      });
    else await counter.push({ name: 'confirmOrder', args: { orderId, from: 'placed' } });
    const from = o.when.slot === null ? ('accepted' as const) : ('confirmed' as const);
    if (o.stage === 'ready') await counter.push({ name: 'markReady', args: { orderId, from } });
  }
  return ids;
}

interface Seen {
  label: string;
  column: string;
  fully: boolean;
}

/**
 * Every card on the board, by column, and whether it is fully on screen: inside the viewport and
 * inside every scrolling box around it (a column that scrolls on its own clips what is below).
 */
const cardsOnScreen = (page: Page): Promise<Seen[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.board-column li.board-card')].map((li) => {
      const r = li.getBoundingClientRect();
      let top = 0;
      let left = 0;
      let bottom = window.innerHeight;
      let right = window.innerWidth;
      for (let el = li.parentElement; el; el = el.parentElement) {
        const s = getComputedStyle(el);
        if (s.overflowY === 'visible' && s.overflowX === 'visible') continue;
        const c = el.getBoundingClientRect();
        [top, left, bottom, right] = [
          Math.max(top, c.top),
          Math.max(left, c.left),
          Math.min(bottom, c.bottom),
          Math.min(right, c.right),
        ];
      }
      const slack = 0.5;
      return {
        label: li.getAttribute('aria-label') ?? '',
        column: li.closest('section.board-column')?.getAttribute('aria-labelledby') ?? '',
        fully:
          r.height > 0 &&
          r.top >= top - slack &&
          r.left >= left - slack &&
          r.bottom <= bottom + slack &&
          r.right <= right + slack,
      };
    }),
  );

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
];

describe.each(drivers.slice(0, 1))('the board on a counter tablet in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let ids: Map<string, string>;
  /** What the board calls each order ("4번"), by customer name (#16). */
  const labels = new Map<string, string>();
  let orders: Planned[];
  /** Confirmed pre-orders not yet within the board's lead time: off the board, counted in its note. */
  let later: Planned[];
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    const shop = await demoShop(server.app);
    ids = await seed(server, shop);
    // Seeded by synchronous pushes: every order is numbered already (no polling outside a test).
    for (const [name, id] of ids) {
      const [row] = await server.storage.query<{ number: number }>(
        'select number from orders where id = $1',
        [id],
      );
      labels.set(name, orderLabel({ id, number: row!.number }, 'ko'));
    }
    const res = await json(server.app, { method: 'GET', url: '/api/shops/uri-banchan' });
    const schedule = (res.json() as { schedule: Schedule }).schedule;
    const all = plan(schedule);
    const offBoard = (o: Planned) =>
      o.stage === 'accepted' &&
      o.when.slot !== null &&
      !onBoardNow(
        { status: 'confirmed', ...o.when, readyBy: null, createdAt: '' },
        new Date(),
        schedule.timeZone,
        schedule.boardLeadMinutes,
      );
    orders = all.filter((o) => !offBoard(o));
    later = all.filter(offBoard);
    expect(orders.length + later.length).toBe(12);
  });

  it.each(SIZES)(
    'at $width×$height, twelve orders: six or more cards fully on screen without scrolling, each column by due time',
    async (viewport) => {
      const context = await browser.newContext({ viewport, locale: 'ko-KR' });
      const tablet = await loginTablet(context, server.url);
      const errors: string[] = [];
      tablet.on('pageerror', (e) => errors.push(e.message));
      const label = (name: string) => `주문 ${labels.get(name)}`;
      await expect
        .poll(async () => (await cardsOnScreen(tablet)).length, { timeout: 20_000 })
        .toBe(orders.length);
      // The counter has taken note of the new orders: the ringing banner is gone.
      const alert = tablet.locator('[role="alert"][data-ringing="true"]');
      await alert.getByRole('button', { name: '확인하고 주문 보기' }).click();
      await alert.waitFor({ state: 'detached' });

      if (later.length > 0)
        await tablet
          .getByText(`확정된 예약 ${later.length}건은 예약 시간 60분 전에 여기 나타나요`, { exact: false })
          .waitFor();
      const seen = await cardsOnScreen(tablet);
      const shown = seen.filter((c) => c.fully);
      if (process.env.BOARD_SHOTS)
        await tablet.screenshot({ path: `/tmp/board-${viewport.width}x${viewport.height}.png` });
      console.log(`${viewport.width}×${viewport.height}: ${shown.length} cards fully visible`);
      expect(shown.length).toBeGreaterThanOrEqual(6);
      expect(await tablet.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
      for (const stage of ['placed', 'accepted', 'ready'] as const) {
        const due = orders.filter((o) => o.stage === stage).map((o) => label(o.name));
        const inColumn = seen.filter((c) => c.column === `col-${stage}`).map((c) => c.label);
        const visible = shown.filter((c) => c.column === `col-${stage}`).map((c) => c.label);
        // The column lists its orders by due time, and what is on screen is the soonest of them.
        expect(inColumn, stage).toEqual(due);
        expect(visible, stage).toEqual(due.slice(0, visible.length));
        expect(visible.length, stage).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
