import type { BrowserContext, Page } from 'playwright-core';

export const PHONE = {
  viewport: { width: 390, height: 844 },
  locale: 'ko-KR',
  isMobile: true,
  hasTouch: true,
};
export const TABLET = { viewport: { width: 1024, height: 768 }, locale: 'ko-KR' };
export const SHOP_NAME = '우리동네 반찬가게';

/** Opens the demo shop's link and waits until the phone has its device identity and the app shell. */
export async function openShop(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/s/uri-banchan`);
  await page.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor();
  await page.waitForFunction(() => localStorage.getItem('dangol.device') !== null);
  return page;
}

/** Goes to the cart, fills who is ordering and places it; returns the new order's id from the address bar. */
export async function checkout(
  page: Page,
  who: { name: string; phone: string; note?: string },
  choose: (page: Page) => Promise<void> = async () => {},
): Promise<string> {
  await page.getByRole('link', { name: /^장바구니 \(/ }).click();
  await page.getByRole('heading', { name: '장바구니' }).waitFor();
  await choose(page);
  await page.getByLabel('이름').fill(who.name);
  await page.getByLabel('휴대폰 번호').fill(who.phone);
  if (who.note) await page.getByLabel('요청 사항').fill(who.note);
  await reviewAndPlace(page);
  await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
  return /\/o\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** The checkout's last two taps (#16): "주문 내용 확인", then on the review step "…원 주문하기". */
export async function reviewAndPlace(page: Page): Promise<void> {
  await page.getByRole('button', { name: /주문 내용 확인/ }).click();
  await page.getByRole('heading', { name: '주문 내용을 확인해 주세요' }).waitFor();
  await page.getByRole('button', { name: /주문하기$/ }).click();
}

/** The honest state line on an order's page. */
export const orderState = (page: Page) => page.locator('article.order-page [role="status"][data-state]');

export async function loginTablet(context: BrowserContext, url: string): Promise<Page> {
  const tablet = await context.newPage();
  await tablet.goto(`${url}/shop`);
  await tablet.getByLabel('가게 아이디').fill('uri-banchan');
  await tablet.getByLabel('사용자 이름').fill('owner');
  await tablet.getByLabel('비밀번호').fill('banchan1234');
  await tablet.getByRole('button', { name: '로그인' }).click();
  await tablet.getByRole('heading', { name: '주문', exact: true }).waitFor();
  return tablet;
}
