import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { checkout, orderState } from '../support/customerPage';

afterAll(dropTestSchemas);

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'ko-KR', isMobile: true, hasTouch: true };
const TABLET = { viewport: { width: 1024, height: 768 }, locale: 'ko-KR' };

/**
 * The sync spine in a real browser: an order written offline survives a reload, reaches the shop
 * exactly once when the phone is back online, and the phone is told the truth at every step.
 */
describe.each(drivers)('an offline order in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  const stateOf = (page: Page) => orderState(page);

  it('saved on the phone offline, still there after a reload, sent, received, accepted — and exactly one order at the shop', async () => {
    const phoneContext = await browser.newContext({ ...PHONE, acceptDownloads: true });
    const phone = await phoneContext.newPage();
    const errors: string[] = [];
    phone.on('pageerror', (e) => errors.push(e.message));
    await phone.goto(`${server.url}/s/uri-banchan`);
    await phone.getByRole('heading', { level: 1, name: '우리동네 반찬가게' }).waitFor();
    // One online visit: the service worker has the app shell and the phone has its identity.
    await phone.evaluate(() => navigator.serviceWorker.ready);
    await phone.waitForFunction(() => localStorage.getItem('dangol.device') !== null);

    await phoneContext.setOffline(true);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await checkout(phone, { name: '김단골', phone: '010-1234-5678' });
    await expect.poll(() => stateOf(phone).textContent()).toContain('이 휴대폰에 저장됨');

    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: '우리동네 반찬가게' }).waitFor();
    await expect.poll(() => stateOf(phone).textContent()).toContain('이 휴대폰에 저장됨');
    expect(await server.storage.query('select id from orders')).toEqual([]);
    // The unsent order can be saved as a file while it waits.
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('button', { name: '전송 안 된 내용 파일로 저장' }).click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      outbox: { name: string }[];
    };
    expect(exported.outbox.map((e) => e.name)).toEqual(['placeOrder']);

    const tabletContext = await browser.newContext(TABLET);
    const tablet = await tabletContext.newPage();
    await tablet.goto(`${server.url}/shop`);
    await tablet.getByLabel('가게 아이디').fill('uri-banchan');
    await tablet.getByLabel('사용자 이름').fill('owner');
    await tablet.getByLabel('비밀번호').fill('banchan1234');
    await tablet.getByRole('button', { name: '로그인' }).click();
    await tablet.getByRole('heading', { name: '주문', exact: true }).waitFor();

    await phoneContext.setOffline(false);
    await expect
      .poll(() => stateOf(phone).textContent(), { timeout: 20_000 })
      .toMatch(/전송됨|가게 기기에 도착 — 아직 접수 전이에요/);
    const card = tablet.getByRole('listitem', { name: /^주문 / });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    expect(await card.textContent()).toContain('멸치볶음 × 1');
    expect(await card.textContent()).toContain('김단골');
    await expect
      .poll(() => stateOf(phone).textContent(), { timeout: 20_000 })
      .toContain('가게 기기에 도착 — 아직 접수 전이에요');

    await card.getByRole('button', { name: '20분 후 준비로 접수' }).click();
    await expect.poll(() => stateOf(phone).textContent(), { timeout: 20_000 }).toContain('접수됨');
    const rows = await server.storage.query<{ status: string; total: number }>(
      'select status, total from orders',
    );
    expect(rows).toEqual([{ status: 'accepted', total: 5000 }]);
    expect(errors).toEqual([]);
  });
});
