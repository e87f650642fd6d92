import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shopLocalDate } from '../../src/domain/hours';
import { loginTablet, TABLET } from '../support/customerPage';
import { literal } from '../support/regex';
import { readDevice, statesOf } from './deviceState';
import type { SmsMessage } from './phone';
import type { Rng } from './prng';
import type { DeviceSnapshot, DrillRecord } from './record';

const QUICK_REASONS = ['재료 소진', '영업 종료', '주문량 많음', '원하는 시간에 준비 불가'];

/**
 * A shop tablet: a Chromium context at the tablet viewport, signed in to the real console. The
 * counter tablet works the board (accept, reject with a reason, print), imports texted orders and
 * marks an item sold out; the second tablet takes phone orders. Either may be offline while it does.
 */
export class BrowserTablet {
  context!: BrowserContext;
  page!: Page;
  offline = false;
  printed: string[] = [];

  constructor(
    readonly label: string,
    private browser: Browser,
    private url: () => string,
    private record: DrillRecord,
  ) {}

  async open(): Promise<void> {
    this.context = await this.browser.newContext(TABLET);
    // Headless Chromium has no printer: window.print records what the print area holds.
    await this.context.exposeBinding('__recordPrint', (_s, text: string) => {
      this.printed.push(text);
      this.record.prints++;
    });
    // As text: code compiled by tsx may call helpers the page does not have.
    await this.context.addInitScript(
      `window.print = () => void window.__recordPrint(document.querySelector('body > .print-area')?.textContent ?? '')`,
    );
    this.context.setDefaultTimeout(20_000);
    this.page = await loginTablet(this.context, this.url());
    this.page.on('pageerror', (e) => this.record.notes.push(`${this.label}: page error ${e.message}`));
  }

  /** After a step failed: close whatever dialog it left open, so the next step starts clean. */
  async recover(): Promise<void> {
    await this.page.keyboard.press('Escape').catch(() => {});
  }

  async setOffline(offline: boolean): Promise<void> {
    this.offline = offline;
    await this.context.setOffline(offline);
  }

  private async tab(name: string): Promise<void> {
    const tab = this.page
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name, exact: true });
    await tab.click();
    await this.page.waitForFunction(
      (el) => el?.getAttribute('aria-current') === 'page',
      await tab.elementHandle(),
      { timeout: 10_000 },
    );
  }

  /** The oldest order waiting on the board: accepted in 20 minutes, or rejected with a reason. */
  async workBoard(rng: Rng, rejectShare: number): Promise<boolean> {
    await this.tab('주문');
    const accept = this.page.getByRole('button', { name: '20분 후 준비로 접수' });
    if ((await accept.count()) === 0) return false;
    const oldest = this.page.getByRole('listitem').filter({ has: accept }).last();
    const name = (await oldest.getAttribute('aria-label')) ?? '';
    // What the board calls the order (#16): "12번", or "임시 K7Q2" for one not on the server yet.
    const prefix = /^주문 (.+)$/.exec(name)?.[1];
    if (!prefix) return false;
    // Pinned by its name: new orders arriving meanwhile must not shift which card is clicked.
    const card = this.page.getByRole('listitem', { name: `주문 ${prefix}`, exact: true });
    if (rng.chance(rejectShare)) {
      await card.getByRole('button', { name: '거절', exact: true }).click();
      const dialog = this.page.getByRole('dialog', { name: `주문 ${prefix} 거절` });
      const quick = rng.pick(QUICK_REASONS);
      await dialog.getByRole('radio', { name: quick }).check();
      const note = rng.chance(0.5) ? '죄송합니다, 다음에 다시 주문해 주세요' : '';
      if (note) await dialog.getByLabel('손님에게 남길 말 (선택)').fill(note);
      await dialog.getByRole('button', { name: '거절하기' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      this.record.rejections.push({
        orderId: prefix,
        reason: note ? `${quick} — ${note}` : quick,
        at: Date.now(),
      });
      return true;
    }
    await card.getByRole('button', { name: '20분 후 준비로 접수' }).click();
    // Every third accepted order gets a kitchen slip, printed from the tablet's own copy.
    if (rng.chance(0.33)) {
      await card.getByRole('button', { name: `주문 ${prefix} 인쇄` }).click();
      const dialog = this.page.getByRole('dialog', { name: `주문 ${prefix} 인쇄` });
      await dialog.getByRole('radio', { name: '주방 주문서' }).check();
      await dialog.getByRole('button', { name: '인쇄', exact: true }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
    }
    return true;
  }

  /** 문자 주문 가져오기: the customer's text pasted whole, checked, and created with the phone's order id. */
  async importSms(message: SmsMessage): Promise<void> {
    await this.tab('주문 입력');
    const sms = this.page.getByRole('region', { name: '문자 주문 가져오기' });
    if ((await sms.count()) === 0)
      await this.page.getByRole('button', { name: '문자 주문 가져오기' }).click();
    await sms.getByLabel('문자 내용 붙여넣기').fill(message.body);
    await sms.getByRole('button', { name: '주문 코드 확인' }).click();
    const preview = sms.getByRole('region', { name: '가져올 주문 확인' });
    const already = sms.getByRole('status').filter({ hasText: '이미 가져온 주문이에요' });
    await preview.or(already).first().waitFor({ timeout: 10_000 });
    if (await preview.isVisible()) {
      await preview.getByRole('button', { name: '주문 만들기' }).click();
      await sms.getByRole('status').filter({ hasText: '주문을 저장했어요' }).waitFor({ timeout: 10_000 });
    }
    const order = this.record.orders.find((o) => o.id === message.orderId);
    if (order) order.importedAt = Date.now();
    await sms.getByLabel('문자 내용 붙여넣기').fill('');
  }

  /** 메뉴·품절: "<item>: 오늘 품절", offline or not. */
  async markSoldOut(itemName: string, itemId: string, timeZone: string): Promise<void> {
    await this.tab('메뉴·품절');
    await this.page.getByRole('button', { name: `${itemName}: 오늘 품절` }).click();
    await this.page
      .getByRole('listitem', { name: itemName })
      .getByText('오늘 품절')
      .first()
      .waitFor({ timeout: 10_000 });
    this.record.soldOut.push({
      itemId,
      itemName,
      until: shopLocalDate(new Date(), timeZone),
      at: Date.now(),
    });
  }

  /** 주문 입력: an order for someone who called the shop. Returns the new order's id from the tablet's database. */
  async phoneOrder(n: number, item: string): Promise<string | null> {
    await this.tab('주문 입력');
    const menu = this.page.getByRole('region', { name: '메뉴', exact: true });
    await menu
      .getByRole('button', { name: new RegExp(`^${literal(item)} `) })
      .first()
      .click();
    const name = `전화손님${n}`;
    await this.page.getByLabel('손님 이름').fill(name);
    await this.page.getByLabel('손님 전화번호').fill(`010-6${String(n).padStart(3, '0')}-0000`);
    await this.page.getByRole('button', { name: /주문 저장$/ }).click();
    await this.page
      .getByText(/주문을 저장했어요/)
      .first()
      .waitFor({ timeout: 10_000 });
    const { orders } = await readDevice(this.page);
    const mine = orders.find((o) => (o.view ?? o.draft)?.customerName === name);
    return mine?.id ?? null;
  }

  async queue(): Promise<number> {
    return (await readDevice(this.page)).outbox;
  }

  async snapshot(): Promise<DeviceSnapshot> {
    const d = await readDevice(this.page);
    return {
      device: this.label,
      kind: 'tablet',
      at: Date.now(),
      outbox: d.outbox,
      orders: statesOf(d.orders),
    };
  }
}
