import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { checkout, loginTablet, openShop, orderState, PHONE, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

/** At 320 px the page must not scroll sideways (WCAG 1.4.10); on failure, what sticks out. */
async function expectNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const { width, wide } = await page.evaluate(() => ({
    width: document.scrollingElement!.scrollWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 320.5)
      .map(
        (e) => `${e.tagName.toLowerCase()}.${e.className} → ${Math.round(e.getBoundingClientRect().right)}px`,
      ),
  }));
  expect.soft(width, `${state} is ${width}px wide:\n${wide.join('\n')}`).toBeLessThanOrEqual(320);
}

/**
 * axe-core (WCAG 2.1 A/AA and best practice) on every customer screen at a phone's size and the shop
 * console at a tablet's: no serious or critical violation. Plus reflow at 320 px and 200% text.
 */
describe.each(drivers.slice(0, 1))('accessibility in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('the CSP refuses an inline script tag (which is why axe is injected through CDP)', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    const blocked = await phone
      .addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
      .then(() => false)
      .catch((e: Error) => /Content Security Policy/.test(e.message));
    expect(blocked).toBe(true);
    expect(await phone.evaluate(() => 'axe' in window)).toBe(false);
    await context.close();
  });

  it('customer screens: menu, options dialog, cart with bank transfer, order page, chat', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await expectAccessible(phone, 'menu');

    await phone.getByRole('button', { name: '소불고기 담기' }).click();
    const dialog = phone.getByRole('dialog', { name: '소불고기' });
    await dialog.waitFor();
    await expectAccessible(phone, 'options dialog');
    await dialog.getByRole('button', { name: /원 담기$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectAccessible(phone, 'menu with the cart bar');

    const id = await checkout(phone, { name: '김접근', phone: '010-2222-3333' }, async (page) => {
      await page.getByRole('radio', { name: '계좌이체' }).check();
      await page.getByRole('group', { name: '계좌이체 안내' }).waitFor();
      await expectAccessible(page, 'cart with bank transfer');
    });
    await expect.poll(() => orderState(phone).textContent(), { timeout: 15_000 }).toMatch(/전송됨|가게에서/);
    await expectAccessible(phone, `order page ${id}`);

    await phone.getByRole('link', { name: '문의하기' }).first().click();
    await phone.getByLabel('메시지').fill('내일 찾으러 가도 될까요?');
    await phone.getByRole('button', { name: '보내기' }).click();
    await phone.locator('.chat-state[data-state="sent"]').waitFor({ timeout: 15_000 });
    await expectAccessible(phone, 'chat with a sent message');
    await context.close();
  });

  it('shop console at a tablet: orders board, chats, calendar, intake, menu, delivery, vouchers, sales, staff and settings', async () => {
    const context = await browser.newContext(TABLET);
    const tablet = await loginTablet(context, server.url);
    // The customer test above placed an order and sent a message.
    await tablet.locator('li.order-card').first().waitFor({ timeout: 15_000 });
    await expectAccessible(tablet, 'orders board');
    // The 문의 tab names its unread count once the message has arrived: "문의, 안 읽은 메시지 1건".
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: /^문의/ })
      .click();
    const conversation = tablet.getByRole('list', { name: '대화 목록' }).getByRole('button').first();
    await conversation.waitFor({ timeout: 15_000 });
    await expectAccessible(tablet, 'chats list');
    await conversation.click();
    await tablet.getByRole('log', { name: '대화' }).getByText('내일 찾으러 가도 될까요?').waitFor();
    await expectAccessible(tablet, 'chat thread open');
    // Every other screen of the console, as the owner sees it.
    const nav = tablet.getByRole('navigation', { name: '가게 관리 메뉴' });
    for (const tab of [
      '예약·생산',
      '주문 입력',
      '메뉴·품절',
      '배달',
      '상품권',
      '매출',
      '직원',
      '가게 설정',
    ]) {
      await nav.getByRole('button', { name: tab, exact: true }).click();
      await tablet.getByRole('heading', { level: 2 }).first().waitFor();
      // Let live reads (the tablet's database, the server's figures) settle into the screen.
      await expect.poll(() => tablet.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
      await expectAccessible(tablet, tab);
    }
    await context.close();
  });

  it('reflows at 320 px without sideways scrolling; at 200% text the order button is reachable', async () => {
    const context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
    const phone = await openShop(context, server.url);
    await expectNoSidewaysScroll(phone, 'menu at 320 px');
    await phone.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await expectNoSidewaysScroll(phone, 'menu at 320 px, 200% text');
    await phone.evaluate(() => (document.documentElement.style.fontSize = ''));
    await phone.getByRole('button', { name: '소불고기 담기' }).click();
    await phone
      .getByRole('dialog', { name: '소불고기' })
      .getByRole('button', { name: /원 담기$/ })
      .click();
    await checkout(phone, { name: '박좁은', phone: '010-4444-5555' }, async (page) => {
      await page.getByRole('radio', { name: '계좌이체' }).check();
      await expectNoSidewaysScroll(page, 'cart at 320 px');
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      const placeOrder = page.getByRole('button', { name: /주문 내용 확인/ });
      await placeOrder.scrollIntoViewIfNeeded();
      expect(await placeOrder.isVisible()).toBe(true);
      const box = (await placeOrder.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      await expectNoSidewaysScroll(page, 'cart at 320 px with 200% text');
      // The button must be the one that takes the click, not something laid over it.
      await placeOrder.click({ trial: true, timeout: 5_000 });
    });
    await orderState(phone).waitFor();
    await expectNoSidewaysScroll(phone, 'order page at 320 px, 200% text');
    await phone.evaluate(() => (document.documentElement.style.fontSize = ''));
    await expectNoSidewaysScroll(phone, 'order page at 320 px');
    await context.close();
  });
});
