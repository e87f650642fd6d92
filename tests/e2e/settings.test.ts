import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays } from '../../src/domain/schedule';
import { loginTablet, openShop, PHONE, SHOP_NAME, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { seriousViolations } from '../support/axe';

afterAll(dropTestSchemas);

const TZ = 'Asia/Seoul';
/** The customer calendar's label for a date ("11월 24일 (화)"), as the checkout formats it. */
const dayLabel = (date: string) =>
  new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
const weekdayName = (date: string) =>
  new Intl.DateTimeFormat('ko-KR', { timeZone: 'UTC', weekday: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );

async function openSettings(tablet: Page): Promise<void> {
  await tablet.getByRole('navigation').getByRole('button', { name: '가게 설정' }).click();
  await tablet.getByRole('heading', { level: 2, name: '가게 설정' }).waitFor();
}

const saveAndWait = async (tablet: Page) => {
  await tablet.getByRole('button', { name: '설정 저장' }).click();
  await tablet.getByRole('status').filter({ hasText: '저장됨' }).waitFor();
};

/**
 * The owner's settings screen in Chromium at a tablet's size, in Korean, by role and accessible
 * name: what the owner saves is what a customer's calendar offers.
 */
describe.each(drivers.slice(0, 1))('shop settings in Chromium on $name', (driver) => {
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
    await openSettings(tablet);
  });
  const shopRow = async () =>
    (
      await server.storage.query<{
        slug: string;
        notice: string;
        slot_capacity: number;
        closed_dates: string[];
        hours: { open: string; close: string }[][];
        bank_transfer: boolean;
      }>(
        `select s.slug, notice, slot_capacity, closed_dates, hours, bank_transfer from shops s
          join shop_slugs a on a.shop_id = s.id where a.slug = 'uri-banchan'`,
      )
    )[0]!;

  it('the owner closes a weekday, adds a holiday, sets slot capacity and the notice; the customer’s checkout follows', async () => {
    const today = shopLocalDate(new Date(), TZ);
    const closedDay = addDays(today, 1);
    const holiday = addDays(today, 2);
    const openDay = addDays(today, 3);

    await tablet.getByRole('checkbox', { name: `${weekdayName(closedDay)} 휴무` }).check();
    await tablet.getByLabel('휴무일 날짜').fill(holiday);
    await tablet.getByRole('button', { name: '휴무일 추가' }).click();
    const listed = new Intl.DateTimeFormat('ko-KR', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    }).format(new Date(`${holiday}T12:00:00Z`));
    await tablet
      .getByRole('list', { name: '휴무일' })
      .getByRole('button', { name: `${listed} 휴무일 삭제` })
      .waitFor();
    await tablet.getByLabel('시간대마다 받을 주문 수').fill('1');
    await tablet
      .getByLabel('공지 (메뉴 위에 보입니다)')
      .fill('이번 주는 잡채를 쉽니다. 예약은 전화로도 받아요.');
    await tablet.getByRole('status').filter({ hasText: '저장하지 않은 변경 사항이 있습니다' }).waitFor();
    await saveAndWait(tablet);

    const row = await shopRow();
    expect(row.slot_capacity).toBe(1);
    expect(row.closed_dates).toEqual([holiday]);
    expect(row.hours[new Date(`${closedDay}T12:00:00Z`).getUTCDay()]).toEqual([]);
    expect(row.notice).toBe('이번 주는 잡채를 쉽니다. 예약은 전화로도 받아요.');

    // Another customer already holds 12:30 on the open day: with one order per slot it is full.
    await server.storage.query(
      `insert into orders (id, shop_id, lines, total, status, fulfilment, date, slot, version)
       select gen_random_uuid(), id, '[]'::jsonb, 0, 'placed', 'pickup', $1::date, '12:30', version
         from shops where slug = 'uri-banchan'`,
      [openDay],
    );

    const customer = await browser.newContext(PHONE);
    const phone = await openShop(customer, server.url);
    await phone.getByText('이번 주는 잡채를 쉽니다. 예약은 전화로도 받아요.').waitFor();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await phone.getByRole('link', { name: /^장바구니 \(/ }).click();
    await phone.getByRole('heading', { name: '장바구니' }).waitFor();
    await phone.getByRole('radio', { name: dayLabel(openDay) }).check();
    expect(await phone.getByRole('radio', { name: dayLabel(closedDay) }).count()).toBe(0);
    expect(await phone.getByRole('radio', { name: dayLabel(holiday) }).count()).toBe(0);
    expect(await phone.getByRole('radio', { name: '12:30 (마감)' }).isDisabled()).toBe(true);
    expect(await phone.getByRole('radio', { name: '13:00', exact: true }).isDisabled()).toBe(false);
    await customer.close();
  });

  it('offline, saving says so plainly and keeps what was typed; back online it saves', async () => {
    const notice = tablet.getByLabel('공지 (메뉴 위에 보입니다)');
    await ownerContext.setOffline(true);
    await notice.fill('오프라인에서 쓴 공지');
    await tablet.getByRole('button', { name: '설정 저장' }).click();
    await tablet.getByRole('alert').filter({ hasText: '오프라인' }).waitFor();
    expect(await notice.inputValue()).toBe('오프라인에서 쓴 공지');
    expect((await shopRow()).notice).not.toBe('오프라인에서 쓴 공지');
    await ownerContext.setOffline(false);
    await saveAndWait(tablet);
    expect((await shopRow()).notice).toBe('오프라인에서 쓴 공지');
  });

  it('a bank transfer without an account is refused next to the account field', async () => {
    await tablet.getByLabel('입금 계좌').fill('');
    await tablet.getByRole('button', { name: '설정 저장' }).click();
    const account = tablet.getByRole('textbox', { name: '입금 계좌' });
    await expect.poll(() => account.getAttribute('aria-invalid')).toBe('true');
    expect(await account.getAttribute('aria-describedby')).toBeTruthy();
    await tablet.getByText('계좌이체를 받으려면 입금받을 계좌를 적어 주세요.').waitFor();
    await tablet.getByRole('checkbox', { name: '계좌이체' }).uncheck();
    await saveAndWait(tablet);
    expect((await shopRow()).bank_transfer).toBe(false);
  });

  it('changing the link asks first in a dialog; a taken link is refused; the old link still opens the shop', async () => {
    const signup = await fetch(`${server.url}/api/shops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        shopName: '옆 가게',
        slug: 'yeop-gage',
        username: 'owner',
        password: 'password123',
      }),
    });
    expect(signup.status).toBe(201);
    const slug = tablet.getByLabel('가게 주소 (링크)');

    await slug.fill('yeop-gage');
    await tablet.getByRole('button', { name: '설정 저장' }).click();
    const dialog = tablet.getByRole('dialog', { name: '가게 주소를 바꿀까요?' });
    await dialog.getByText('이미 인쇄한 QR 포스터', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: '주소 바꾸고 저장' }).click();
    await tablet.getByRole('alert').filter({ hasText: '이미 사용 중인 가게 아이디입니다.' }).waitFor();
    expect(await slug.getAttribute('aria-invalid')).toBe('true');

    // Cancelling changes nothing.
    await slug.fill('uri-banchan-mangwon');
    await tablet.getByRole('button', { name: '설정 저장' }).click();
    await dialog.getByRole('button', { name: '취소' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await shopRow()).slug).toBe('uri-banchan');

    await tablet.getByRole('button', { name: '설정 저장' }).click();
    await dialog.getByRole('button', { name: '주소 바꾸고 저장' }).click();
    await tablet.getByRole('status').filter({ hasText: '저장됨' }).waitFor();
    expect((await shopRow()).slug).toBe('uri-banchan-mangwon');

    const customer = await browser.newContext(PHONE);
    const phone = await customer.newPage();
    for (const link of ['uri-banchan-mangwon', 'uri-banchan']) {
      await phone.goto(`${server.url}/s/${link}`);
      await phone.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor();
    }
    await customer.close();
  });

  it('axe finds nothing serious on the settings form, with field errors shown, or in the link dialog', async () => {
    expect(await seriousViolations(tablet)).toEqual([]);
    await tablet.getByLabel('시간대마다 받을 주문 수').fill('0');
    await tablet.getByRole('button', { name: '설정 저장' }).click();
    await tablet.getByText('1~999 사이의 숫자를 넣어 주세요.').waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    await tablet.getByLabel('시간대마다 받을 주문 수').fill('1');
    await tablet.getByLabel('가게 주소 (링크)').fill('axe-check');
    await tablet.getByRole('button', { name: '설정 저장' }).click();
    const dialog = tablet.getByRole('dialog', { name: '가게 주소를 바꿀까요?' });
    await dialog.waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    await dialog.getByRole('button', { name: '취소' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tablet.getByLabel('가게 주소 (링크)').fill('uri-banchan-mangwon');
  });

  it('staff see no settings tab, and the server refuses their change', async () => {
    const invite = await ownerContext.request.post(`${server.url}/api/shop/invites`, { data: {} });
    expect(invite.status()).toBe(200);
    const token = ((await invite.json()) as { url: string }).url.split('#')[1]!;
    const staffContext = await browser.newContext(TABLET);
    const accepted = await staffContext.request.post(`${server.url}/api/invites/accept`, {
      data: { token, username: 'counter', password: 'counter-pass-1' },
    });
    expect(accepted.status()).toBe(201);
    const staff = await staffContext.newPage();
    await staff.goto(`${server.url}/shop`);
    await staff.getByRole('heading', { name: '주문', exact: true }).waitFor();
    const nav = staff.getByRole('navigation');
    expect(await nav.getByRole('button', { name: '주문' }).count()).toBeGreaterThan(0);
    expect(await nav.getByRole('button', { name: '가게 설정' }).count()).toBe(0);
    const res = await staffContext.request.patch(`${server.url}/api/shop/settings`, {
      data: { notice: '직원이 바꾼 공지' },
    });
    expect(res.status()).toBe(403);
    expect((await shopRow()).notice).toBe('오프라인에서 쓴 공지');
    await staffContext.close();
  });
});
