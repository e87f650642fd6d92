import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkout, loginTablet, openShop, orderState, PHONE } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';

afterAll(dropTestSchemas);

/** The counter tablet of the issue: a 10–11" tablet in landscape. */
const COUNTER = { viewport: { width: 1280, height: 800 }, locale: 'ko-KR', acceptDownloads: true };

const nav = (tablet: Page) => tablet.getByRole('navigation', { name: '가게 관리 메뉴' });
const openTab = async (tablet: Page, name: string) => {
  const tab = nav(tablet).getByRole('button', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
};
/** A card by what the board calls the order ("1번", #16). */
const card = (tablet: Page, label: string) =>
  tablet.getByRole('listitem', { name: `주문 ${label}`, exact: true });
const unverified = (tablet: Page) => tablet.locator('[role="status"][data-session="unverified"]');

/**
 * Issue #17, item 1: a tablet that restarts (or a tab that reloads) during an outage is not dark. The
 * console opens from the service worker's cache and the tablet's database on the sign-in it remembers,
 * works, and recovers by itself when the network returns; a sign-in the server has ended signs the
 * tablet out at its next check, keeping its unsent changes and offering them as a file.
 */
describe.each(drivers.slice(0, 1))('the console cold-started offline in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('reloaded offline it shows the board and works; back online it re-checks the sign-in and sends the accept once; a revoked sign-in signs out keeping unsent changes', async () => {
    const phoneContext = await browser.newContext(PHONE);
    const phone = await openShop(phoneContext, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    const orderId = await checkout(phone, { name: '김재시작', phone: '010-3333-4444' });
    const label = await serverLabel(server.storage, orderId);
    await expect.poll(() => orderState(phone).textContent(), { timeout: 15_000 }).toMatch(/전송됨|가게에서/);

    const context = await browser.newContext(COUNTER);
    const tablet = await loginTablet(context, server.url);
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    await card(tablet, label).waitFor({ timeout: 20_000 });
    // The app shell is in the service worker's cache before the network goes.
    await tablet.evaluate(() => navigator.serviceWorker.ready);
    // The device remembers who is signed in, never the session token (an HttpOnly cookie).
    const remembered = await tablet.evaluate(() => localStorage.getItem('dangol.shopSession'));
    expect(JSON.parse(remembered!)).toMatchObject({
      user: { username: 'owner', role: 'owner' },
      shop: { slug: 'uri-banchan' },
    });
    const cookies = await context.cookies();
    const sessionCookie = cookies.find((c) => c.httpOnly && c.path === '/');
    expect(sessionCookie).toBeDefined();
    expect(remembered).not.toContain(sessionCookie!.value);

    // The tablet restarts with the network down.
    await context.setOffline(true);
    await tablet.reload();
    await card(tablet, label).waitFor({ timeout: 20_000 });
    await unverified(tablet).waitFor({ timeout: 20_000 });
    expect(await unverified(tablet).textContent()).toContain(
      '서버에 연결할 수 없어요 — 이 기기에 저장된 주문으로 계속 일하고 있어요',
    );
    expect(await tablet.getByRole('button', { name: '다시 시도' }).count()).toBe(0);
    expect(await tablet.getByRole('heading', { name: '가게 로그인' }).count()).toBe(0);
    await tablet.screenshot({ path: '/tmp/cold-start-board.png' });

    // It works from the device: accept with 20 minutes, 멸치볶음 sold out today.
    await card(tablet, label).getByRole('button', { name: '20분 후 준비로 접수' }).click();
    await openTab(tablet, '메뉴·품절');
    await tablet.getByRole('button', { name: '멸치볶음: 오늘 품절' }).click();
    await tablet.getByRole('listitem', { name: '멸치볶음' }).getByText('오늘 품절').first().waitFor();
    await openTab(tablet, '주문');
    const banner = tablet.locator('[role="status"][data-offline]');
    await expect.poll(() => banner.getAttribute('data-pending'), { timeout: 20_000 }).toBe('2');
    await tablet.screenshot({ path: '/tmp/cold-start-board-accepted.png' });
    const [before] = await server.storage.query<{ status: string }>(
      'select status from orders where id = $1',
      [orderId],
    );
    expect(before!.status).toBe('placed');

    // The network returns: no tap. The sign-in is confirmed and every change reaches the server.
    await context.setOffline(false);
    await unverified(tablet).waitFor({ state: 'detached', timeout: 30_000 });
    await tablet.locator('[role="status"][data-pending]').waitFor({ state: 'detached', timeout: 30_000 });
    const [after] = await server.storage.query<{ status: string; prep_minutes: number | null }>(
      'select status, prep_minutes from orders where id = $1',
      [orderId],
    );
    expect(after).toMatchObject({ status: 'accepted', prep_minutes: 20 });
    const accepts = await server.storage.query<{ n: string }>(
      "select count(*)::text as n from mutations where order_id = $1 and name = 'acceptOrder'",
      [orderId],
    );
    expect(accepts[0]!.n).toBe('1');
    const [soldOut] = await server.storage.query<{ sold_out_until: unknown }>(
      "select sold_out_until from menu_items where name = '멸치볶음'",
    );
    expect(soldOut!.sold_out_until).not.toBeNull();

    // The sign-in ends elsewhere: the owner changes the password on another device.
    await openTab(tablet, '메뉴·품절');
    await tablet.getByRole('button', { name: '깍두기: 오늘 품절' }).waitFor();
    const otherContext = await browser.newContext(COUNTER);
    const other = await loginTablet(otherContext, server.url);
    await openTab(other, '비밀번호 변경');
    await other.getByLabel('현재 비밀번호').fill('banchan1234');
    await other.getByLabel('새 비밀번호').fill('banchan-5678');
    await other.getByRole('form', { name: '비밀번호 변경' }).getByRole('button').click();
    await other.getByText('비밀번호를 바꿨습니다').waitFor();

    // Offline again, the tablet marks 깍두기 sold out; at its next check, online, it is signed out.
    await context.setOffline(true);
    await tablet.getByRole('button', { name: '깍두기: 오늘 품절' }).click();
    await expect.poll(() => banner.getAttribute('data-pending'), { timeout: 20_000 }).toBe('1');
    await context.setOffline(false);
    await tablet.getByRole('heading', { name: '가게 로그인' }).waitFor({ timeout: 30_000 });
    await tablet.getByText('이 태블릿의 로그인이 끝났어요').waitFor();
    const kept = tablet.locator('[role="status"][data-kept]');
    await kept.waitFor({ timeout: 20_000 });
    expect(await kept.textContent()).toContain(
      '보내지 못한 변경 1건은 지워지지 않고 이 태블릿에 그대로 있어요',
    );
    await tablet.screenshot({ path: '/tmp/cold-start-signed-out.png' });
    expect(await tablet.evaluate(() => localStorage.getItem('dangol.shopSession'))).toBeNull();

    // The unsent change is kept, offered as a file, and never reached the server.
    const downloading = tablet.waitForEvent('download');
    await kept.getByRole('button', { name: '전송 안 된 내용 파일로 저장' }).click();
    const file = JSON.parse(await readFile((await (await downloading).path())!, 'utf8')) as {
      format: string;
      outbox: { name: string; args: { itemId: string } }[];
    };
    expect(file.format).toBe('dangol-unsynced-changes');
    expect(file.outbox.map((e) => e.name)).toEqual(['setSoldOut']);
    const [kkakdugi] = await server.storage.query<{ id: string; sold_out_until: unknown }>(
      "select id, sold_out_until from menu_items where name = '깍두기'",
    );
    expect(file.outbox[0]!.args.itemId).toBe(kkakdugi!.id);
    expect(kkakdugi!.sold_out_until).toBeNull();

    // Signed in again (new password), the same tablet sends what it kept.
    await tablet.getByLabel('사용자 이름').fill('owner');
    await tablet.getByLabel('비밀번호').fill('banchan-5678');
    await tablet.getByRole('button', { name: '로그인' }).click();
    await tablet.getByRole('heading', { name: '주문', exact: true }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await server.storage.query<{ sold_out_until: unknown }>(
              "select sold_out_until from menu_items where name = '깍두기'",
            )
          )[0]!.sold_out_until,
        { timeout: 30_000 },
      )
      .not.toBeNull();

    expect(errors).toEqual([]);
    await otherContext.close();
    await context.close();
    await phoneContext.close();
  });
});
