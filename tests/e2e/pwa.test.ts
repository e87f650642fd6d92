import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/buildApp';
import { configFromEnv } from '../../src/server/config';
import { DEMO_SHOP } from '../../src/server/seed/demoMenu';
import { seedDemoShop } from '../../src/server/seed/seedDemo';
import { migrate } from '../../src/server/storage/migrate';
import type { Storage } from '../../src/server/storage/types';
import { launchChromium } from '../support/browser';
import { drivers } from '../support/drivers';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'ko-KR', isMobile: true, hasTouch: true };
const SHOP_PAGE = `/s/${DEMO_SHOP.slug}`;

interface Manifest {
  id: string;
  name: string;
  lang: string;
  scope: string;
  start_url: string;
  description: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/** The build marker the "new" sw.js answers with; the original build does not answer at all. */
const NEW_BUILD_SW = `
self.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'DANGOL_TEST_BUILD') e.ports[0].postMessage('b2');
});
`;

/** Which build controls the page: 'b2' once the new worker does, 'original' before (no answer in 1 s). */
function controllingBuild(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return resolve('none');
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(String(e.data));
        controller.postMessage({ type: 'DANGOL_TEST_BUILD' }, [channel.port2]);
        setTimeout(() => resolve('original'), 1_000);
      }),
  );
}

/** Visits the shop page and reloads until the service worker controls it (prompt mode never claims). */
async function openControlled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: DEMO_SHOP.name }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
  await page.getByRole('heading', { level: 1, name: DEMO_SHOP.name }).waitFor();
}

/**
 * The installable, updatable app in Chromium. The server serves a copy of dist/, so a test can
 * publish a "new build" by changing that copy's sw.js while the page runs.
 * (Opening the shop offline after one visit is covered by tests/e2e/sync.test.ts.)
 */
describe('the PWA in Chromium', () => {
  const driver = drivers[0]!; // the service worker does not care which database answers the API
  let staticDir: string;
  let storage: Storage;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync('dist/sw.js'))
      throw new Error('Run `npm run build` first: browser tests use the built app.');
    staticDir = await mkdtemp(join(tmpdir(), 'dangol-pwa-'));
    await cp('dist', staticDir, { recursive: true });
    storage = await driver.open();
    await migrate(storage);
    await seedDemoShop(storage);
    app = await buildApp({ storage, config: { ...configFromEnv({}), staticDir }, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await storage?.close();
    if (staticDir) await rm(staticDir, { recursive: true, force: true });
  });

  it('is installable: a parsed bilingual manifest with any and maskable PNG icons (192, 512) that load', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await openControlled(page, `${url}${SHOP_PAGE}`);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');

    // Chromium's own verdict: the manifest parses and nothing blocks installation.
    const cdp = await context.newCDPSession(page);
    const { errors: parseErrors, data } = (await cdp.send('Page.getAppManifest')) as {
      errors: { message: string }[];
      data?: string;
    };
    expect(parseErrors).toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's contexts are incognito-like, where Chromium never offers installation; any
    // other reason (no suitable icon, bad start_url, no worker…) would be listed here.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

    const ko = JSON.parse(data ?? '') as Manifest;
    expect(ko).toMatchObject({
      lang: 'ko',
      name: '단골 — 우리 가게 주문',
      scope: '/',
      start_url: '/?launch=app',
    });
    expect(ko.id).toBeTruthy();
    expect(ko.description).toBeTruthy();
    for (const purpose of ['any', 'maskable'])
      for (const size of [192, 512]) {
        const icon = ko.icons.find(
          (i) => i.purpose === purpose && i.sizes === `${size}x${size}` && i.type === 'image/png',
        );
        expect(icon, `${purpose} ${size}`).toBeDefined();
        const res = await context.request.get(new URL(icon!.src, url).href);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toBe('image/png');
        const png = await res.body();
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        // IHDR's width and height are what the manifest promises.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }

    const enRes = await context.request.get(`${url}/manifest.en.webmanifest`);
    expect(enRes.status()).toBe(200);
    const en = JSON.parse(await enRes.text()) as Manifest;
    expect(en).toMatchObject({ lang: 'en', name: "Dangol — our shop's own orders" });
    // One app in two languages: same identity, URLs and icons.
    for (const key of ['id', 'scope', 'start_url', 'icons'] as const) expect(en[key]).toEqual(ko[key]);

    // A page in English points the browser at the English manifest.
    await page.getByRole('combobox', { name: '언어' }).selectOption('en');
    await expect
      .poll(() => page.locator('link[rel="manifest"]').getAttribute('href'))
      .toBe('/manifest.en.webmanifest');
    await context.close();
  });

  it('a new build waits behind a "새 버전이 있어요" prompt; "새로고침" reloads the page under the new worker', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openControlled(page, `${url}${SHOP_PAGE}`);
    const prompt = page.getByRole('status', { name: /새 버전/ });
    expect(await controllingBuild(page)).toBe('original');
    expect(await prompt.count()).toBe(0);

    // Menu photos seen under the worker land in the bounded runtime cache, not the precache.
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await (await caches.open('menu-images')).keys()).map((r) => new URL(r.url).pathname),
        ),
      )
      .toContain('/menu/placeholder.svg');

    // Publish a "new build" and let the page look for it.
    await appendFile(join(staticDir, 'sw.js'), NEW_BUILD_SW);
    // A real deploy replaces the build whole; here only sw.js changed, so its precompressed copies
    // (which the server would prefer) must go with the old version.
    await Promise.all(['sw.js.br', 'sw.js.gz'].map((f) => rm(join(staticDir, f), { force: true })));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await prompt.waitFor({ timeout: 15_000 });
    // Nothing takes over on its own: the old worker still controls the page.
    expect(await controllingBuild(page)).toBe('original');

    await page.evaluate(() => ((window as { beforeUpdate?: boolean }).beforeUpdate = true));
    await page.getByRole('button', { name: '새로고침' }).click();
    await page.waitForFunction(() => !(window as { beforeUpdate?: boolean }).beforeUpdate, null, {
      timeout: 15_000,
    });
    await page.getByRole('heading', { level: 1, name: DEMO_SHOP.name }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
    expect(await controllingBuild(page)).toBe('b2');
    expect(await prompt.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
