import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { seriousViolations } from '../support/axe';
import { loginTablet, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';
import { customerPusher, demoShop, placeOrder, type DemoShop, type Pusher } from '../support/shopOrders';

afterAll(dropTestSchemas);

/** What the board calls each order ("2번"), learnt from the server once it has the order (#16). */
const labels = new Map<string, string>();
const card = (tablet: Page, id: string) =>
  tablet.getByRole('listitem', { name: `주문 ${labels.get(id)}`, exact: true });
const notices = (tablet: Page) =>
  tablet.getByRole('region', { name: '처리되지 못한 변경' }).getByRole('alert');

/**
 * Two tablets (two logins) and a customer act on one order at once (S10): the first change to reach
 * the server wins, the server keeps exactly that outcome, and the losing tablet says in plain words
 * what happened and what stands now — never a silent revert.
 */
describe.each(drivers)('two tablets racing on one order in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let shop: DemoShop;
  let phone: Pusher;
  let contexts: [BrowserContext, BrowserContext];
  let tablets: [Page, Page];
  const errors: string[] = [];
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    shop = await demoShop(server.app);
    phone = await customerPusher(server.app);
    contexts = [await browser.newContext(TABLET), await browser.newContext(TABLET)];
    tablets = [await loginTablet(contexts[0], server.url), await loginTablet(contexts[1], server.url)];
    for (const t of tablets) t.on('pageerror', (e) => errors.push(e.message));
  });

  async function newOrder(name: string): Promise<string> {
    const order = placeOrder({
      lines: [{ itemId: shop.item('멸치볶음').id, quantity: 1, optionIds: [] }],
      date: shopLocalDate(new Date(), shop.timeZone),
      customerName: name,
    });
    await phone.push(order);
    labels.set(order.args.orderId, await serverLabel(server.storage, order.args.orderId));
    for (const t of tablets) await card(t, order.args.orderId).waitFor({ timeout: 20_000 });
    return order.args.orderId;
  }

  const serverRow = async (id: string) =>
    (
      await server.storage.query<{
        status: string;
        prep_minutes: number | null;
        reject_reason: string | null;
      }>('select status, prep_minutes, reject_reason from orders where id = $1', [id])
    )[0];

  it('one tablet accepts while the other (offline) rejects: the accept wins, the other tablet says so and shows the accepted order', async () => {
    const [a, b] = tablets;
    const id = await newOrder('경쟁하나');
    // Tablet B decides on what it saw ("new order") while its network is down.
    await contexts[1].setOffline(true);
    await card(b, id).getByRole('button', { name: '거절', exact: true }).click();
    const dialog = b.getByRole('dialog', { name: `주문 ${labels.get(id)} 거절` });
    await dialog.getByRole('radio', { name: '주문량 많음' }).check();
    await dialog.getByRole('button', { name: '거절하기' }).click();
    // Rejected here, the card leaves the open columns at once (it waits in the outbox).
    await card(b, id).waitFor({ state: 'detached' });

    // Tablet A accepts in the meantime and reaches the server first.
    await card(a, id).getByRole('button', { name: '20분 후 준비로 접수' }).click();
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 20_000 }).toBe('accepted');

    await contexts[1].setOffline(false);
    const notice = notices(b).filter({ hasText: `주문 ${labels.get(id)}` });
    await notice.waitFor({ timeout: 30_000 });
    const text = await notice.textContent();
    expect(text).toContain('거절하지 못했어요.');
    expect(text).toContain('다른 기기에서 이미 접수했습니다.');
    expect(text).toMatch(/지금 상태: 접수됨 \(20분, .+까지\)/);
    expect(await seriousViolations(b), 'axe with a conflict notice').toEqual([]);
    // Not a silent revert, and not a false claim: the card shows what the server has.
    await card(b, id).locator('[role="status"][data-state="accepted"]').waitFor({ timeout: 20_000 });
    expect(await serverRow(id)).toEqual({ status: 'accepted', prep_minutes: 20, reject_reason: null });
    // The winner has nothing to explain.
    expect(await notices(a).count()).toBe(0);

    // Dismissed, it stays dismissed (kept in the tablet's database, not in the page).
    await notice.getByRole('button', { name: `주문 ${labels.get(id)} 알림 닫기` }).click();
    await notice.waitFor({ state: 'detached' });
    await b.reload();
    await b.locator('section.board[aria-busy="false"]').waitFor();
    await card(b, id).waitFor();
    expect(await notices(b).count()).toBe(0);
  });

  it('the customer cancels while a tablet accepts offline: the cancel wins, the tablet says the customer cancelled', async () => {
    const [a] = tablets;
    const id = await newOrder('경쟁둘');
    await contexts[0].setOffline(true);
    await card(a, id).getByRole('button', { name: '30분 후 준비로 접수' }).click();
    await card(a, id).locator('[role="status"][data-state="accepted"]').waitFor();
    expect(await card(a, id).textContent()).toContain('전송 대기 중');

    await phone.push({ name: 'cancelOrder', args: { orderId: id, from: 'placed' } });
    expect((await serverRow(id))?.status).toBe('cancelled');

    await contexts[0].setOffline(false);
    const notice = notices(a).filter({ hasText: `주문 ${labels.get(id)}` });
    await notice.waitFor({ timeout: 30_000 });
    const text = await notice.textContent();
    expect(text).toContain('접수하지 못했어요.');
    expect(text).toContain('손님이 주문을 취소했습니다.');
    expect(text).toContain('지금 상태: 취소됨');
    expect(await serverRow(id)).toEqual({ status: 'cancelled', prep_minutes: null, reject_reason: null });
    // The card left the open columns; it is with the finished orders, cancelled.
    await card(a, id).waitFor({ state: 'detached', timeout: 20_000 });
    await a.getByRole('button', { name: '완료·취소' }).click();
    await card(a, id).locator('[role="status"][data-state="cancelled"]').waitFor();
    await a.getByRole('button', { name: /^진행 중/ }).click();
    expect(errors).toEqual([]);
  });
});
