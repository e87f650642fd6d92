import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { checkout, loginTablet, openShop, orderState, PHONE, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { demoShop } from '../support/shopOrders';
import { serverLabel } from '../support/orderLabels';

afterAll(dropTestSchemas);

/** Chimes this page has actually scheduled on a running AudioContext (board/chime.ts counts them). */
const chimes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __dangolChimes?: number }).__dangolChimes ?? 0);

/** The chime repeats every 3 s (NewOrderAlert RING_EVERY_MS): over 7 s a ringing alert plays at least twice. */
const TWO_RINGS_MS = 7_000;

async function orderFromPhone(
  phone: Page,
  url: string,
  who: { name: string; note?: string },
): Promise<string> {
  await phone.goto(`${url}/s/uri-banchan`);
  await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
  return checkout(phone, { name: who.name, phone: '010-1234-5678', note: who.note });
}

/** What the board calls each order ("12번"), learnt from the server once it has the order (#16). */
const labels = new Map<string, string>();
const card = (tablet: Page, id: string) =>
  tablet.getByRole('listitem', { name: `주문 ${labels.get(id)}`, exact: true });
const alertBanner = (tablet: Page) => tablet.locator('[role="alert"][data-ringing="true"]');

async function armSound(tablet: Page): Promise<void> {
  await tablet.getByRole('button', { name: '알림 소리 켜기' }).click();
  // The arm prompt goes once the browser really runs the audio.
  await tablet.getByRole('button', { name: '알림 소리 켜기' }).waitFor({ state: 'detached' });
}

describe.each(drivers.slice(0, 1))('the live order board in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let phoneContext: BrowserContext;
  let tabletContext: BrowserContext;
  let phone: Page;
  let tablet: Page;
  let timeZone: string;
  const errors: string[] = [];
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    timeZone = (await demoShop(server.app)).timeZone;
    phoneContext = await browser.newContext(PHONE);
    tabletContext = await browser.newContext(TABLET);
    phone = await openShop(phoneContext, server.url);
    tablet = await loginTablet(tabletContext, server.url);
    for (const p of [phone, tablet]) p.on('pageerror', (e) => errors.push(e.message));
  });

  it('a customer order arrives live and rings until acknowledged; accepted in 20 min, the customer sees the ready time', async () => {
    await armSound(tablet);
    expect(await alertBanner(tablet).count()).toBe(0);
    const id = await orderFromPhone(phone, server.url, { name: '김단골', note: '<b>덜 맵게</b> 해 주세요' });
    labels.set(id, await serverLabel(server.storage, id));

    await card(tablet, id).waitFor({ timeout: 20_000 });
    const banner = alertBanner(tablet);
    await banner.waitFor();
    expect(await banner.textContent()).toContain('새 주문 1건이 들어왔어요!');
    expect(await banner.textContent()).toContain(`${labels.get(id)} ·`);
    // It really rings, and keeps ringing.
    await expect.poll(() => chimes(tablet), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

    // The card: who, what, the note as text, the total, payment and where it stands.
    const text = await card(tablet, id).textContent();
    expect(text).toContain('김단골 · 010-1234-5678');
    expect(text).toContain('멸치볶음 × 1');
    expect(text).toContain('요청 사항: <b>덜 맵게</b> 해 주세요');
    expect(text).toMatch(/[\d,]+원/);
    expect(text).toContain('받을 때 결제 (현금·카드)');
    expect(text).toContain('미결제');
    await card(tablet, id).locator('[role="status"][data-state="placed"]').waitFor();
    await card(tablet, id)
      .getByRole('button', { name: `주문 ${labels.get(id)} 인쇄` })
      .waitFor();
    expect(await seriousViolations(tablet), 'axe on the board with a ringing alert').toEqual([]);

    await banner.getByRole('button', { name: '확인하고 주문 보기' }).click();
    await banner.waitFor({ state: 'detached' });
    const afterAck = await chimes(tablet);
    // Silent from now on: over a span in which it rang at least twice before, not one more chime.
    await tablet.waitForTimeout(TWO_RINGS_MS);
    expect(await chimes(tablet)).toBe(afterAck);

    await card(tablet, id).getByRole('button', { name: '20분 후 준비로 접수' }).click();
    await card(tablet, id).locator('[role="status"][data-state="accepted"]').waitFor();
    await expect
      .poll(
        async () =>
          (await server.storage.query<{ status: string }>('select status from orders where id = $1', [id]))[0]
            ?.status,
        { timeout: 20_000 },
      )
      .toBe('accepted');
    const [row] = await server.storage.query<{ prep_minutes: number; ready_by: Date }>(
      'select prep_minutes, ready_by from orders where id = $1',
      [id],
    );
    expect(row!.prep_minutes).toBe(20);
    const readyBy = new Date(row!.ready_by);
    // Within a minute of twenty from now (the click was just now).
    expect(Math.abs(readyBy.getTime() - Date.now() - 20 * 60_000)).toBeLessThan(60_000);
    // Formatted by the browser's own ICU (Node's may word "오전" differently).
    const clock = await phone.evaluate(
      ([iso, zone]) =>
        new Date(iso).toLocaleTimeString('ko-KR', { hour: '2-digit', minute: '2-digit', timeZone: zone }),
      [readyBy.toISOString(), timeZone] as const,
    );

    await phone.goto(`${server.url}/s/uri-banchan/o/${id}`);
    await expect
      .poll(() => orderState(phone).textContent(), { timeout: 20_000 })
      .toBe(`접수됨 — ${clock}까지 준비돼요`);
    // The tablet shows the same time on the card.
    expect(await card(tablet, id).locator('[role="status"]').textContent()).toBe(
      `준비 중 — ${clock}까지 (20분)`,
    );
  });

  it('after a reload, acknowledged orders stay quiet and a new one rings; rejected with a quick reason and a note, the customer reads both', async () => {
    await tablet.reload();
    await tablet.getByRole('heading', { name: '주문', exact: true }).waitFor();
    await tablet.locator('section.board[aria-busy="false"]').waitFor();
    await armSound(tablet);

    const id = await orderFromPhone(phone, server.url, { name: '박이웃' });
    labels.set(id, await serverLabel(server.storage, id));
    const banner = alertBanner(tablet);
    await banner.waitFor({ timeout: 20_000 });
    // Only the new order rings; the one acknowledged before the reload does not.
    expect(await banner.textContent()).toContain('새 주문 1건이 들어왔어요!');
    expect(await banner.textContent()).toContain(`${labels.get(id)} ·`);
    await expect.poll(() => chimes(tablet), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

    await card(tablet, id).getByRole('button', { name: '거절', exact: true }).click();
    const dialog = tablet.getByRole('dialog', { name: `주문 ${labels.get(id)} 거절` });
    // Neither a reason nor a note: the dialog asks for one and sends nothing.
    await dialog.getByRole('button', { name: '거절하기' }).click();
    await dialog.getByText('사유를 고르거나 적어 주세요.').waitFor();
    expect(await seriousViolations(tablet), 'axe with the reject dialog open').toEqual([]);
    await dialog.getByRole('radio', { name: '재료 소진' }).check();
    await dialog.getByLabel('손님에게 남길 말 (선택)').fill('내일 다시 주문해 주세요');
    await dialog.getByRole('button', { name: '거절하기' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Deciding the order also ends its alert.
    await banner.waitFor({ state: 'detached' });
    await expect
      .poll(() => orderState(phone).textContent(), { timeout: 20_000 })
      .toBe('가게에서 거절했습니다: 재료 소진 — 내일 다시 주문해 주세요');
    const rows = await server.storage.query<{ status: string; reject_reason: string }>(
      'select status, reject_reason from orders where id = $1',
      [id],
    );
    expect(rows).toEqual([{ status: 'rejected', reject_reason: '재료 소진 — 내일 다시 주문해 주세요' }]);
    // Finished orders are behind their own filter.
    await tablet.getByRole('button', { name: '완료·취소' }).click();
    await card(tablet, id).locator('[role="status"][data-state="rejected"]').waitFor();
    await tablet.getByRole('button', { name: /^진행 중/ }).click();
  });

  it('offline, the banner says so with how many changes wait; back online the change reaches the server once', async () => {
    const [accepted] = await server.storage.query<{ id: string }>(
      "select id from orders where status = 'accepted'",
    );
    const id = accepted!.id;
    labels.set(id, await serverLabel(server.storage, id));
    await tabletContext.setOffline(true);
    await card(tablet, id).getByRole('button', { name: '준비 완료' }).click();
    await card(tablet, id).getByRole('button', { name: '결제 받음' }).click();
    const banner = tablet.locator('[role="status"][data-offline="true"]');
    await banner.waitFor({ timeout: 20_000 });
    await expect.poll(() => banner.textContent()).toContain('보내지 못한 변경 2건');
    expect(await banner.textContent()).toContain('오프라인');
    expect(await banner.textContent()).toMatch(/\d{2}:\d{2}부터 대기 중/);
    expect(
      (await server.storage.query<{ status: string }>('select status from orders where id = $1', [id]))[0],
    ).toEqual({ status: 'accepted' });

    await tabletContext.setOffline(false);
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    const rows = await server.storage.query<{ status: string; paid: boolean }>(
      'select status, paid_at is not null as paid from orders where id = $1',
      [id],
    );
    expect(rows).toEqual([{ status: 'ready', paid: true }]);
    expect(errors).toEqual([]);
  });
});
