import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { loginTablet, PHONE, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { literal } from '../support/regex';
import { shopPusher } from '../support/shopOrders';
import { json, sessionCookie } from '../support/testApp';
import { voucherLastDay } from '../../src/domain/voucher';
import type { Voucher } from '../../src/protocol/voucher';

const DAY = 86_400_000;

afterAll(dropTestSchemas);

/** Waits (bounded) until the server has `n` redemptions: the tablet's outbox reached it. */
async function serverRedemptions(server: LiveServer, n: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows = await server.storage.query('select 1 from voucher_redemptions');
    if (rows.length === n) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server never had ${n} redemption(s)`);
}

describe.each(drivers.slice(0, 1))('gift vouchers in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('issue → the share link opens a wallet on a phone → an offline tablet takes the typed code → the wallet shows the new balance', async () => {
    const tabletContext = await browser.newContext(TABLET);
    const tablet = await loginTablet(tabletContext, server.url);
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: '상품권' })
      .click();
    await tablet.getByRole('heading', { level: 2, name: '상품권' }).waitFor();
    // The tablet has the shop's key and vouchers before the network goes.
    await tablet.getByText(/서버에서 받은 목록이에요/).waitFor({ timeout: 20_000 });

    // Sell a ₩30,000 voucher (the default amount and one-year expiry), paid in cash.
    const issue = tablet.getByRole('region', { name: '상품권 판매' });
    await issue.getByLabel('금액(원)').fill('30000');
    await issue.getByLabel('구매자 이름').fill('김단골');
    await issue.getByLabel('메시지 (선택)').fill('생일 축하해');
    await issue.getByRole('button', { name: '상품권 발행' }).click();
    await issue.getByRole('status').filter({ hasText: '상품권을 발행했어요' }).waitFor();
    await issue.getByRole('img', { name: '상품권 QR 코드' }).waitFor();
    const link = await issue.getByLabel('공유 링크').inputValue();
    const code = (await issue.locator('.voucher-code').textContent())!;
    expect(link).toMatch(/\/s\/uri-banchan\/v\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-.{3}$/);
    await expectAccessible(tablet, 'vouchers tab with an issued voucher');

    // The recipient opens the link on their phone: kept in the wallet, with the balance.
    const phoneContext = await browser.newContext(PHONE);
    const phone = await phoneContext.newPage();
    phone.on('pageerror', (e) => errors.push(`phone: ${e.message}`));
    await phone.goto(link);
    // Generous only because the machine may be busy: nothing here waits on a clock.
    await phone.getByRole('heading', { level: 1, name: '내 상품권' }).waitFor({ timeout: 60_000 });
    const card = phone.getByRole('article', { name: code });
    await card.getByText('남은 금액 30,000원').waitFor({ timeout: 20_000 });
    await card.getByRole('img', { name: '상품권 QR 코드' }).waitFor();
    await expectAccessible(phone, 'voucher wallet');

    // The network falls; the tablet takes the code the customer reads out, and redeems ₩12,000.
    await tabletContext.setOffline(true);
    const counter = tablet.getByRole('region', { name: '상품권 사용' });
    // A one-symbol typo is caught by the check symbol, on the device.
    const typo = (code[0] === '7' ? '8' : '7') + code.slice(1);
    await counter.getByLabel('상품권 코드 또는 링크').fill(typo);
    await counter.getByRole('button', { name: '확인' }).click();
    await counter.getByRole('alert').filter({ hasText: '상품권 코드를 읽을 수 없습니다' }).waitFor();
    await counter.getByLabel('상품권 코드 또는 링크').fill(code.toLowerCase());
    await counter.getByRole('button', { name: '확인' }).click();
    const found = counter.getByRole('group', { name: code });
    await found.getByText('남은 금액 30,000원').waitFor();
    await found.getByLabel('사용할 금액(원)').fill('12000');
    // Tapped twice in a hurry: taken once.
    await found.getByRole('button', { name: '입력한 금액 사용' }).dblclick();
    await counter
      .getByRole('status')
      .filter({ hasText: '12,000원 사용 처리했어요. 남은 금액 18,000원.' })
      .waitFor();
    expect(await server.storage.query('select 1 from voucher_redemptions')).toHaveLength(0);
    // The list on the tablet already counts it (the outbox on top of the last server copy).
    await tablet
      .getByRole('region', { name: '발행 내역' })
      .getByText('남은 잔액 (갚아야 할 금액) 18,000원')
      .waitFor();

    // Back online: the outbox carries the redemption once; the phone's wallet shows the new balance.
    await tabletContext.setOffline(false);
    await serverRedemptions(server, 1);
    await phone.reload();
    await phone
      .getByRole('article', { name: code })
      .getByText('남은 금액 18,000원')
      .waitFor({ timeout: 20_000 });

    // Offline, the phone still shows the voucher and its last known balance.
    await phoneContext.setOffline(true);
    await phone.evaluate(() => window.dispatchEvent(new Event('online')));
    await phone.getByRole('article', { name: code }).getByText('남은 금액 18,000원').waitFor();

    // Another tablet, offline since before, had taken ₩20,000 of it: over by ₩2,000. The owner sees
    // it in plain words with the two choices, and decides.
    const voucherId = (await server.storage.query<{ id: string }>('select id from vouchers'))[0]!.id;
    const other = await shopPusher(server.app);
    await other.push({
      name: 'redeemVoucher',
      args: {
        redemptionId: randomUUID(),
        voucherId,
        amount: 20_000,
        orderId: null,
        at: new Date().toISOString(),
      },
    });
    const nav = tablet.getByRole('navigation', { name: '가게 관리 메뉴' });
    await nav.getByRole('button', { name: '주문', exact: true }).click();
    await nav.getByRole('button', { name: '상품권' }).click();
    const conflicts = tablet.getByRole('region', { name: '중복 사용 확인 필요' });
    await conflicts
      .getByText(
        new RegExp(
          `${literal(code)} 상품권이 .+ 20,000원 사용되었는데, 그때 남은 금액이 18,000원뿐이라 2,000원만큼 더 드렸어요`,
        ),
      )
      .waitFor({ timeout: 20_000 });
    await expectAccessible(tablet, 'vouchers tab with a conflict');
    await conflicts.getByRole('button', { name: '손실로 처리' }).click();
    await conflicts.waitFor({ state: 'detached' });
    expect(
      await server.storage.query(
        "select 1 from voucher_redemptions where resolution = 'accept_loss' and shortfall = 2000",
      ),
    ).toHaveLength(1);
    expect(errors).toEqual([]);
    await Promise.all([tabletContext.close(), phoneContext.close()]);
  });
  it('30 days before expiry the tablet lists the voucher with the notice to send, and the holder is warned; once expired, the wallet offers the 90 % refund', async () => {
    const login = await json(server.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { slug: 'uri-banchan', username: 'owner', password: 'banchan1234' },
    });
    const cookie = sessionCookie(login);
    const issued = await json(server.app, {
      method: 'POST',
      url: '/api/shop/vouchers',
      cookie,
      payload: {
        voucherId: randomUUID(),
        won: 30_000,
        itemId: null,
        expiresAt: new Date(Date.now() + 366 * DAY).toISOString(),
        message: '',
        buyerName: '최만료',
        paidBy: 'cash',
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const v = issued.json() as Voucher;
    const expiresAt = Date.parse(v.expiresAt);
    const lastDay = voucherLastDay(expiresAt);

    // Ten days before: the owner's tablet lists it, with the words the standard terms ask for.
    const tabletContext = await browser.newContext(TABLET);
    await tabletContext.clock.setFixedTime(expiresAt - 10 * DAY + 60_000);
    const tablet = await loginTablet(tabletContext, server.url);
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: '상품권' })
      .click();
    const expiring = tablet.getByRole('region', { name: '30일 안에 만료되는 상품권' });
    await expiring
      .getByText(`${v.code} · 남은 금액 30,000원 · 최만료 · ${lastDay}까지 (10일 남음)`)
      .waitFor();
    const sms = await expiring
      .getByRole('link', { name: `${v.code} 만료 알림 문자 쓰기` })
      .getAttribute('href');
    expect(sms).toMatch(/^sms:\?body=/);
    const body = decodeURIComponent(sms!.slice('sms:?body='.length));
    expect(body).toContain(`상품권 ${v.code}의 유효기간이 ${lastDay}까지예요 (남은 금액 30,000원)`);
    expect(body).toContain('남은 금액의 90%를 환불');
    expect(body).toContain(`/s/uri-banchan/v/${v.token}`);
    await expectAccessible(tablet, 'vouchers tab with a voucher about to expire');

    // The holder opening the voucher on those days is told too.
    const phoneContext = await browser.newContext(PHONE);
    const phone = await phoneContext.newPage();
    await phone.clock.setFixedTime(expiresAt - 10 * DAY + 60_000);
    await phone.goto(`${server.url}/s/uri-banchan/v/${v.token}`);
    const card = phone.getByRole('article', { name: v.code });
    await card.getByText('남은 금액 30,000원').waitFor({ timeout: 20_000 });
    await card.getByRole('note').getByText(`유효기간이 10일 남았어요 (${lastDay}까지)`).waitFor();

    // A day after expiry: 90 % of the balance, and until when.
    await phone.clock.setFixedTime(expiresAt + DAY);
    await phone.reload();
    await phone
      .getByRole('article', { name: v.code })
      .getByRole('note')
      .getByText(
        `${voucherLastDay(Date.parse(v.issuedAt!) + 5 * 365 * DAY)}까지 가게에 요청하면 남은 금액의 90%인 27,000원을 환불받을 수 있어요`,
      )
      .waitFor({ timeout: 20_000 });
    await Promise.all([tabletContext.close(), phoneContext.close()]);
  });

  it('a customer asks for a voucher by bank transfer; once the shop confirms, it appears in their wallet', async () => {
    const phoneContext = await browser.newContext(PHONE);
    const phone = await phoneContext.newPage();
    await phone.goto(`${server.url}/s/uri-banchan/v`);
    const buy = phone.getByRole('region', { name: '상품권 사기 (계좌이체)' });
    await buy.getByLabel('금액(원)').fill('50000');
    await buy.getByLabel('구매자 이름').fill('박손님');
    await buy.getByRole('button', { name: '상품권 신청' }).click();
    await buy.getByRole('status').filter({ hasText: '신청했어요' }).waitFor();
    await buy.getByRole('group', { name: '계좌이체 안내' }).getByText('50,000원').waitFor();

    const tabletContext = await browser.newContext(TABLET);
    const tablet = await loginTablet(tabletContext, server.url);
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: '상품권' })
      .click();
    const list = tablet.getByRole('region', { name: '발행 내역' });
    const row = list.getByRole('row').filter({ hasText: '박손님' });
    await row.getByRole('button', { name: '입금 확인 후 발행' }).click();
    await row.getByText('사용 가능').waitFor();

    await phone.reload();
    await phone.getByRole('article').getByText('남은 금액 50,000원').waitFor({ timeout: 20_000 });
    await Promise.all([tabletContext.close(), phoneContext.close()]);
  });
});
