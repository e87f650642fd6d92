import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays } from '../../src/domain/schedule';
import { checkout, loginTablet, openShop, orderState, PHONE, SHOP_NAME } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel, tempLabel } from '../support/orderLabels';
import { customerPusher, demoShop, placeOrder } from '../support/shopOrders';

afterAll(dropTestSchemas);

/** The counter tablet of the issue: a 10–11" tablet in landscape. */
const COUNTER = { viewport: { width: 1280, height: 800 }, locale: 'ko-KR' };

const nav = (tablet: Page) => tablet.getByRole('navigation', { name: '가게 관리 메뉴' });
const openTab = async (tablet: Page, name: string | RegExp) => {
  const tab = nav(tablet).getByRole('button', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
};
/** A card by what the board calls the order: "23번" once numbered, "임시 K7Q2" while only on a device (#16). */
const card = (tablet: Page, label: string) =>
  tablet.getByRole('listitem', { name: `주문 ${label}`, exact: true });
const unverified = (tablet: Page) => tablet.locator('[role="status"][data-session="unverified"]');
const pendingBanner = (tablet: Page) => tablet.locator('[role="status"][data-pending]');

/**
 * A tablet whose window.print() records what the print area holds instead of opening the browser's
 * dialog (headless Chromium has no printer). The record lives in the test, so it survives reloads.
 */
async function printingTablet(browser: Browser): Promise<{ context: BrowserContext; printed: string[] }> {
  const printed: string[] = [];
  const context = await browser.newContext(COUNTER);
  await context.exposeBinding('__recordPrint', (_source, text: string) => void printed.push(text));
  await context.addInitScript(() => {
    window.print = () =>
      void (window as unknown as { __recordPrint: (t: string) => Promise<void> }).__recordPrint(
        document.querySelector('body > .print-area')?.textContent ?? '',
      );
  });
  return { context, printed };
}

/** A customer's "now" order of one 멸치볶음, placed from the phone's own screen and sent. */
async function orderFromPhone(phone: Page, url: string, name: string): Promise<string> {
  await phone.goto(`${url}/s/uri-banchan`);
  await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
  const id = await checkout(phone, { name, phone: '010-3333-4444' });
  await expect.poll(() => orderState(phone).textContent(), { timeout: 15_000 }).toMatch(/전송됨|가게에서/);
  return id;
}

/** The hand-off text message exactly as the customer's phone fills it into the messaging app. */
async function handoffText(phone: Page): Promise<string> {
  const sms = phone.getByRole('link', { name: '문자로 주문 보내기' });
  await sms.waitFor({ timeout: 20_000 });
  const href = (await sms.getAttribute('href'))!;
  return decodeURIComponent(href.slice(href.indexOf('body=') + 'body='.length));
}

/** What the confirmation "주문을 저장했어요 (임시 K7Q2)" calls the order. */
async function savedLabel(scope: Page): Promise<string> {
  const status = scope.getByRole('status').filter({ hasText: /^주문을 저장했어요 \(/ });
  await status.waitFor();
  return /\(([^)]+)\)/.exec((await status.textContent()) ?? '')![1]!;
}

/**
 * Issue #17, item 1, every action of it: a tablet that restarts during an outage opens from the
 * service worker’s cache and its own database and does all of the counter’s work: accept (and, for a
 * pre-order, confirm), reject, print, chat, sold out, a phone order and an SMS import. Back online,
 * with no tap, each change reaches the server exactly once and the board shows every order by its
 * server number.
 */
describe.each(drivers.slice(0, 1))(
  'every counter action after an offline cold start in Chromium on $name',
  (driver) => {
    let server: LiveServer;
    let browser: Browser;
    withServerAndChromium(driver, (s, b) => {
      [server, browser] = [s, b];
    });

    it(
      'reloaded offline the tablet accepts, confirms a pre-order, rejects, prints, replies, marks sold out, takes a phone order and imports an SMS; back online each reaches the server once and the board recovers untouched',
      { timeout: 240_000 },
      async () => {
        // Two customers' "now" orders and a question in the chat, all on the server.
        const phoneContext = await browser.newContext(PHONE);
        const phone = await openShop(phoneContext, server.url);
        const accepted = await orderFromPhone(phone, server.url, '김수락');
        const rejected = await orderFromPhone(phone, server.url, '이거절');
        const acceptedLabel = await serverLabel(server.storage, accepted);
        const rejectedLabel = await serverLabel(server.storage, rejected);
        // And a pre-order for tomorrow at 12:00: the shop's yes to a slot is "confirmed", not "accepted".
        const shop = await demoShop(server.app);
        const preOrder = placeOrder({
          lines: [{ itemId: shop.item('제육볶음').id, quantity: 1, optionIds: [] }],
          date: addDays(shopLocalDate(new Date(), shop.timeZone), 1),
          slot: '12:00',
          customerName: '최예약',
        });
        await (await customerPusher(server.app)).push(preOrder);
        const confirmed = preOrder.args.orderId;
        const confirmedLabel = await serverLabel(server.storage, confirmed);
        await phone.goto(`${server.url}/s/uri-banchan/chat`);
        await phone.getByLabel('메시지').fill('몇 시에 찾으러 갈까요?');
        await phone.getByRole('button', { name: '보내기' }).click();
        await phone.locator('.chat-state[data-state="sent"]').waitFor({ timeout: 15_000 });

        // A third customer, offline, orders and gets the text-message hand-off; the phone stays offline.
        const textingContext = await browser.newContext(PHONE);
        const texting = await openShop(textingContext, server.url);
        await texting.evaluate(() => navigator.serviceWorker.ready);
        await textingContext.setOffline(true);
        await texting.reload();
        await texting.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor();
        await texting.getByRole('button', { name: '깍두기 담기' }).click();
        const imported = await checkout(texting, { name: '문자손님', phone: '010-2222-3333' });
        const message = await handoffText(texting);
        const importedTemp = tempLabel(imported);

        // The counter tablet, signed in online: it has the orders, the menu and the message on the device.
        const { context, printed } = await printingTablet(browser);
        const tablet = await loginTablet(context, server.url);
        const errors: string[] = [];
        tablet.on('pageerror', (e) => errors.push(e.message));
        await card(tablet, acceptedLabel).waitFor({ timeout: 20_000 });
        await card(tablet, rejectedLabel).waitFor({ timeout: 20_000 });
        await card(tablet, confirmedLabel).waitFor({ timeout: 20_000 });
        await nav(tablet)
          .getByRole('button', { name: '문의, 안 읽은 메시지 1건' })
          .waitFor({ timeout: 20_000 });
        await tablet.evaluate(() => navigator.serviceWorker.ready);

        // The tablet restarts with the network down.
        await context.setOffline(true);
        await tablet.reload();
        await card(tablet, acceptedLabel).waitFor({ timeout: 20_000 });
        await unverified(tablet).waitFor({ timeout: 20_000 });
        expect(await tablet.getByRole('button', { name: '다시 시도' }).count()).toBe(0);

        // 1. Accept one order with 20 minutes.
        await card(tablet, acceptedLabel).getByRole('button', { name: '20분 후 준비로 접수' }).click();

        // ...and confirm the pre-order for its slot.
        const confirm = card(tablet, confirmedLabel).getByRole('button', { name: /예약 확정$/ });
        await confirm.click();
        await confirm.waitFor({ state: 'detached' });

        // 2. Reject the other with a quick reason.
        await card(tablet, rejectedLabel).getByRole('button', { name: '거절', exact: true }).click();
        const rejectDialog = tablet.getByRole('dialog', { name: `주문 ${rejectedLabel} 거절` });
        await rejectDialog.getByRole('radio', { name: '재료 소진' }).check();
        await rejectDialog.getByRole('button', { name: '거절하기' }).click();
        await rejectDialog.waitFor({ state: 'hidden' });

        // 3. A kitchen slip of the accepted order, printed from the tablet's copy.
        await card(tablet, acceptedLabel)
          .getByRole('button', { name: `주문 ${acceptedLabel} 인쇄` })
          .click();
        const printDialog = tablet.getByRole('dialog', { name: `주문 ${acceptedLabel} 인쇄` });
        await printDialog.getByRole('radio', { name: '주방 주문서' }).check();
        await printDialog.getByRole('button', { name: '인쇄', exact: true }).click();
        await expect.poll(() => printed.length).toBe(1);
        await printDialog.waitFor({ state: 'hidden' });
        expect(printed[0]).toContain(acceptedLabel);
        expect(printed[0]).toContain('김수락');
        expect(printed[0]).toContain('멸치볶음 × 1');

        // 4. A reply in the customer's thread, which the tablet has from its own database.
        await openTab(tablet, /^문의/);
        await tablet.getByRole('list', { name: '대화 목록' }).getByRole('button').first().click();
        const log = tablet.getByRole('log', { name: '대화' });
        await log.getByText('몇 시에 찾으러 갈까요?').waitFor({ timeout: 20_000 });
        await tablet.getByLabel('메시지').fill('12시 반에 오세요');
        await tablet.getByRole('button', { name: '보내기' }).click();
        await log.getByText('12시 반에 오세요').waitFor();

        // 5. 멸치볶음 sold out for today.
        await openTab(tablet, '메뉴·품절');
        await tablet.getByRole('button', { name: '멸치볶음: 오늘 품절' }).click();
        await tablet.getByRole('listitem', { name: '멸치볶음' }).getByText('오늘 품절').first().waitFor();

        // 6. A phone order for someone who called.
        await openTab(tablet, '주문 입력');
        const menu = tablet.getByRole('region', { name: '메뉴', exact: true });
        await menu.getByRole('button', { name: '깍두기 8,000원', exact: true }).click({ timeout: 20_000 });
        const form = tablet.getByRole('form', { name: '주문서' });
        await form.getByLabel('손님 이름').fill('박전화');
        await form.getByLabel('손님 전화번호').fill('010-5555-6666');
        await form.getByRole('button', { name: /주문 저장$/ }).click();
        const phoneOrderTemp = await savedLabel(tablet);
        expect(phoneOrderTemp).toMatch(/^임시 /);

        // 7. The texted order, pasted whole.
        await tablet.getByRole('button', { name: '문자 주문 가져오기' }).click();
        const sms = tablet.getByRole('region', { name: '문자 주문 가져오기' });
        await sms.getByLabel('문자 내용 붙여넣기').fill(message);
        await sms.getByRole('button', { name: '주문 코드 확인' }).click();
        const preview = sms.getByRole('region', { name: '가져올 주문 확인' });
        await preview.waitFor();
        expect(await preview.textContent()).toContain('문자손님 · 010-2222-3333');
        await preview.getByRole('button', { name: '주문 만들기' }).click();
        await sms
          .getByRole('status')
          .filter({ hasText: `주문을 저장했어요 (${importedTemp})` })
          .waitFor();

        // Seven changes wait on the tablet (a print is not a change); the board shows the new orders
        // by their provisional labels; the server has none of it.
        await openTab(tablet, '주문');
        await expect.poll(() => pendingBanner(tablet).getAttribute('data-pending')).toBe('7');
        await card(tablet, phoneOrderTemp).waitFor();
        await card(tablet, importedTemp).waitFor();
        await tablet.screenshot({ path: '/tmp/cold-start-actions-offline.png' });
        const before = await server.storage.query<{ status: string }>(
          'select status from orders where id = any($1::uuid[]) order by customer_name',
          [[accepted, rejected, confirmed]],
        );
        expect(before.map((o) => o.status)).toEqual(['placed', 'placed', 'placed']);
        expect(
          await server.storage.query("select 1 from orders where id = $1 or customer_name = '박전화'", [
            imported,
          ]),
        ).toHaveLength(0);

        // The network returns: no tap. The sign-in is confirmed and every change reaches the server.
        await context.setOffline(false);
        await unverified(tablet).waitFor({ state: 'detached', timeout: 30_000 });
        await pendingBanner(tablet).waitFor({ state: 'detached', timeout: 30_000 });

        // Exactly once each, and nothing else from the tablet.
        const [phoneOrder] = await server.storage.query<{ id: string }>(
          "select id from orders where customer_name = '박전화'",
        );
        expect(phoneOrder).toBeDefined();
        const fromTablet = await server.storage.query<{ name: string; order_id: string | null; n: string }>(
          `select m.name, m.order_id, count(*)::text as n
           from mutations m join sync_clients c on c.client_id = m.client_id
          where c.owner like 'shop:%' and m.status = 'applied'
          group by m.name, m.order_id`,
        );
        const rejectedByServer = await server.storage.query(
          "select name, code from mutations where status <> 'applied'",
        );
        expect(rejectedByServer).toEqual([]);
        const key = (r: { name: string; order_id: string | null }) => `${r.name} ${r.order_id ?? '-'}`;
        const [replyMutation] = fromTablet.filter((r) => r.name === 'sendMessage');
        expect(Object.fromEntries(fromTablet.map((r) => [key(r), r.n]))).toEqual(
          Object.fromEntries(
            [
              { name: 'acceptOrder', order_id: accepted },
              { name: 'confirmOrder', order_id: confirmed },
              { name: 'rejectOrder', order_id: rejected },
              { name: 'sendMessage', order_id: replyMutation?.order_id ?? null },
              { name: 'setSoldOut', order_id: null },
              { name: 'placeOrder', order_id: phoneOrder!.id },
              { name: 'placeOrder', order_id: imported },
            ].map((r) => [key(r), '1']),
          ),
        );

        const orders = await server.storage.query<{
          id: string;
          status: string;
          prep_minutes: number | null;
          reject_reason: string | null;
          device_id: string | null;
        }>(
          'select id, status, prep_minutes, reject_reason, device_id from orders where id = any($1::uuid[])',
          [[accepted, rejected, confirmed, phoneOrder!.id, imported]],
        );
        expect(orders).toHaveLength(5);
        const byId = new Map(orders.map((o) => [o.id, o]));
        expect(byId.get(accepted)).toMatchObject({ status: 'accepted', prep_minutes: 20 });
        expect(byId.get(confirmed)?.status).toBe('confirmed');
        expect(byId.get(rejected)).toMatchObject({ status: 'rejected', reject_reason: '재료 소진' });
        expect(byId.get(phoneOrder!.id)).toMatchObject({ status: 'placed', device_id: null });
        expect(byId.get(imported)).toMatchObject({ status: 'placed', device_id: null });
        expect(
          await server.storage.query("select 1 from orders where customer_name in ('박전화', '문자손님')"),
        ).toHaveLength(2);
        expect(
          await server.storage.query("select author from messages where body = '12시 반에 오세요'"),
        ).toEqual([{ author: 'shop' }]);
        const [item] = await server.storage.query<{ sold_out_until: string | Date | null }>(
          "select sold_out_until from menu_items where name = '멸치볶음'",
        );
        const until = item!.sold_out_until;
        expect(until instanceof Date ? until.toISOString().slice(0, 10) : until).toBe(
          shopLocalDate(new Date(), 'Asia/Seoul'),
        );

        // The board recovers by itself: the new orders go by the server's numbers, none provisional.
        const phoneOrderLabel = await serverLabel(server.storage, phoneOrder!.id);
        const importedLabel = await serverLabel(server.storage, imported);
        for (const label of [acceptedLabel, phoneOrderLabel, importedLabel])
          await card(tablet, label).waitFor({ timeout: 30_000 });
        await expect
          .poll(() => tablet.getByRole('listitem', { name: /^주문 임시 / }).count(), { timeout: 30_000 })
          .toBe(0);
        expect(await card(tablet, acceptedLabel).textContent()).toContain('김수락');
        expect(await card(tablet, phoneOrderLabel).textContent()).toContain('박전화');
        expect(await card(tablet, importedLabel).textContent()).toContain('문자손님');
        await tablet.screenshot({ path: '/tmp/cold-start-actions-online.png' });
        expect(printed).toHaveLength(1);

        expect(errors).toEqual([]);
        await context.close();
        await textingContext.close();
        await phoneContext.close();
      },
    );
  },
);
