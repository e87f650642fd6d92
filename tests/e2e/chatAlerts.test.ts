import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout, loginTablet, openShop, PHONE } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';

afterAll(dropTestSchemas);

/** The counter tablet of issue #17, landscape. */
const COUNTER = { viewport: { width: 1280, height: 800 }, locale: 'ko-KR' };

/** Chat chimes this page actually scheduled on a running AudioContext (board/chime.ts counts them). */
const chatChimes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __dangolChatChimes?: number }).__dangolChatChimes ?? 0);

const nav = (tablet: Page) => tablet.getByRole('navigation', { name: '가게 관리 메뉴' });
const soundArm = (tablet: Page) => tablet.getByRole('button', { name: '알림 소리 켜기' });

/**
 * Issue #17 (3): a customer's message must not wait unseen. With nobody touching the tablet, the 문의
 * tab counts it, a banner on the board says who wrote what, a soft chime sounds; the thread carries
 * the customer's name from their order; opening it clears the count and the banner.
 */
describe.each(drivers.slice(0, 1))('chat alerts on the counter tablet in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let phoneContext: BrowserContext;
  let tabletContext: BrowserContext;
  let phone: Page;
  let tablet: Page;
  const errors: string[] = [];
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    phoneContext = await browser.newContext(PHONE);
    tabletContext = await browser.newContext(COUNTER);
    phone = await openShop(phoneContext, server.url);
    tablet = await loginTablet(tabletContext, server.url);
    for (const p of [phone, tablet]) p.on('pageerror', (e) => errors.push(e.message));
  });

  it('a message from a customer badges the 문의 tab, shows a banner and chimes on the board; the thread names them from their order; opening it clears both', async () => {
    await soundArm(tablet).click();
    await soundArm(tablet).waitFor({ state: 'detached' });

    // The customer ordered earlier; the tablet saw the order and someone acknowledged it.
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    const orderId = await checkout(phone, { name: '정단골', phone: '010-5555-1234' });
    await tablet.getByRole('button', { name: '확인하고 주문 보기' }).click({ timeout: 20_000 });
    await tablet.getByRole('heading', { name: '주문', exact: true }).waitFor();

    // Then writes from the shop's chat page (not from the order: the message is about no order).
    await phone.goto(`${server.url}/s/uri-banchan/chat`);
    await phone.getByLabel('메시지').fill('혹시 6시 넘어서 찾으러 가도 될까요? 퇴근이 늦어져서요');
    await phone.getByRole('button', { name: '보내기' }).click();
    await phone.locator('.chat-state[data-state="sent"]').waitFor({ timeout: 15_000 });

    // No tap on the tablet: the tab counts it, the banner says who and what, the chime sounds.
    const tab = nav(tablet).getByRole('button', { name: '문의, 안 읽은 메시지 1건' });
    await tab.waitFor({ timeout: 20_000 });
    const banner = tablet.getByRole('status', { name: '새 문의' });
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain('손님 문의 1건이 왔어요');
    expect(text).toContain('정단골: 혹시 6시 넘어서 찾으러 가도 될까요?');
    await expect.poll(() => chatChimes(tablet), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // Still on the board.
    expect(
      await nav(tablet).getByRole('button', { name: '주문', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    await tablet.screenshot({ path: '/tmp/chat-board-banner.png' });

    // 보기 opens the thread, named by the customer's name from their order, with that order.
    await banner.getByRole('button', { name: '정단골 님의 문의 보기' }).click();
    const label = await serverLabel(server.storage, orderId);
    await tablet.getByRole('heading', { name: '정단골 님과의 대화' }).waitFor();
    await tablet.getByText('010-5555-1234').waitFor();
    await tablet
      .getByRole('list', { name: '이 손님의 주문' })
      .getByRole('button', { name: `주문 ${label}`, exact: true })
      .click();
    await tablet.getByRole('region', { name: `주문 ${label}`, exact: true }).waitFor();
    await tablet.getByRole('log', { name: '대화' }).getByText('퇴근이 늦어져서요').waitFor();

    // Read: the count and the banner are gone.
    await banner.waitFor({ state: 'detached' });
    await expect
      .poll(() => nav(tablet).getByRole('button', { name: '문의', exact: true }).getAttribute('aria-current'))
      .toBe('page');
    expect(await tablet.getByRole('button', { name: /안 읽은 메시지/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the sound stays chosen: reopened, the tablet says a tap anywhere brings it back, and the first tap does', async () => {
    // The browser reopened (a new tab: nothing from the old page's session survives).
    await tablet.close();
    tablet = await tabletContext.newPage();
    tablet.on('pageerror', (e) => errors.push(e.message));
    await tablet.goto(`${server.url}/shop`);
    await tablet.getByRole('heading', { name: '주문', exact: true }).waitFor();
    await tablet.getByText('화면 아무 곳이나 한 번 누르면 다시 켜져요').waitFor();

    // One tap on something unrelated (the board's heading): the sound is on again.
    await tablet.getByRole('heading', { name: '주문', exact: true }).click();
    await soundArm(tablet).waitFor({ state: 'detached' });
    await tablet.getByText('화면 아무 곳이나 한 번 누르면 다시 켜져요').waitFor({ state: 'detached' });
    expect(await tablet.evaluate(() => localStorage.getItem('dangol.chimeArmed'))).toBe('1');
    expect(errors).toEqual([]);
  });
});
