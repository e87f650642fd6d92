import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import type { TestDriver } from './drivers';
import { startLiveServer, type LiveServer } from './liveServer';

/**
 * A describe block's live server on `driver` and its Chromium: started together before the block's
 * first test (hooks registered after this one see them), closed after its last. `use` receives both;
 * assign them to the block's own variables.
 */
export function withServerAndChromium(
  driver: TestDriver,
  use: (server: LiveServer, browser: Browser) => void,
): void {
  let server: LiveServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startLiveServer(driver), launchChromium()]);
    use(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
