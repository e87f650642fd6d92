import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE } from '../../src/domain/menuEdit';
import { addDays } from '../../src/domain/schedule';
import { seriousViolations } from '../support/axe';
import { loginTablet, openShop, PHONE, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { isolate } from '../../src/domain/bidi';

afterAll(dropTestSchemas);

const TZ = 'Asia/Seoul';

async function openMenu(tablet: Page): Promise<void> {
  await tablet.getByRole('navigation').getByRole('button', { name: '메뉴·품절' }).click();
  await tablet.getByRole('heading', { level: 2, name: '메뉴와 품절' }).waitFor();
}

/** A 2400×1800 PNG drawn in the browser (gradients and noise, so it does not compress to nothing). */
async function generatedPng(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const ctx = canvas.getContext('2d')!;
    const g = ctx.createLinearGradient(0, 0, 2400, 1800);
    g.addColorStop(0, '#c0392b');
    g.addColorStop(1, '#f1c40f');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 2400, 1800);
    const noise = ctx.getImageData(0, 0, 2400, 1800);
    let seed = 7;
    for (let i = 0; i < noise.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noise.data[i] = (noise.data[i]! + (seed % 64)) & 0xff;
    }
    ctx.putImageData(noise, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/**
 * Menu and stock in Chromium at a tablet's size, in Korean, by role and accessible name: the owner
 * changes a price and adds a photo, marks an item sold out with the network down, and the customer's
 * menu shows all of it; staff mark sold out but see no price fields.
 */
describe.each(drivers.slice(0, 1))('menu and sold out in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let tablet: Page;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    ownerContext = await browser.newContext(TABLET);
    tablet = await loginTablet(ownerContext, server.url);
    await openMenu(tablet);
  });
  const item = async (name: string) =>
    (
      await server.storage.query<{ price: number; photo_url: string | null; sold_out_until: string | null }>(
        `select price, photo_url, sold_out_until::text from menu_items where name = $1`,
        [name],
      )
    )[0]!;

  it('the owner changes a price and adds a photo, shrunk on the device before upload', async () => {
    await tablet.getByRole('button', { name: '멸치볶음 수정' }).click();
    const dialog = tablet.getByRole('dialog', { name: '멸치볶음 수정' });
    await dialog.getByLabel('가격 (원)').fill('5500');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.getByRole('status').filter({ hasText: '저장했습니다.' }).waitFor();
    expect((await item('멸치볶음')).price).toBe(5500);

    const png = await generatedPng(tablet);
    expect(png.length).toBeGreaterThan(MAX_PHOTO_BYTES);
    await dialog
      .getByLabel('멸치볶음 사진 선택')
      .setInputFiles({ name: 'anchovy.png', mimeType: 'image/png', buffer: png });
    await dialog.getByRole('status').filter({ hasText: '사진을 올렸습니다.' }).waitFor({ timeout: 20_000 });
    const url = (await item('멸치볶음')).photo_url!;
    expect(url).toMatch(/^\/uploads\/[0-9a-f-]{36}\.jpg$/);
    const stored = await ownerContext.request.get(`${server.url}${url}`);
    expect(stored.status()).toBe(200);
    expect(stored.headers()['content-type']).toBe('image/jpeg');
    expect((await stored.body()).length).toBeLessThanOrEqual(MAX_PHOTO_BYTES);
    expect(await seriousViolations(tablet)).toEqual([]);
    await dialog.getByRole('button', { name: '닫기' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('offline, the tablet marks an item sold out; back online it reaches the server once', async () => {
    await ownerContext.setOffline(true);
    await tablet.getByRole('status').filter({ hasText: '인터넷에 연결되어 있지 않습니다' }).waitFor();
    await tablet.getByRole('button', { name: '진미채볶음: 오늘 품절' }).click();
    const row = tablet.getByRole('listitem', { name: '진미채볶음' });
    await row.getByText('오늘 품절', { exact: true }).first().waitFor();
    await row.getByText('전송 대기 중').waitFor();
    await tablet.getByRole('button', { name: '진미채볶음: 판매 재개' }).waitFor();
    // The board's chunk loaded first (it is the console's first tab); its styles once turned this
    // cream badge's text white. Checked while the badge is surely on screen.
    expect(await seriousViolations(tablet)).toEqual([]);
    expect((await item('진미채볶음')).sold_out_until).toBeNull();
    // The editor says plainly that it needs a connection, and will not send.
    await tablet.getByRole('button', { name: '진미채볶음 수정' }).click();
    const dialog = tablet.getByRole('dialog', { name: '진미채볶음 수정' });
    await dialog.getByRole('alert').filter({ hasText: '인터넷 연결이 필요합니다' }).waitFor();
    expect(await dialog.getByRole('button', { name: '저장' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '닫기' }).click();

    await ownerContext.setOffline(false);
    await row.getByText('전송 대기 중').waitFor({ state: 'detached', timeout: 20_000 });
    const today = shopLocalDate(new Date(), TZ);
    expect((await item('진미채볶음')).sold_out_until).toBe(today);
    const [{ n } = { n: 0 }] = await server.storage.query<{ n: number }>(
      `select count(*)::int as n from mutations where name = 'setSoldOut'`,
    );
    expect(n).toBe(1);
  });

  it('the customer’s menu shows the new price, the photo and the sold-out item', async () => {
    const phoneContext = await browser.newContext(PHONE);
    const phone = await openShop(phoneContext, server.url);
    const anchovy = phone.getByRole('listitem', { name: '멸치볶음' });
    await anchovy.getByText('5,500원').waitFor();
    const img = anchovy.getByRole('img', { name: '멸치볶음 사진' });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
      .toBeGreaterThan(0);
    const size = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
    expect(Math.max(...size)).toBeLessThanOrEqual(MAX_PHOTO_SIDE);
    expect(size).toEqual([1200, 900]);
    const squid = phone.getByRole('listitem', { name: '진미채볶음' });
    await squid.getByText('오늘 품절').waitFor();
    expect(await phone.getByRole('button', { name: '진미채볶음 담기' }).count()).toBe(0);
    await phoneContext.close();
  });

  it('staff mark an item sold out until a date but see no price fields', async () => {
    const invite = await ownerContext.request.post(`${server.url}/api/shop/invites`, { data: {} });
    expect(invite.status()).toBe(200);
    const token = ((await invite.json()) as { url: string }).url.split('#')[1]!;
    const staffContext = await browser.newContext(TABLET);
    const accepted = await staffContext.request.post(`${server.url}/api/invites/accept`, {
      data: { token, username: 'kitchen', password: 'kitchen-pass-1' },
    });
    expect(accepted.status()).toBe(201);
    const staff = await staffContext.newPage();
    await staff.goto(`${server.url}/shop`);
    await staff.getByRole('heading', { name: '주문', exact: true }).waitFor();
    await openMenu(staff);
    await staff.getByRole('button', { name: '시금치나물: 날짜까지 품절' }).waitFor();
    expect(await staff.getByLabel('가격 (원)').count()).toBe(0);
    expect(await staff.getByRole('button', { name: /수정$/ }).count()).toBe(0);
    expect(await staff.getByRole('button', { name: '메뉴 추가' }).count()).toBe(0);

    const until = addDays(shopLocalDate(new Date(), TZ), 2);
    await staff.getByRole('button', { name: '시금치나물: 날짜까지 품절' }).click();
    await staff.getByLabel('시금치나물: 품절 마지막 날').fill(until);
    await staff.getByRole('button', { name: '시금치나물: 품절 적용' }).click();
    await staff.getByRole('button', { name: '시금치나물: 판매 재개' }).waitFor();
    await expect.poll(async () => (await item('시금치나물')).sold_out_until, { timeout: 20_000 }).toBe(until);
    expect(await seriousViolations(staff)).toEqual([]);
    // The server refuses a price change from staff whatever the screen shows.
    const itemId = (
      await server.storage.query<{ id: string }>(`select id from menu_items where name = '시금치나물'`)
    )[0]!.id;
    const res = await staffContext.request.patch(`${server.url}/api/shop/items/${itemId}`, {
      data: { price: 1 },
    });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('owner_only');
    await staffContext.close();
  });

  it('the owner deletes an item after a warning: it leaves this tablet, a second tablet and a customer’s open menu', async () => {
    const secondContext = await browser.newContext(TABLET);
    const second = await loginTablet(secondContext, server.url);
    await openMenu(second);
    await second.getByRole('listitem', { name: '콩나물무침' }).waitFor();
    // A customer has the menu open meanwhile.
    const phoneContext = await browser.newContext(PHONE);
    const phone = await openShop(phoneContext, server.url);
    await phone.getByRole('listitem', { name: '콩나물무침' }).waitFor();

    await tablet.getByRole('button', { name: '콩나물무침 수정' }).click();
    const dialog = tablet.getByRole('dialog', { name: '콩나물무침 수정' });
    const warnings: string[] = [];
    tablet.once('dialog', (d) => {
      warnings.push(d.message());
      void d.accept();
    });
    await dialog.getByRole('button', { name: '메뉴에서 삭제' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The name is isolated for direction (FSI…PDI), as every typed text in a plain-text message is.
    expect(warnings).toEqual([
      expect.stringContaining(`${isolate('콩나물무침')}을(를) 메뉴에서 삭제할까요?`),
    ]);
    await tablet.getByRole('listitem', { name: '콩나물무침' }).waitFor({ state: 'detached' });
    expect(await server.storage.query(`select 1 from menu_items where name = '콩나물무침'`)).toHaveLength(0);
    // The other tablet is poked, pulls, and drops it: no reload.
    await second
      .getByRole('listitem', { name: '콩나물무침' })
      .waitFor({ state: 'detached', timeout: 20_000 });

    // The open menu asks again when the phone comes back online (and each minute on screen): the item
    // goes without a reload.
    await phone.evaluate(() => window.dispatchEvent(new Event('online')));
    await phone.getByRole('listitem', { name: '콩나물무침' }).waitFor({ state: 'detached', timeout: 20_000 });
    await phone.getByRole('listitem', { name: '멸치볶음' }).waitFor();
    await Promise.all([secondContext.close(), phoneContext.close()]);
  });
});
