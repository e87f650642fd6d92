import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loginTablet, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

/**
 * Presence honesty on the counter (issue #17): a tablet cut off from the server says, large, for how
 * many minutes, and the number counts up. The page's clock is Playwright's, moved on by hand, so no
 * test waits out real minutes.
 */
describe.each(drivers.slice(0, 1))('a cut-off tablet in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('shows how many minutes it has been cut off from the server', async () => {
    const context = await browser.newContext(TABLET);
    await context.clock.install();
    const tablet = await loginTablet(context, server.url);
    const counter = tablet.locator('.banner-offline .offline-for');
    // The board has synced once: that is the last contact the counter starts from.
    await tablet.waitForFunction(() => document.querySelector('[data-offline]') === null);
    await context.setOffline(true);
    await tablet.evaluate(() => window.dispatchEvent(new Event('online')));
    // The failed sync that raises the banner may wait on a retry timer, and this page's timers run on
    // the fake clock: move it a second at a time until the banner is up (on a loaded machine, the
    // real clock alone was not always enough within the wait).
    await expect
      .poll(
        async () => {
          await tablet.clock.fastForward(1000);
          return counter.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await tablet.clock.fastForward('11:00');
    await expect.poll(() => counter.textContent(), { timeout: 15_000 }).toBe('서버와 연결이 끊긴 지 11분');
    await tablet.screenshot({ path: '/tmp/presence-tablet.png' });
    await context.setOffline(false);
    await tablet.evaluate(() => window.dispatchEvent(new Event('online')));
    await counter.waitFor({ state: 'detached', timeout: 15_000 });
    await context.close();
  });
});
