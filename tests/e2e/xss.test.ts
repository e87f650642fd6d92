import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionGroup } from '../../src/domain/catalogue';
import { loginTablet, orderState, PHONE, reviewAndPlace, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';

afterAll(dropTestSchemas);

/** Each would set window.__xss if the text ever became markup (or a link) instead of text. */
const P = {
  img: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=1</script>',
  svg: '"><svg onload=window.__xss=1>',
  js: 'javascript:window.__xss=1',
};
const ITEM = `소불고기 ${P.img}`;
const DESCRIPTION = `${P.script} ${P.js}`;
const OPTION = `300g ${P.svg}`;
const SHOP = `${P.img} 반찬`;
const NOTICE = `${P.svg} ${P.script}`;
const CUSTOMER = P.img; // 36 characters: within the name field's 40
const NOTE = `${P.script} ${P.svg} ${P.js}`;
const ASK = `문의 ${P.img} ${P.svg}`;
const ANSWER = `답변 ${P.script} ${P.js}`;
const REASON = `재료 소진 ${P.svg} ${P.img}`;

/** Markup a payload would have made, had it been parsed: none of it may be in the page. */
const INJECTED =
  'img[src="x"], svg[onload], [onerror], [onload], script:not([src]), a[href^="javascript:" i], iframe, object';

interface Watch {
  /** securitypolicyviolation events: any would mean injected markup tried to run. */
  csp: string[];
  /** console errors and uncaught exceptions. */
  errors: string[];
}

/** A context that reports every CSP violation and console error of every page it opens. */
async function watchedContext(browser: Browser, options: object, watch: Watch): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  // Bindings and init scripts go through CDP, not the page's CSP; they only listen.
  await context.exposeBinding('__reportCsp', (_source, line: string) => void watch.csp.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportCsp: (s: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${location.pathname}`,
      ),
    );
  });
  context.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The console asks who is signed in before the login form: that 401 is the expected answer.
    if (/\/api\/auth\/me$/.test(m.location().url) && m.text().includes('401')) return;
    watch.errors.push(`${m.text()} (${m.location().url})`);
  });
  context.on('weberror', (e) => watch.errors.push(e.error().message));
  return context;
}

/** The payloads stayed text: nothing ran, nothing was injected, and `texts` are shown literally. */
async function expectInert(page: Page, where: string, texts: string[]): Promise<void> {
  for (const text of texts) await page.getByText(text).first().waitFor({ timeout: 10_000 });
  const { xss, injected } = await page.evaluate((selector) => {
    return {
      xss: (window as unknown as { __xss?: unknown }).__xss,
      injected: [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 120)),
    };
  }, INJECTED);
  expect(xss, `window.__xss on ${where}`).toBeUndefined();
  expect(injected, `markup injected on ${where}`).toEqual([]);
}

/**
 * Script payloads in everything a shop or a customer can type — menu, shop details, checkout,
 * chat, a reject reason — are shown as text on every screen that shows them: React escapes them,
 * so they never even reach the CSP (which would report an inline handler it blocked).
 */
describe.each(drivers.slice(0, 1))('script payloads stay text in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  const watch: Watch = { csp: [], errors: [] };
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    const q = server.storage.query.bind(server.storage);
    await q("update shops set name = $1, notice = $2 where slug = 'uri-banchan'", [SHOP, NOTICE]);
    const [{ groups }] = (await q<{ groups: OptionGroup[] }>(
      "select option_groups as groups from menu_items where name = '소불고기'",
    )) as [{ groups: OptionGroup[] }];
    groups[0]!.options[0]!.name = OPTION; // the default choice, so it is on the order too
    await q(
      "update menu_items set name = $1, description = $2, option_groups = $3::jsonb where name = '소불고기'",
      [ITEM, DESCRIPTION, JSON.stringify(groups)],
    );
  });

  it('control: markup that does get injected is caught by these checks (and blocked by the CSP)', async () => {
    const control: Watch = { csp: [], errors: [] };
    const context = await watchedContext(browser, PHONE, control);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/uri-banchan`);
    await page.getByRole('heading', { level: 1, name: SHOP }).waitFor();
    // What an unescaped render would do: parse the payload as HTML.
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), P.img);
    await expect.poll(() => control.csp.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(control.csp[0]).toMatch(/^script-src-attr inline/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(expectInert(page, 'the control', [])).rejects.toThrow(/markup injected/);
    await context.close();
  });

  it('the customer menu, order page and chat, and the shop orders board and chat inbox', async () => {
    const phoneContext = await watchedContext(browser, PHONE, watch);
    const phone = await phoneContext.newPage();
    await phone.goto(`${server.url}/s/uri-banchan`);
    await phone.getByRole('heading', { level: 1, name: SHOP }).waitFor();
    await phone.waitForFunction(() => localStorage.getItem('dangol.device') !== null);
    await expectInert(phone, 'the menu', [SHOP, NOTICE, ITEM, DESCRIPTION, OPTION]);

    await phone.getByRole('button', { name: `${ITEM} 담기` }).click();
    const dialog = phone.getByRole('dialog', { name: ITEM });
    await dialog.getByRole('radio', { name: OPTION }).check();
    await expectInert(phone, 'the options dialog', [DESCRIPTION, OPTION]);
    await dialog.getByRole('button', { name: /원 담기$/ }).click();

    await phone.getByRole('link', { name: /^장바구니 \(/ }).click();
    await phone.getByLabel('이름').fill(CUSTOMER);
    await phone.getByLabel('휴대폰 번호').fill('010-1234-5678');
    await phone.getByLabel('요청 사항').fill(NOTE);
    await expectInert(phone, 'the cart', [ITEM, OPTION]);
    await reviewAndPlace(phone);
    await phone.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orderId = /\/o\/([0-9a-f-]{36})/.exec(phone.url())![1]!;
    await expect.poll(() => orderState(phone).textContent(), { timeout: 15_000 }).toMatch(/전송됨|가게에서/);
    await expectInert(phone, 'the order page', [ITEM, OPTION, NOTE]);
    const [row] = await server.storage.query<{ customer_name: string; note: string }>(
      'select customer_name, note from orders where id = $1',
      [orderId],
    );
    expect(row).toEqual({ customer_name: CUSTOMER, note: NOTE });

    // The customer asks about the order; the message goes to the shop.
    await phone.getByRole('link', { name: '이 주문 문의하기' }).click();
    await phone.getByLabel('메시지').fill(ASK);
    await phone.getByRole('button', { name: '보내기' }).click();
    await phone.locator('.chat-state[data-state="sent"]').waitFor({ timeout: 15_000 });
    await expectInert(phone, 'the customer chat', [ASK]);

    // The shop sees all of it on its board and in its inbox, answers, then rejects with a reason.
    const tabletContext = await watchedContext(browser, TABLET, watch);
    const tablet = await loginTablet(tabletContext, server.url);
    const label = await serverLabel(server.storage, orderId);
    const card = tablet.getByRole('listitem', { name: `주문 ${label}`, exact: true });
    await card.waitFor({ timeout: 15_000 });
    await expectInert(tablet, 'the shop orders board', [SHOP, CUSTOMER, ITEM, OPTION]);

    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: /^문의/ })
      .click();
    await tablet.getByRole('list', { name: '대화 목록' }).getByRole('button', { name: CUSTOMER }).click();
    await tablet.getByRole('log', { name: '대화' }).getByText(ASK).waitFor({ timeout: 15_000 });
    await expectInert(tablet, 'the shop chat inbox', [CUSTOMER, ASK]);
    await tablet.getByLabel('메시지').fill(ANSWER);
    await tablet.getByRole('button', { name: '보내기' }).click();
    await tablet.locator('.chat-state[data-state="sent"]').waitFor({ timeout: 15_000 });
    await expectInert(tablet, 'the shop chat after answering', [ANSWER]);

    await phone.getByRole('log', { name: '대화' }).getByText(ANSWER).waitFor({ timeout: 20_000 });
    await expectInert(phone, 'the customer chat with the answer', [ASK, ANSWER]);

    await tablet.getByRole('button', { name: '주문', exact: true }).click();
    await card.getByRole('button', { name: '거절', exact: true }).click();
    const rejectDialog = tablet.getByRole('dialog', { name: `주문 ${label} 거절` });
    await rejectDialog.getByLabel('손님에게 남길 말 (선택)').fill(REASON);
    await rejectDialog.getByRole('button', { name: '거절하기' }).click();
    await tablet.getByRole('button', { name: '완료·취소' }).click();
    await card.locator('[role="status"][data-state="rejected"]').waitFor({ timeout: 15_000 });
    await expectInert(tablet, 'the shop orders board after rejecting', [CUSTOMER, ITEM, REASON]);

    await phone.goto(`${server.url}/s/uri-banchan/o/${orderId}`);
    await expect
      .poll(() => orderState(phone).textContent(), { timeout: 20_000 })
      .toBe(`가게에서 거절했습니다: ${REASON}`);
    await expectInert(phone, 'the rejected order page', [SHOP, ITEM, OPTION, NOTE, REASON]);

    expect(watch.csp, 'CSP violations').toEqual([]);
    expect(watch.errors, 'console errors').toEqual([]);
    await Promise.all([phoneContext.close(), tabletContext.close()]);
  });
});
