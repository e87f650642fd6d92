import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { checkout, loginTablet, openShop, orderState, PHONE, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';

afterAll(dropTestSchemas);

const nav = (tablet: Page) => tablet.getByRole('navigation', { name: '가게 관리 메뉴' });
const openTab = async (tablet: Page, name: string | RegExp) => {
  const tab = nav(tablet).getByRole('button', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
};
/** What the board calls each order ("3번"), learnt from the server once it has the order (#16). */
const labels = new Map<string, string>();
const card = (tablet: Page, orderId: string) =>
  tablet.getByRole('listitem', { name: `주문 ${labels.get(orderId)}`, exact: true });

/** A customer's order of one 멸치볶음, placed from the phone's own screen. */
async function orderFromPhone(phone: Page, name: string): Promise<string> {
  await phone.goto(phone.url().replace(/\/s\/uri-banchan.*$/, '/s/uri-banchan'));
  await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
  const id = await checkout(phone, { name, phone: '010-3333-4444' });
  await expect.poll(() => orderState(phone).textContent(), { timeout: 15_000 }).toMatch(/전송됨|가게에서/);
  return id;
}

/**
 * A tablet whose window.print() records what the print area holds (headless Chromium has no
 * printer): printing must work with the network down, from what the tablet already has.
 */
async function printingTablet(browser: Browser): Promise<{ context: BrowserContext; printed: string[] }> {
  const printed: string[] = [];
  const context = await browser.newContext(TABLET);
  await context.exposeBinding('__recordPrint', (_source, text: string) => void printed.push(text));
  await context.addInitScript(() => {
    window.print = () =>
      void (window as unknown as { __recordPrint: (t: string) => Promise<void> }).__recordPrint(
        document.querySelector('body > .print-area')?.textContent ?? '',
      );
  });
  return { context, printed };
}

/**
 * The Saturday with the network down: the counter tablet accepts, rejects, marks an item sold
 * out, answers a chat, takes a phone order and prints a slip — all from its own database. Back
 * online, each change reaches the server exactly once (the first push's answer is even lost on the
 * way back, so the tablet must retry), and the customers see every one of them.
 */
describe.each(drivers.slice(0, 1))('the counter tablet offline in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('accept, reject, sold out, chat reply, phone order and a slip offline; back online each reaches the server once and the customers see them', async () => {
    const phoneContext = await browser.newContext(PHONE);
    const phone = await openShop(phoneContext, server.url);
    const accepted = await orderFromPhone(phone, '김수락');
    const rejected = await orderFromPhone(phone, '이거절');
    for (const id of [accepted, rejected]) labels.set(id, await serverLabel(server.storage, id));
    await phone.getByRole('link', { name: '문의하기' }).first().click();
    await phone.getByLabel('메시지').fill('몇 시에 찾으러 갈까요?');
    await phone.getByRole('button', { name: '보내기' }).click();
    await phone.locator('.chat-state[data-state="sent"]').waitFor({ timeout: 15_000 });

    const { context, printed } = await printingTablet(browser);
    const tablet = await loginTablet(context, server.url);
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    await card(tablet, accepted).waitFor({ timeout: 20_000 });
    await card(tablet, rejected).waitFor();
    // The menu and the conversation are on the tablet before the network goes.
    await openTab(tablet, '메뉴·품절');
    await tablet.getByRole('button', { name: '멸치볶음: 오늘 품절' }).waitFor();
    // Named with its unread count ("문의, 안 읽은 메시지 1건") until the conversation is opened.
    await openTab(tablet, /^문의/);
    await tablet.getByRole('list', { name: '대화 목록' }).getByRole('button').first().click();
    await tablet.getByRole('log', { name: '대화' }).getByText('몇 시에 찾으러 갈까요?').waitFor();

    await context.setOffline(true);

    // 1. A chat reply, queued.
    await tablet.getByLabel('메시지').fill('12시 반에 오세요');
    await tablet.getByRole('button', { name: '보내기' }).click();

    // 2. Accept one order with 20 minutes; 3. reject the other with a quick reason and a word.
    await openTab(tablet, '주문');
    await card(tablet, accepted).getByRole('button', { name: '20분 후 준비로 접수' }).click();
    await card(tablet, rejected).getByRole('button', { name: '거절' }).click();
    const dialog = tablet.getByRole('dialog', { name: `주문 ${labels.get(rejected)} 거절` });
    await dialog.getByRole('radio', { name: '재료 소진' }).check();
    await dialog.getByLabel('손님에게 남길 말 (선택)').fill('내일 다시 주문해 주세요');
    await dialog.getByRole('button', { name: '거절하기' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 4. A kitchen slip of the accepted order, printed from the tablet's copy.
    await card(tablet, accepted)
      .getByRole('button', { name: `주문 ${labels.get(accepted)} 인쇄` })
      .click();
    const printDialog = tablet.getByRole('dialog', { name: `주문 ${labels.get(accepted)} 인쇄` });
    await printDialog.getByRole('radio', { name: '주방 주문서' }).check();
    await printDialog.getByRole('button', { name: '인쇄', exact: true }).click();
    await expect.poll(() => printed.length).toBe(1);
    // The slip is headed by the number the counter calls out, printed offline from the tablet's copy.
    expect(printed[0]).toContain(labels.get(accepted));
    expect(printed[0]).toContain('멸치볶음 × 1');

    // 5. 멸치볶음 sold out for today.
    await openTab(tablet, '메뉴·품절');
    await tablet.getByRole('button', { name: '멸치볶음: 오늘 품절' }).click();
    await tablet.getByRole('listitem', { name: '멸치볶음' }).getByText('오늘 품절').first().waitFor();

    // 6. A phone order for someone who called.
    await openTab(tablet, '주문 입력');
    // Intake's menu buttons are named by what they show: the name and the price.
    await tablet
      .getByRole('region', { name: '메뉴', exact: true })
      .getByRole('button', { name: /^깍두기 / })
      .click();
    await addFromDialogIfAsked(tablet, '깍두기');
    await tablet.getByLabel('손님 이름').fill('박전화');
    await tablet.getByLabel('손님 전화번호').fill('010-5555-6666');
    await tablet.getByRole('button', { name: /주문 저장$/ }).click();
    await tablet.getByText(/주문을 저장했어요/).waitFor();

    // Five changes wait on the tablet (a print is not a change); the server has none of them.
    const banner = tablet.locator('[role="status"][data-offline]');
    await expect.poll(() => banner.getAttribute('data-pending')).toBe('5');
    expect(await banner.textContent()).toContain('보내지 못한 변경 5건');
    const before = await server.storage.query<{ status: string }>(
      'select status from orders where id = any($1::uuid[]) order by customer_name',
      [[accepted, rejected]],
    );
    expect(before.map((o) => o.status)).toEqual(['placed', 'placed']);

    // Back online, the first push is applied but its answer is lost: the tablet must send it again.
    let lostAnswers = 0;
    await tablet.route('**/api/shop/push', async (route) => {
      if (lostAnswers > 0) return route.continue();
      lostAnswers++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    // The banner goes once nothing waits: every change has its answer from the server.
    await tablet.locator('[role="status"].banner').waitFor({ state: 'detached', timeout: 30_000 });
    expect(lostAnswers).toBe(1);

    // Exactly once each, on the server.
    const today = shopLocalDate(new Date(), 'Asia/Seoul');
    const orders = await server.storage.query<{
      id: string;
      status: string;
      prep_minutes: number | null;
      reject_reason: string | null;
    }>('select id, status, prep_minutes, reject_reason from orders where id = any($1::uuid[])', [
      [accepted, rejected],
    ]);
    const byId = new Map(orders.map((o) => [o.id, o]));
    expect(byId.get(accepted)).toMatchObject({ status: 'accepted', prep_minutes: 20 });
    expect(byId.get(rejected)?.status).toBe('rejected');
    expect(byId.get(rejected)?.reject_reason).toContain('재료 소진');
    expect(byId.get(rejected)?.reject_reason).toContain('내일 다시 주문해 주세요');
    const phoneOrders = await server.storage.query<{ n: string }>(
      "select count(*)::text as n from orders where customer_name = '박전화'",
    );
    expect(phoneOrders[0]!.n).toBe('1');
    const replies = await server.storage.query<{ n: string }>(
      "select count(*)::text as n from messages where body = '12시 반에 오세요' and author = 'shop'",
    );
    expect(replies[0]!.n).toBe('1');
    const [item] = await server.storage.query<{ sold_out_until: string | Date | null }>(
      "select sold_out_until from menu_items where name = '멸치볶음'",
    );
    const until = item!.sold_out_until;
    expect(until instanceof Date ? until.toISOString().slice(0, 10) : until).toBe(today);

    // The customers see it: the ready time, the reason, the reply and the sold-out item.
    await phone.goto(`${server.url}/s/uri-banchan/o/${accepted}`);
    await expect.poll(() => orderState(phone).textContent(), { timeout: 20_000 }).toMatch(/까지|준비/);
    expect(await orderState(phone).getAttribute('data-state')).toBe('accepted');
    await phone.goto(`${server.url}/s/uri-banchan/o/${rejected}`);
    await expect.poll(() => orderState(phone).textContent(), { timeout: 20_000 }).toContain('재료 소진');
    await phone.goto(`${server.url}/s/uri-banchan/chat`);
    await phone.getByText('12시 반에 오세요').waitFor({ timeout: 20_000 });
    await phone.goto(`${server.url}/s/uri-banchan`);
    await phone
      .getByRole('listitem', { name: '멸치볶음' })
      .getByText('오늘 품절')
      .waitFor({ timeout: 20_000 });
    expect(await phone.getByRole('button', { name: '멸치볶음 담기' }).count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
    await phoneContext.close();
  });
});

/** Items with options open a dialog first; 깍두기 has none in the demo menu, but stay honest if it gains one. */
async function addFromDialogIfAsked(tablet: Page, name: string): Promise<void> {
  const dialog = tablet.getByRole('dialog', { name });
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: /원 담기$/ }).click();
}
