import type { Browser, BrowserContext, Page } from 'playwright-core';
import { orderState, PHONE, SHOP_NAME } from '../support/customerPage';
import { caughtUpAsOf, readDevice, statesOf, watchOrderStates } from './deviceState';
import type { Rng } from './prng';
import type { DeviceSnapshot, DrillRecord, OrderPath, PlacedOrder } from './record';
import { SLUG } from './server';

/** Items without options: a customer taps "담기" once. 돼지갈비찜 has a daily quota of 20. */
export const PLAIN_ITEMS = [
  '멸치볶음',
  '제육볶음',
  '진미채볶음',
  '시금치나물',
  '콩나물무침',
  '소고기미역국',
  '깍두기',
  '돼지갈비찜',
];

export interface SmsMessage {
  orderId: string;
  body: string;
  at: number;
}

export interface Arrival {
  /** Wall ms from the start of the day. */
  at: number;
  n: number;
  kind: 'browser' | 'background';
  intent: 'now' | 'preorder' | 'chat';
  items: string[];
  /** Days ahead for a pre-order (1–3). */
  daysAhead: number;
  /** Would text the order to the shop if it is stuck on the phone. */
  wouldText: boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How long a stuck customer looks at "saved on this phone" before the hand-off is offered (OrderPage: 8 s). */
const HANDOFF_WAIT_MS = 15_000;

/**
 * A customer's phone: one Chromium context at the phone viewport using the real customer screens.
 * Several customers use it in turn; each closes the tab and the next opens a new one (the phone's
 * IndexedDB and service worker stay, as on a real phone).
 */
export class BrowserPhone {
  context!: BrowserContext;
  page: Page | undefined;
  offline = false;
  private mine = new Map<string, PlacedOrder>();

  constructor(
    readonly label: string,
    private browser: Browser,
    private url: () => string,
    private record: DrillRecord,
    private alive: () => { serverUp: boolean },
  ) {}

  async open(): Promise<void> {
    this.context = await this.browser.newContext(PHONE);
    this.context.setDefaultTimeout(10_000);
    await watchOrderStates(this.context, (id, state, at, text) => {
      const o = this.mine.get(id);
      if (o && o.seen[state] === undefined) o.seen[state] = at;
      if (o && o.settledAt === null && state !== 'saved') o.settledAt = at;
      if (state === 'rejected') this.record.reasonsSeen.push({ orderId: id, text });
    });
    await this.openTab();
    // The app shell is cached: later visits work without the network (as a real phone's would).
    await this.page!.evaluate(() => navigator.serviceWorker.ready);
  }

  /** Opens the shop's link in a fresh tab. */
  async openTab(): Promise<Page> {
    const page = await this.context.newPage();
    page.on('pageerror', (e) => this.record.notes.push(`${this.label}: page error ${e.message}`));
    await page.goto(`${this.url()}/s/${SLUG}`, { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor({ timeout: 20_000 });
    this.page = page;
    return page;
  }

  /** "The tab is closed and reopened." */
  async reopen(): Promise<void> {
    await this.page?.close().catch(() => {});
    this.page = undefined;
    await this.openTab();
  }

  async setOffline(offline: boolean): Promise<void> {
    this.offline = offline;
    await this.context.setOffline(offline);
  }

  /**
   * One customer's visit. Orders go through the menu and the cart; a stuck order waits on its page
   * and, for a customer who would, is texted to the shop with the screen's own hand-off link.
   */
  async visit(a: Arrival, rng: Rng, sms: SmsMessage[]): Promise<void> {
    const page = this.page ?? (await this.openTab());
    await page.goto(`${this.url()}/s/${SLUG}`, { timeout: 20_000 }).catch(async () => {
      // The server is gone and the navigation failed outright: a new tab loads from the phone's cache.
      await this.reopen();
    });
    const p = this.page!;
    await p.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor({ timeout: 20_000 });
    if (a.intent === 'chat') {
      await p.getByRole('link', { name: '문의하기' }).first().click();
      await p.getByLabel('메시지').fill(`${a.n}번 손님: 오늘 몇 시까지 하세요?`);
      await p.getByRole('button', { name: '보내기' }).click();
      this.record.chats.sent++;
      return;
    }
    let added = 0;
    for (const name of a.items) {
      const button = p.getByRole('button', { name: `${name} 담기`, exact: true });
      // Sold out on this phone's menu: the customer picks something else.
      if ((await button.count()) === 0) continue;
      await button.click();
      added++;
    }
    if (added === 0) {
      const any = p.getByRole('button', { name: /^(멸치볶음|제육볶음|깍두기|시금치나물) 담기$/ }).first();
      await any.click();
    }
    const path: OrderPath = this.offline || !this.alive().serverUp ? 'offline' : 'online';
    const customerName = `손님${a.n}`;
    const placedAt = Date.now();
    const id = await placeFromCart(
      p,
      customerName,
      `010-5${String(a.n).padStart(3, '0')}-${rng.int(1000, 9999)}`,
      a,
    );
    // The phone's own rules (quota, sold out as last heard) turned it down: no order was placed.
    if (!id) {
      this.record.notes.push(`${this.label} customer ${a.n}: the phone declined the order before placing it`);
      return;
    }
    const order: PlacedOrder = {
      id,
      path,
      device: this.label,
      customerName,
      items: a.items,
      date: '',
      placedAt,
      settledAt: null,
      seen: {},
    };
    this.mine.set(id, order);
    this.record.orders.push(order);
    // The customer watches the order page for a while: the honest state, then maybe the hand-off.
    const deadline = Date.now() + HANDOFF_WAIT_MS;
    while (Date.now() < deadline) {
      const state = await orderState(p)
        .getAttribute('data-state', { timeout: 5_000 })
        .catch(() => null);
      if (state && state !== 'saved') return;
      const link = p.getByRole('link', { name: '문자로 주문 보내기' });
      if (a.wouldText && (await link.count()) > 0) {
        const href = (await link.getAttribute('href'))!;
        sms.push({
          orderId: id,
          body: decodeURIComponent(href.slice(href.indexOf('body=') + 5)),
          at: Date.now(),
        });
        order.path = 'sms';
        return;
      }
      await sleep(500);
    }
  }

  /** Shows a rejected order's page to the customer (the reason must be on it). */
  async lookAt(orderId: string): Promise<string> {
    const p = this.page ?? (await this.openTab());
    await p.goto(`${this.url()}/s/${SLUG}/o/${orderId}`, { timeout: 20_000 });
    const state = orderState(p);
    await p.locator('article.order-page [role="status"][data-state="rejected"]').waitFor({ timeout: 15_000 });
    return (await state.textContent()) ?? '';
  }

  async queue(): Promise<number> {
    if (!this.page) return 0;
    return (await readDevice(this.page)).outbox;
  }

  /** In step with the server as it came back at `asOf` (caughtUpAsOf). */
  async caughtUp(asOf: number): Promise<boolean> {
    if (!this.page) return true;
    return caughtUpAsOf(await readDevice(this.page), asOf);
  }

  async snapshot(): Promise<DeviceSnapshot> {
    const d = this.page ? await readDevice(this.page) : { orders: [], outbox: 0, outboxMadeAt: [] };
    // The phone's own record of when the server acknowledged each order.
    for (const o of d.orders) {
      const mine = this.mine.get(o.id);
      if (mine && o.ackedAt !== null) mine.settledAt = Math.min(mine.settledAt ?? Infinity, o.ackedAt);
      if (mine && o.draft) mine.date = o.draft.date;
    }
    return {
      device: this.label,
      kind: 'phone',
      at: Date.now(),
      outbox: d.outbox,
      orders: statesOf(d.orders),
    };
  }

  orders(): PlacedOrder[] {
    return [...this.mine.values()];
  }
}

/**
 * The cart and checkout (as tests/support/customerPage.ts checkout, which waits only for success):
 * returns the new order's id, or null when the phone's own checks refused it with an alert.
 */
async function placeFromCart(p: Page, name: string, phone: string, a: Arrival): Promise<string | null> {
  await p.getByRole('link', { name: /^장바구니 \(/ }).click();
  await p.getByRole('heading', { name: '장바구니' }).waitFor();
  if (a.intent === 'preorder') {
    const days = p.locator('fieldset.calendar input[name="date"]:not([disabled])');
    const n = await days.count();
    if (n > 1) await days.nth(Math.min(a.daysAhead, n - 1)).check();
  }
  await p.getByLabel('이름').fill(name);
  await p.getByLabel('휴대폰 번호').fill(phone);
  // #16: "주문 내용 확인" first; the review step's "…원 주문하기" only if the phone found nothing wrong.
  await p.getByRole('button', { name: /주문 내용 확인/ }).click();
  const place = p.getByRole('button', { name: /주문하기$/ });
  const stopped = p.locator('form.checkout [role="alert"]').filter({ hasText: /\S/ });
  await Promise.race([place.waitFor({ timeout: 20_000 }), stopped.waitFor({ timeout: 20_000 })]).catch(
    () => {},
  );
  if (await place.isVisible()) await place.click();
  const placed = p.waitForURL(/\/o\/[0-9a-f-]{36}/, { timeout: 20_000 }).then(() => true);
  const refused = p
    .locator('form.checkout [role="alert"]')
    .filter({ hasText: /\S/ })
    .waitFor({ timeout: 20_000 })
    .then(() => false);
  const ok = await Promise.any([placed, refused]);
  if (!ok) return null;
  return /\/o\/([0-9a-f-]{36})/.exec(p.url())![1]!;
}
