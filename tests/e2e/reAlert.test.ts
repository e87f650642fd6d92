import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { checkout, loginTablet, openShop, PHONE, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

/** Chimes of each kind this page has scheduled on a running AudioContext (board/chime.ts counts them). */
const chimes = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __dangolChimes?: number; __dangolUrgentChimes?: number };
    return { normal: w.__dangolChimes ?? 0, urgent: w.__dangolUrgentChimes ?? 0 };
  });
const alertBanner = (tablet: Page) => tablet.locator('[role="alert"][data-ringing="true"]');
const urgentBanner = (tablet: Page) => tablet.locator('[role="alert"][data-urgent="true"]');

/**
 * Issue #17: a new order acknowledged on the tablet but still not accepted after the shop's minutes
 * (here 2) rings again with the louder chime and the stronger banner; silencing it lasts as long again.
 * The tablet's clock is Playwright's: minutes pass in a moment; the server's stamp stays real.
 */
describe.each(drivers.slice(0, 1))('the louder re-alert in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('an acknowledged order still waiting after 2 minutes rings louder until silenced, then again', async () => {
    await server.storage.query("update shops set re_alert_minutes = 2 where slug = 'uri-banchan'");
    const tabletContext = await browser.newContext({ ...TABLET, viewport: { width: 1280, height: 800 } });
    await tabletContext.clock.install();
    const tablet = await loginTablet(tabletContext, server.url);
    await tablet.getByRole('button', { name: '알림 소리 켜기' }).click();
    await tablet.getByRole('button', { name: '알림 소리 켜기' }).waitFor({ state: 'detached' });

    const phoneContext = await browser.newContext(PHONE);
    const phone = await openShop(phoneContext, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await checkout(phone, { name: '김기다림', phone: '010-1234-5678' });

    // The first alert, as before: acknowledged, it goes quiet.
    await alertBanner(tablet).waitFor({ timeout: 20_000 });
    expect(await urgentBanner(tablet).count()).toBe(0);
    await alertBanner(tablet).getByRole('button', { name: '확인하고 주문 보기' }).click();
    await alertBanner(tablet).waitFor({ state: 'detached' });
    expect((await chimes(tablet)).urgent).toBe(0);

    // A minute on: not yet.
    await tablet.clock.fastForward('01:00');
    await tablet.waitForTimeout(500);
    expect(await alertBanner(tablet).count()).toBe(0);

    // Past two minutes: the louder alert, though it was acknowledged.
    await tablet.clock.fastForward('01:20');
    const urgent = urgentBanner(tablet);
    await urgent.waitFor({ timeout: 5_000 });
    expect(await urgent.textContent()).toContain('2분 넘게 기다리는 주문 1건');
    expect(await urgent.textContent()).toContain('김기다림');
    await expect
      .poll(async () => (await chimes(tablet)).urgent, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(tablet), 'axe on the board with the louder alert').toEqual([]);

    // Silenced: quiet for another two minutes, then louder again while nobody answers it.
    await urgent.getByRole('button', { name: '확인하고 주문 보기' }).click();
    await urgent.waitFor({ state: 'detached' });
    const silenced = (await chimes(tablet)).urgent;
    await tablet.waitForTimeout(3_000);
    expect((await chimes(tablet)).urgent).toBe(silenced);
    await tablet.clock.fastForward('02:10');
    await urgent.waitFor({ timeout: 5_000 });

    // Answered: the louder alert is gone for good.
    await tablet.getByRole('button', { name: '20분 후 준비로 접수' }).first().click();
    await urgent.waitFor({ state: 'detached', timeout: 10_000 });
    await phoneContext.close();
    await tabletContext.close();
  });
});
