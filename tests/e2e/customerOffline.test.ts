import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { MenuItem } from '../../src/domain/catalogue';
import { decodeHandoff } from '../../src/protocol/handoff';
import {
  checkout,
  loginTablet,
  openShop,
  orderState,
  PHONE,
  SHOP_NAME,
  TABLET,
} from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel, tempLabel } from '../support/orderLabels';

afterAll(dropTestSchemas);

/** The names of this origin's IndexedDB databases that belong to Dangol's devices. */
const deviceDbs = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('dangol-')),
  );

/** The customer's outage path in Chromium: the truth on screen, the SMS hand-off, chat, a shared link. */
describe.each(drivers.slice(0, 1))('the customer offline in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('after one visit the menu opens offline; the order is saved on the phone, offered by text message with a code that decodes to the same order, then sent once', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.evaluate(() => navigator.serviceWorker.ready);
    // Browsing keeps nothing on the phone yet: the device database and its code load with the cart.
    expect(await deviceDbs(phone)).toEqual([]);
    await context.setOffline(true);
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor();

    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await phone.getByRole('button', { name: '깍두기 담기' }).click();
    const id = await checkout(phone, { name: '오프라인', phone: '010-2222-3333', note: '문 앞' });
    expect(await deviceDbs(phone)).toEqual(['dangol-customer-uri-banchan']);
    await expect.poll(() => orderState(phone).textContent()).toContain('이 휴대폰에 저장됨');
    // The phone says it is offline and what waits, in words (not a missing translation's key).
    await phone
      .getByRole('status')
      .filter({ hasText: '오프라인 — 인터넷에 연결되지 않았어요' })
      .filter({ hasText: '보내지 못한 변경 1건' })
      .waitFor();
    // After a short honest wait: the text-message hand-off and the shop's number.
    const sms = phone.getByRole('link', { name: '문자로 주문 보내기' });
    await sms.waitFor({ timeout: 15_000 });
    const href = (await sms.getAttribute('href'))!;
    expect(href.startsWith('sms:021234567?body=')).toBe(true);
    const body = decodeURIComponent(href.slice(href.indexOf('body=') + 5));
    expect(body).toContain('멸치볶음');
    expect(body).toContain('13,000원');
    // Saved only here: called by its provisional label, on the page and in the text alike (#16).
    expect(body.split('\n')[0]).toContain(`주문 ${tempLabel(id)}`);
    await phone.getByRole('heading', { name: `주문 ${tempLabel(id)}`, exact: true }).waitFor();
    const code = body.trim().split('\n').at(-1)!;
    const items = await server.storage.query<{ id: string; option_groups: MenuItem['optionGroups'] }>(
      'select id, option_groups from menu_items',
    );
    const decoded = decodeHandoff(code, {
      shopSlug: 'uri-banchan',
      catalogue: new Map(items.map((i) => [i.id, { id: i.id, optionGroups: i.option_groups }])),
    });
    expect(decoded.ok && decoded.order.orderId).toBe(id);
    expect(decoded.ok && decoded.order.lines.map((l) => l.quantity)).toEqual([1, 1]);
    expect(await phone.getByRole('link', { name: '가게에 전화하기' }).count()).toBeGreaterThan(0);
    expect(await server.storage.query('select 1 from orders where id = $1', [id])).toHaveLength(0);

    await context.setOffline(false);
    await expect.poll(() => orderState(phone).textContent(), { timeout: 20_000 }).toMatch(/전송됨|가게에서/);
    expect(await server.storage.query('select 1 from orders where id = $1', [id])).toHaveLength(1);
    // Back online the provisional label gives way to the server's number.
    await phone
      .getByRole('heading', { name: `주문 ${await serverLabel(server.storage, id)}`, exact: true })
      .waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('S15: an order an older app queued with a NUL in its note is set aside on the phone, said so in words, and the next order goes through', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await phone.getByRole('link', { name: /^장바구니 \(/ }).waitFor();
    await phone.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    const poisoned = await checkout(phone, { name: '옛 앱', phone: '010-4444-5555', note: '문 앞' });
    // What an older app (before the text rule) could have queued: the note gets a NUL in the outbox.
    await phone.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('dangol-customer-uri-banchan');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('outbox', 'readwrite');
            const cursor = tx.objectStore('outbox').openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return;
              const entry = c.value as { args: { note: string } };
              entry.args.note = '문\u0000앞';
              c.update(entry);
              c.continue();
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await context.setOffline(false);
    await phone
      .getByRole('alert')
      .filter({ hasText: '이 기기에 보관한 변경이 1건' })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => orderState(phone).textContent()).toContain('이 기기에 보관했습니다');
    await phone.screenshot({ path: '/tmp/s15-set-aside-phone.png' });
    expect(await server.storage.query('select 1 from orders where id = $1', [poisoned])).toHaveLength(0);

    // The queue flows on: the next order reaches the shop.
    await phone.goto(`${server.url}/s/uri-banchan`);
    await phone.getByRole('button', { name: '깍두기 담기' }).click();
    const next = await checkout(phone, { name: '새 주문', phone: '010-4444-5555' });
    await expect.poll(() => orderState(phone).textContent(), { timeout: 20_000 }).toMatch(/전송됨|가게/);
    expect(await server.storage.query('select 1 from orders where id = $1', [next])).toHaveLength(1);
    await context.close();
  });

  it('chat written offline arrives once and in order; the shop answers from its inbox and the phone sees it live', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('link', { name: '문의하기' }).click();
    // The chat's code and the device database load on this first visit before the network goes.
    await phone.getByLabel('메시지').waitFor();
    await context.setOffline(true);
    const box = phone.getByLabel('메시지');
    for (const text of ['안녕하세요', '내일 잡채 되나요?', '<b>굵게</b> 아님']) {
      await box.fill(text);
      await phone.getByRole('button', { name: '보내기' }).click();
    }
    const log = phone.getByRole('log', { name: '대화' });
    await expect.poll(() => log.getByText('보내는 중…').count()).toBe(3);

    await context.setOffline(false);
    await expect.poll(() => log.getByText('전송됨').count(), { timeout: 20_000 }).toBe(3);
    const rows = await server.storage.query<{ body: string; device_id: string }>(
      "select body, device_id from messages where author = 'customer' order by version",
    );
    expect(rows.map((r) => r.body)).toEqual(['안녕하세요', '내일 잡채 되나요?', '<b>굵게</b> 아님']);

    const tabletContext = await browser.newContext(TABLET);
    const tablet = await loginTablet(tabletContext, server.url);
    // The tab ("문의, 안 읽은 메시지 1건"), not the chat banner's "… 님의 문의 보기".
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: /^문의/ })
      .click();
    await tablet.getByRole('list', { name: '대화 목록' }).getByRole('button').first().click();
    await tablet.getByRole('log', { name: '대화' }).getByText('내일 잡채 되나요?').waitFor();
    await tablet.getByLabel('메시지').fill('네, 오늘 6시 전까지 주문해 주세요');
    await tablet.getByRole('button', { name: '보내기' }).click();
    await log.getByText('네, 오늘 6시 전까지 주문해 주세요').waitFor({ timeout: 20_000 });
    await tabletContext.close();
    await context.close();
  });

  it('a screen whose code cannot load (offline on a first visit, no app cache) says so; retrying online finds the cart intact', async () => {
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    // The cart opened the device database (its code loaded); the checkout screen's code has not.
    await expect.poll(() => deviceDbs(phone)).toEqual(['dangol-customer-uri-banchan']);
    await context.setOffline(true);
    await phone.getByRole('link', { name: '장바구니 (1)' }).click();
    await phone.getByRole('alert').filter({ hasText: '화면을 불러오지 못했어요' }).waitFor();
    // Only the screen that failed says so: the shop's header and the way back to the menu stay.
    await phone.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor();
    await phone.getByRole('link', { name: '메뉴', exact: true }).waitFor();
    await context.setOffline(false);
    await phone.getByRole('button', { name: '다시 시도' }).click();
    await phone.getByRole('heading', { name: '장바구니' }).waitFor();
    await phone.getByText('멸치볶음').first().waitFor();
    await context.close();
  });

  it("an order's share link shows its progress in another browser, without the customer's details", async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '시금치나물 담기' }).click();
    const id = await checkout(phone, { name: '공유하는사람', phone: '010-7777-8888' });
    await expect.poll(() => orderState(phone).textContent(), { timeout: 15_000 }).toMatch(/전송됨|가게에서/);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await phone.getByRole('button', { name: '주문 링크 복사' }).click();
    const link = await phone.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`/s/uri-banchan/o/${id}#[A-Za-z0-9_-]{43}$`));

    const other = await browser.newContext(PHONE);
    const family = await other.newPage();
    await family.goto(link);
    await family
      .getByRole('heading', { name: `주문 ${await serverLabel(server.storage, id)}`, exact: true })
      .waitFor();
    await family.getByText('시금치나물 × 1').waitFor();
    expect(await family.locator('main').textContent()).not.toContain('공유하는사람');
    await family.goto(link.replace(/#.*/, '#' + 'x'.repeat(43)));
    await family.getByRole('alert').waitFor();
    await other.close();
    await context.close();
  });
});
