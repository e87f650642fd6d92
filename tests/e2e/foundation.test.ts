import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'ko-KR', isMobile: true, hasTouch: true };
const TABLET = { viewport: { width: 1024, height: 768 }, locale: 'ko-KR' };

/** Everything the page reported that a person (or a strict CSP) would call broken. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return problems;
}

describe.each(drivers.slice(0, 1))('foundation in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  const problems: string[][] = [];
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  async function open(options: object, path: string) {
    const context = await browser.newContext(options);
    // The CSP reports violations as events even when the console is quiet.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    problems.push(watch(page));
    await page.goto(server.url + path);
    return page;
  }

  async function logIn(page: Page, username = 'owner', password = 'banchan1234') {
    await page.getByLabel('가게 아이디').fill('uri-banchan');
    await page.getByLabel('사용자 이름').fill(username);
    await page.getByLabel('비밀번호').fill(password);
    await page.getByRole('button', { name: '로그인' }).click();
  }

  it('the customer link opens the demo shop menu in Korean, with prices in won, and the phone gets a device identity', async () => {
    const page = await open(PHONE, '/s/uri-banchan');
    await page.getByRole('heading', { level: 1, name: '우리동네 반찬가게' }).waitFor();
    const item = page.getByRole('listitem', { name: '소불고기' });
    await item.waitFor();
    expect(await item.textContent()).toContain('12,000원');
    expect(await item.textContent()).toContain('500g (+7,000원)');
    await expect(page.getByRole('img', { name: '소불고기 사진' }).count()).resolves.toBe(1);
    await page.waitForFunction(() => localStorage.getItem('dangol.device') !== null);
    const token = await page.evaluate(() => localStorage.getItem('dangol.device'));
    const me = await page.evaluate(
      async (t) => (await fetch('/api/devices/me', { headers: { 'x-dangol-device': t! } })).status,
      token,
    );
    expect(me).toBe(200);
  });

  it('the shop link shows a login; the demo login signs in; marking sold out reaches the customer page', async () => {
    const page = await open(TABLET, '/shop');
    await page.getByRole('heading', { name: '가게 로그인' }).waitFor();
    await logIn(page, 'owner', 'wrong-password');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('맞지 않습니다');
    await logIn(page);
    await page.getByRole('heading', { level: 1, name: '우리동네 반찬가게' }).waitFor();
    await expect(
      page.getByRole('navigation', { name: '가게 관리 메뉴' }).getByRole('button', { name: '직원' }).count(),
    ).resolves.toBe(1);
    await page.getByRole('button', { name: '메뉴·품절' }).click();
    await page.getByRole('button', { name: '소불고기: 오늘 품절' }).click();
    await page.getByRole('button', { name: '소불고기: 판매 재개' }).waitFor();
    // Marked on the tablet at once (offline too); the mark goes once the server has it.
    await page
      .getByRole('listitem', { name: '소불고기' })
      .getByText('전송 대기 중')
      .waitFor({ state: 'detached', timeout: 20_000 });

    const customer = await open(PHONE, '/s/uri-banchan');
    const item = customer.getByRole('listitem', { name: '소불고기' });
    await item.waitFor();
    expect(await item.textContent()).toContain('오늘 품절');
  });

  it('an owner invites staff through the console; the staff member joins and sees no owner screens', async () => {
    const owner = await open(TABLET, '/shop');
    await logIn(owner);
    await owner.getByRole('button', { name: '직원' }).click();
    await owner.getByRole('button', { name: '직원 초대 링크 만들기' }).click();
    const link = await owner.getByLabel('초대 링크').inputValue();
    expect(link).toMatch(/\/invite#[A-Za-z0-9_-]{43}$/);

    const staff = await open(TABLET, new URL(link).pathname + new URL(link).hash);
    await staff.getByRole('heading', { name: '우리동네 반찬가게에 직원으로 참여하기' }).waitFor();
    await staff.getByLabel('사용자 이름').fill('minji');
    await staff.getByLabel('비밀번호').fill('minji-password');
    await staff.getByRole('button', { name: '참여하기' }).click();
    await staff.getByText('minji (직원)로 로그인됨').waitFor();
    const nav = staff.getByRole('navigation', { name: '가게 관리 메뉴' });
    await expect(nav.getByRole('button', { name: '직원' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('button', { name: '가게 설정' }).count()).resolves.toBe(0);
    await nav.getByRole('button', { name: '메뉴·품절' }).click();
    // Staff may mark sold out (an earlier test already did, so the button may offer "back on sale").
    await staff
      .getByRole('button', { name: /^소불고기: / })
      .first()
      .waitFor();
    await expect(staff.getByLabel('소불고기 가격 (원)').count()).resolves.toBe(0);

    await staff.goto(server.url + new URL(link).pathname + new URL(link).hash);
    await expect(staff.getByRole('alert').textContent()).resolves.toContain('이미 사용되었습니다');
  });

  it('a shop signs up from the start page and lands in its console', async () => {
    const page = await open(TABLET, '/');
    await page.getByLabel('가게 이름').fill('망원 빵집');
    await page.getByLabel('가게 아이디 (주소에 쓰여요)').fill('mangwon-bakery');
    await page.getByLabel('비밀번호').fill('bakery-password');
    await page.getByRole('button', { name: '가게 만들기' }).click();
    await page.getByRole('heading', { level: 1, name: '망원 빵집' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/shop');
  });

  it('speaks English to an English browser', async () => {
    const page = await open({ ...TABLET, locale: 'en-US' }, '/shop');
    await page.getByRole('heading', { name: 'Shop login' }).waitFor();
    await page.getByLabel('Shop ID').fill('uri-banchan');
    await page.getByLabel('User name').fill('owner');
    await page.getByLabel('Password').fill('nope-nope');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Shop ID, user name or password is wrong.',
    );
  });

  it('shows a clear message for a shop that does not exist', async () => {
    const page = await open(PHONE, '/s/no-such-shop');
    await page.getByRole('heading', { name: '가게를 찾을 수 없습니다' }).waitFor();
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    expect(problems.flat().join('\n')).toBe('');
  });
});
