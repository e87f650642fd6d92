import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShopDate, formatShopTime } from '../../src/app/dates';
import { shopLocalDate } from '../../src/domain/hours';
import { pickupDays } from '../../src/domain/pickupOptions';
import { addDays, type Schedule } from '../../src/domain/schedule';
import { withServerAndChromium } from '../support/browserSuite';
import { checkout, loginTablet, openShop, orderState, PHONE } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';
import { json } from '../support/testApp';

afterAll(dropTestSchemas);

/** The owner's counter tablet (issue #16 asks for 1280×800). */
const TABLET = { viewport: { width: 1280, height: 800 }, locale: 'ko-KR' };
const EN = { locale: 'en-US' };

const card = (tablet: Page, label: string, lang: 'ko' | 'en' = 'ko') =>
  tablet.getByRole('listitem', { name: lang === 'ko' ? `주문 ${label}` : `Order ${label}`, exact: true });
const cardStatus = (tablet: Page, label: string, lang: 'ko' | 'en' = 'ko') =>
  card(tablet, label, lang).locator('[role="status"][data-state]');
const stateText = async (page: Page) => (await orderState(page).textContent())?.trim();

async function loginTabletEn(context: BrowserContext, url: string): Promise<Page> {
  const tablet = await context.newPage();
  await tablet.goto(`${url}/shop`);
  await tablet.getByLabel('Shop ID').fill('uri-banchan');
  await tablet.getByLabel('User name').fill('owner');
  await tablet.getByLabel('Password').fill('banchan1234');
  await tablet.getByRole('button', { name: 'Log in' }).click();
  await tablet.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
  return tablet;
}

/**
 * Issue #16: every kind of order, true from the customer's first tap to the handover, in Chromium —
 * a customer on a 390×844 phone from the shop's link, the owner on a 1280×800 tablet. Every status
 * line either of them reads is asserted, for each kind in its own words.
 */
describe.each(drivers)('every kind of order, phone to counter, in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let schedule: Schedule;
  const errors: string[] = [];
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    const res = await json(server.app, { method: 'GET', url: '/api/shops/uri-banchan' });
    schedule = (res.json() as { schedule: Schedule }).schedule;
  });
  const watch = (...pages: Page[]) => pages.forEach((p) => p.on('pageerror', (e) => errors.push(e.message)));
  afterAll(() => expect(errors).toEqual([]));

  it('pickup now (ko): 새 주문 → 가게 기기에 도착 → 접수됨 (ready-by) → 준비 완료 → 픽업 완료', async () => {
    const phoneContext = await browser.newContext(PHONE);
    const tabletContext = await browser.newContext(TABLET);
    const phone = await openShop(phoneContext, server.url);
    const tablet = await loginTablet(tabletContext, server.url);
    watch(phone, tablet);

    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    const id = await checkout(phone, { name: '김지금', phone: '010-1111-2222' });
    const label = await serverLabel(server.storage, id);
    await phone.getByRole('heading', { name: `주문 ${label}` }).waitFor();

    await card(tablet, label).waitFor({ timeout: 20_000 });
    expect(await cardStatus(tablet, label).textContent()).toContain('새 주문 — 접수를 기다려요');
    // Only "on the shop's device", never "accepted", until the shop says yes.
    await expect
      .poll(() => stateText(phone), { timeout: 20_000 })
      .toBe('가게 기기에 도착 — 아직 접수 전이에요');

    await card(tablet, label).getByRole('button', { name: '20분 후 준비로 접수' }).click();
    await expect.poll(() => cardStatus(tablet, label).textContent()).toMatch(/^준비 중 — .+까지 \(20분\)$/);
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toMatch(/^접수됨 — .+까지 준비돼요$/);
    const readyBy = (
      await server.storage.query<{ ready_by: Date }>('select ready_by from orders where id = $1', [id])
    )[0]!.ready_by;
    // The shop's clock, in the shop's zone (Node's ICU spells 오전 unlike Chromium: compare the digits).
    const clock = formatShopTime(readyBy.toISOString(), schedule.timeZone, 'en');
    expect(await stateText(phone)).toContain(` ${clock}까지 준비돼요`);
    // A pickup never shows delivery steps.
    expect(await card(tablet, label).getByRole('button', { name: '배달 출발' }).count()).toBe(0);

    await card(tablet, label).getByRole('button', { name: '준비 완료' }).click();
    await expect.poll(() => cardStatus(tablet, label).textContent()).toBe('준비 완료 — 손님을 기다려요');
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toBe('준비 완료 — 가게에서 찾아가세요');

    await card(tablet, label).getByRole('button', { name: '픽업 완료' }).click();
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toBe('픽업 완료');
    await tablet.getByRole('button', { name: /완료·취소/ }).click();
    await expect.poll(() => cardStatus(tablet, label).textContent()).toBe('픽업 완료');
    await phoneContext.close();
    await tabletContext.close();
  });

  it('a pre-order three days ahead (en): confirmed for its slot, on that day’s board an hour before, completed', async () => {
    const phoneContext = await browser.newContext({ ...PHONE, ...EN });
    const tabletContext = await browser.newContext({ ...TABLET, ...EN });
    const phone = await openShop(phoneContext, server.url);
    const tablet = await loginTabletEn(tabletContext, server.url);
    watch(phone, tablet);

    // The first open day at least three days ahead, and its first slot, as the calendar offers them.
    const today = shopLocalDate(new Date(), schedule.timeZone);
    const day = pickupDays(new Date(), schedule, {}, []).find(
      (d) => d.date >= addDays(today, 3) && d.slots.length > 0,
    )!;
    const slot = day.slots[0]!.slot;
    const when = `${formatShopDate(day.date, 'en')} ${slot}`;

    await phone.getByRole('button', { name: 'Add 멸치볶음' }).click();
    await phone.getByRole('link', { name: /^Cart \(/ }).click();
    await phone.getByRole('heading', { name: 'Cart' }).waitFor();
    await phone.getByRole('radio', { name: formatShopDate(day.date, 'en'), exact: true }).check();
    await phone.getByRole('radio', { name: slot, exact: true }).check();
    await phone.getByLabel('Name').fill('Jane Preorder');
    await phone.getByLabel('Mobile number').fill('010-3333-4444');
    await phone.getByRole('button', { name: /Review order/ }).click();
    await phone.getByRole('heading', { name: 'Check your order' }).waitFor();
    await phone.getByRole('button', { name: /^Order · / }).click();
    await phone.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const id = /\/o\/([0-9a-f-]{36})/.exec(phone.url())![1]!;
    const label = await serverLabel(server.storage, id, 'en');

    await card(tablet, label, 'en').waitFor({ timeout: 20_000 });
    expect(await cardStatus(tablet, label, 'en').textContent()).toBe(
      'New pre-order — waiting to be confirmed',
    );
    // No "ready in 10 minutes" for Wednesday's order: the one step is to confirm it for its slot.
    expect(
      await card(tablet, label, 'en')
        .getByRole('button', { name: /ready in/ })
        .count(),
    ).toBe(0);
    await card(tablet, label, 'en')
      .getByRole('button', { name: `Confirm for ${when}` })
      .click();
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toBe(`Confirmed — collect it ${when}`);

    // Confirmed, it leaves today's board (it is not today's work), and the board says where it went.
    await card(tablet, label, 'en').waitFor({ state: 'detached' });
    await tablet.getByText(/confirmed pre-orders appear here 60 min before their slot/).waitFor();

    // That day, 30 minutes before the slot (the tablet's clock moved on; the board re-reads it on reload).
    const [h, m] = slot.split(':').map(Number) as [number, number];
    const slotStart = zonedInstant(day.date, h * 60 + m, schedule.timeZone);
    await tablet.clock.setFixedTime(new Date(slotStart.getTime() - 30 * 60_000));
    await tablet.reload();
    const inProgress = tablet.getByRole('region', { name: /^In progress/ });
    await inProgress
      .getByRole('listitem', { name: `Order ${label}`, exact: true })
      .waitFor({ timeout: 20_000 });
    expect(await cardStatus(tablet, label, 'en').textContent()).toBe(`Confirmed — ${when}`);

    await card(tablet, label, 'en').getByRole('button', { name: 'Ready', exact: true }).click();
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toBe('Ready — collect it at the shop');
    await card(tablet, label, 'en').getByRole('button', { name: 'Picked up' }).click();
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toBe('Collected');
    await phoneContext.close();
    await tabletContext.close();
  });

  it('a delivery (ko): 접수됨 (배달 출발 시각) → 배달 출발 with the rider → 배달 완료, and never a pickup word', async () => {
    const phoneContext = await browser.newContext(PHONE);
    const tabletContext = await browser.newContext(TABLET);
    const phone = await openShop(phoneContext, server.url);
    const tablet = await loginTablet(tabletContext, server.url);
    watch(phone, tablet);

    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    const id = await checkout(phone, { name: '박배달', phone: '010-5555-6666' }, async (p) => {
      await p.getByRole('radio', { name: '배달' }).check();
      await p.getByLabel('배달 주소').fill('서울 중구 세종대로 110 3층');
      // The time is when it arrives: titled so, not "픽업 시간".
      await p.getByRole('group', { name: '배달 시간' }).waitFor();
      expect(await p.getByRole('group', { name: '픽업 시간' }).count()).toBe(0);
    });
    const label = await serverLabel(server.storage, id);
    await card(tablet, label).waitFor({ timeout: 20_000 });
    const isNow =
      (await server.storage.query<{ slot: string | null }>('select slot from orders where id = $1', [id]))[0]!
        .slot === null;

    if (isNow) {
      await card(tablet, label).getByRole('button', { name: '20분 후 준비로 접수' }).click();
      await expect
        .poll(() => cardStatus(tablet, label).textContent())
        .toMatch(/^준비 중 — .+ 배달 출발 \(20분\)$/);
      await expect
        .poll(() => stateText(phone), { timeout: 20_000 })
        .toMatch(/^접수됨 — .+쯤 준비되면 배달을 출발해요$/);
    } else {
      await card(tablet, label)
        .getByRole('button', { name: /예약 확정$/ })
        .click();
      await expect
        .poll(() => stateText(phone), { timeout: 20_000 })
        .toMatch(/^예약 확정 — .+에 배달해 드려요$/);
    }
    // A delivery is never "ready, waiting for the customer".
    expect(await card(tablet, label).getByRole('button', { name: '준비 완료' }).count()).toBe(0);

    await card(tablet, label).getByRole('button', { name: '배달 출발' }).click();
    const dialog = tablet.getByRole('dialog', { name: `배달 출발 — ${label}` });
    await dialog.getByLabel('배달하는 분 이름 (선택)').fill('김기사');
    await dialog.getByLabel('배달하는 분 전화번호 (선택)').fill('010-9876-5432');
    await dialog.getByRole('button', { name: '배달 출발로 바꾸기' }).click();
    await expect.poll(() => cardStatus(tablet, label).textContent()).toBe('배달 중 — 김기사 010-9876-5432');
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toBe('배달 출발 — 곧 도착해요');
    await phone.getByText('배달하는 분: 김기사 010-9876-5432').waitFor();
    await tablet.screenshot({ path: '/tmp/orderKinds-delivery-tablet.png' });
    await phone.screenshot({ path: '/tmp/orderKinds-delivery-phone.png', fullPage: true });

    await card(tablet, label).getByRole('button', { name: '배달 완료' }).click();
    await expect.poll(() => stateText(phone), { timeout: 20_000 }).toBe('배달 완료');
    const page = (await phone.locator('main').textContent()) ?? '';
    for (const word of ['픽업', '찾으러', '가져가']) expect(page).not.toContain(word);
    await phoneContext.close();
    await tabletContext.close();
  });
});

/** The instant a shop-local date and minute of the day fall on, in `zone` (searching ±14 h offsets). */
function zonedInstant(date: string, minute: number, zone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const at = new Date(guess - offset * 60_000);
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
    if (
      local ===
      `${date}, ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
    )
      return at;
  }
  throw new Error(`no instant for ${date} ${minute} in ${zone}`);
}
