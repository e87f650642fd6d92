import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { withServerAndChromium } from '../support/browserSuite';
import { loginTablet, openShop, PHONE } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import type { LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

const TABLET = { viewport: { width: 1280, height: 800 }, locale: 'ko-KR' };

/**
 * Issue #17 (4) in Chromium: the owner pauses ordering from the board; a customer's phone says so on
 * the menu and cannot place an order (the checkout offers no time, and says why); the owner reopens
 * and the phone takes orders again.
 */
describe.each(drivers)('pausing and reopening orders from the board on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('a paused shop is said on the phone and takes no order; reopened, it takes them again', async () => {
    const tabletContext = await browser.newContext(TABLET);
    const phoneContext = await browser.newContext(PHONE);
    const tablet = await loginTablet(tabletContext, server.url);
    const status = tablet.locator('.shop-status [role="status"]');
    expect(await status.textContent()).toBe('주문 받는 중');

    await tablet.getByRole('button', { name: '가게 상태 바꾸기' }).click();
    const dialog = tablet.getByRole('dialog', { name: '가게 상태' });
    await dialog.getByRole('button', { name: '다시 열 때까지 멈춤' }).click();
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toBe('주문 잠시 멈춤 — 다시 열 때까지');
    const [row] = await server.storage.query<{ paused: boolean }>(
      `select paused from shops where slug = 'uri-banchan'`,
    );
    expect(row!.paused).toBe(true);
    await tablet.screenshot({ path: '/tmp/shopStatus-tablet.png' });

    const phone = await openShop(phoneContext, server.url);
    await phone.getByRole('status').filter({ hasText: '가게가 지금 주문을 잠시 멈췄어요' }).waitFor();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await phone.getByRole('link', { name: /^장바구니 \(/ }).click();
    await phone.getByText('지금은 주문을 받을 수 있는 날이 없습니다.').waitFor();
    await phone.getByLabel('이름').fill('김멈춤');
    await phone.getByLabel('휴대폰 번호').fill('010-1111-2222');
    await phone.getByRole('button', { name: /주문 내용 확인/ }).click();
    await phone
      .getByText('가게가 지금 주문을 잠시 멈췄어요. 잠시 후 다시 시도하거나 가게에 전화해 주세요.')
      .first()
      .waitFor();
    await phone.screenshot({ path: '/tmp/shopStatus-phone.png', fullPage: true });
    expect(await server.storage.query(`select 1 from orders where customer_name = '김멈춤'`)).toEqual([]);

    await tablet.getByRole('button', { name: '가게 상태 바꾸기' }).click();
    await dialog.getByRole('button', { name: '주문 다시 받기' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('주문 받는 중');
    await phone.reload();
    await phone.getByRole('heading', { name: '장바구니' }).waitFor();
    await expect
      .poll(() => phone.getByRole('status').filter({ hasText: '잠시 멈췄어요' }).count(), { timeout: 20_000 })
      .toBe(0);
    await phone.locator('fieldset.calendar input[name="date"]').first().waitFor();
    await tabletContext.close();
    await phoneContext.close();
  });
});
