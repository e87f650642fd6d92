import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openShop, PHONE } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

const AWAY = '지금 가게 기기가 연결되어 있지 않아 주문 확인이 늦어질 수 있어요. 급하면 가게에 전화해 주세요.';

/**
 * Presence honesty (issue #17) on a phone: while the shop is open and none of its devices has pulled
 * for minutes, the menu and the cart say so before the customer orders, with the shop's number.
 */
describe.each(drivers.slice(0, 1))('presence honesty in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  const lastSeen = (minutesAgo: number) =>
    server.storage.query(
      `update shops set shop_seen_at = now() - make_interval(mins => $1::int) where slug = 'uri-banchan'`,
      [minutesAgo],
    );

  it('the menu and the cart warn, with a call link, when no shop device has pulled for 11 minutes', async () => {
    await lastSeen(11);
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    const warning = phone.getByRole('status').filter({ hasText: AWAY });
    await warning.waitFor();
    expect(await warning.getByRole('link', { name: '가게에 전화하기' }).getAttribute('href')).toMatch(
      /^tel:\d+$/,
    );
    await phone.screenshot({ path: '/tmp/presence-menu.png' });

    await phone.getByRole('button', { name: '제육볶음 담기' }).click();
    await phone.getByRole('link', { name: /^장바구니 \(/ }).click();
    await phone.getByRole('heading', { name: '장바구니' }).waitFor();
    await warning.waitFor();
    await phone.screenshot({ path: '/tmp/presence-cart.png' });
    await context.close();
  });

  it('no warning when a shop device pulled just now', async () => {
    await lastSeen(0);
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '제육볶음 담기' }).waitFor();
    expect(await phone.getByText(AWAY).count()).toBe(0);
    await context.close();
  });
});
