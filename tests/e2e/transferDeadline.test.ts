import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays, shopMinuteOfDay } from '../../src/domain/schedule';
import { depositorName, depositorReference } from '../../src/domain/transferDeadline';
import { formatShopDate } from '../../src/app/dates';
import { launchChromium } from '../support/browser';
import { loginTablet, openShop, PHONE } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { startLiveServer, type LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

const SHOTS = process.env.SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const DAY = 24 * 60 * 60_000;

/**
 * Issue #16 (5), in Chromium: a bank-transfer pre-order three days ahead. The customer's page gives
 * the account, the amount, the depositor name and the deadline; nobody pays; the server's own sweeper
 * (its clock moved past the deadline) cancels it; the phone says why, and so does the shop's board.
 */
describe.each(drivers)('a transfer deadline in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  // The sweeper's clock: moved forward by the test instead of waiting a day.
  let ahead = 0;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startLiveServer(
        driver,
        {},
        { transferSweep: { intervalMs: 200, now: () => new Date(Date.now() + ahead) } },
      ),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('#16: the phone shows how and by when to pay; past the deadline the server cancels it and both screens say why', async () => {
    const [{ tz }] = (await server.storage.query<{ tz: string }>(
      "select time_zone as tz from shops where slug = 'uri-banchan'",
    )) as [{ tz: string }];
    const date = addDays(shopLocalDate(new Date(), tz), 3);
    const label = new Intl.DateTimeFormat('ko-KR', {
      timeZone: 'UTC',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    }).format(new Date(`${date}T12:00:00Z`));

    const phoneContext = await browser.newContext(PHONE);
    const phone = await openShop(phoneContext, server.url);
    await phone.getByRole('button', { name: '잔치 잡채 (1kg) 담기' }).click();
    await phone.getByRole('link', { name: /^장바구니 \(/ }).click();
    await phone.getByRole('radio', { name: label }).check();
    await phone.getByRole('radio', { name: '12:30' }).check();
    await phone.getByRole('radio', { name: '계좌이체' }).check();
    await phone.getByLabel('이름').fill('이예약');
    await phone.getByLabel('휴대폰 번호').fill('010-5555-1234');
    await phone.getByRole('button', { name: /주문 내용 확인/ }).click();
    // Before the final tap, the review says by when the transfer will be due (a day from now).
    const tomorrow = formatShopDate(addDays(shopLocalDate(new Date(), tz), 1), 'ko');
    const review = phone.getByRole('group', { name: '계좌이체 안내' });
    expect(await review.textContent()).toContain(`입금 기한: 지금 주문하면 ${tomorrow}`);
    await phone.getByRole('button', { name: /주문하기$/ }).click();
    await phone.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const id = /\/o\/([0-9a-f-]{36})/.exec(phone.url())![1]!;

    // The server's deadline reaches the phone with its answer: a day after placing (the default).
    const info = phone.getByRole('group', { name: '계좌이체 안내' });
    await info.getByText('입금 기한').waitFor({ timeout: 15_000 });
    const [{ pay_by }] = (await server.storage.query<{ pay_by: Date }>(
      'select pay_by from orders where id = $1',
      [id],
    )) as [{ pay_by: Date }];
    // As the browser writes it ("12월 9일 (수) 오전 07:48"): Node's ICU may write AM/PM instead.
    const minute = shopMinuteOfDay(pay_by, tz);
    const clock = `${String(minute / 60 >= 12 ? 'pm' : 'am')} ${String(Math.floor(minute / 60) % 12 || 12).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const deadline = `${formatShopDate(shopLocalDate(pay_by, tz), 'ko')} ${clock.replace('am', '오전').replace('pm', '오후')}`;
    const text = (await info.textContent()) ?? '';
    expect(text).toContain('1002-123-456789');
    expect(text).toContain('25,000원');
    expect(text).toContain(depositorName('이예약', depositorReference(id)));
    expect(text).toContain(`${deadline}까지`);
    await info.getByRole('button', { name: '입금자명 복사' }).waitFor();
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/transfer-phone-390.png`, fullPage: true });
    // The same in English (the shop's clock, 24-hour in en-GB).
    const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const deadlineEn = `${formatShopDate(shopLocalDate(pay_by, tz), 'en')} ${hhmm}`;
    await phone.getByLabel('언어').selectOption('en');
    const infoEn = phone.getByRole('group', { name: 'Bank transfer details' });
    await expect.poll(() => infoEn.textContent()).toContain(`Pay by: ${deadlineEn}`);
    expect(await infoEn.textContent()).toContain(
      `Depositor name: ${depositorName('이예약', depositorReference(id))}`,
    );
    await phone.getByLabel('Language').selectOption('ko');

    const tabletContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'ko-KR',
    });
    const tablet = await loginTablet(tabletContext, server.url);
    // The shop's card says what to look for in the bank app, and until when.
    await expect
      .poll(() => tablet.locator('.board-transfer').allTextContents(), { timeout: 20_000 })
      .toContain(
        `입금 대기 · 입금자명 ${depositorName('이예약', depositorReference(id))} · 기한 ${deadline}`,
      );

    // Four days on, unpaid: the server's sweeper cancels it and pokes the phone and the shop.
    ahead = 4 * DAY;
    const lapsed = `입금 기한(${deadline})이 지나 주문이 취소되었습니다.`;
    await expect
      .poll(async () => (await phone.getByRole('alert').allTextContents()).join(' '), { timeout: 20_000 })
      .toContain(lapsed);
    expect(await phone.locator('[role="status"][data-state]').getAttribute('data-state')).toBe('cancelled');
    // Nothing left to pay: the account is no longer offered.
    expect(await info.count()).toBe(0);
    await phone.getByLabel('언어').selectOption('en');
    await expect
      .poll(async () => (await phone.getByRole('alert').allTextContents()).join(' '))
      .toContain(`The transfer deadline (${deadlineEn}) passed, so the order was cancelled.`);
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/transfer-cancelled-390.png`, fullPage: true });

    await tablet.getByRole('group', { name: '보기' }).getByRole('button', { name: '완료·취소' }).click();
    await expect
      .poll(() => tablet.getByTestId('transfer-lapsed').allTextContents(), { timeout: 20_000 })
      .toContain(`입금 기한(${deadline})이 지나 자동 취소됨`);
    await tablet.getByLabel('언어').selectOption('en');
    await expect
      .poll(() => tablet.getByTestId('transfer-lapsed').allTextContents())
      .toContain(`Cancelled automatically: transfer deadline (${deadlineEn}) passed`);
    if (SHOTS) await tablet.screenshot({ path: `${SHOTS}/transfer-cancelled-1280.png` });
    await phoneContext.close();
    await tabletContext.close();
  });
});
