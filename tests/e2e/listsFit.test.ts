import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays } from '../../src/domain/schedule';
import { formatDay } from '../../src/print/format';
import { loginTablet } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { literal } from '../support/regex';
import {
  customerPusher,
  demoShop,
  MM_TO_PT,
  pdfPageSizes,
  placeOrder,
  shopPusher,
} from '../support/shopOrders';

afterAll(dropTestSchemas);

const SHOTS = process.env.SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

/** Longer than any column: what a customer may type (names, addresses, notes up to the limits). */
const LONG_NAME = '남궁 가나다라마바사아자차카타파하 할머니댁 손주';
const LONG_ADDRESS =
  '서울특별시 마포구 월드컵북로 400 상암동 디지털미디어시티 문화콘텐츠센터 지하2층 B-203호 (경비실에 맡겨 주세요)';
const LONG_NOTE =
  '아이가 먹을 거라 덜 맵게 해 주시고 포장은 따로따로 부탁드려요. 도착하면 전화 주세요, 초인종 고장났어요. https://example.com/very/long/unbroken/path/that-never-has-a-space';
/** Forty syllables without a space: the longest name the protocol takes, and no place to wrap. */
const UNBROKEN = '가'.repeat(40);

/**
 * Issue #16 (6): the day's pickup list and production list name each order's kind (a delivery is
 * 배달, never a pickup) and fit the screen of a 1280×800 tablet and an A4 page without sideways
 * overflow, however long what customers typed.
 */
describe.each(drivers.slice(0, 1))('lists that fit, in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('#16: at 1280×800 and on A4 the pickup and production lists show the kind and never overflow', async () => {
    const shop = await demoShop(server.app);
    const day = addDays(shopLocalDate(new Date(), shop.timeZone), 2);
    const dayLabel = formatDay(day, 'ko');
    const phone = await customerPusher(server.app);
    const counter = await shopPusher(server.app);
    const bulgogi = shop.item('소불고기');
    const line = { itemId: bulgogi.id, quantity: 2, optionIds: [shop.option('소불고기', '500g')] };
    await phone.push(
      placeOrder({ lines: [line], date: day, slot: '10:00', customerName: LONG_NAME, note: LONG_NOTE }),
      placeOrder({ lines: [line], date: day, slot: '10:00', customerName: UNBROKEN, note: UNBROKEN }),
    );
    // The shop's own delivery orders (a phone call): no pin needed from a tablet.
    await counter.push(
      placeOrder({
        lines: [line],
        date: day,
        slot: '11:30',
        fulfilment: 'delivery',
        customerName: '배달손님',
        address: LONG_ADDRESS,
        note: LONG_NOTE,
        payment: 'bank_transfer',
      }),
      placeOrder({
        lines: [line],
        date: day,
        slot: '11:30',
        fulfilment: 'delivery',
        customerName: '배달둘',
        address: UNBROKEN,
      }),
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
    await context.addInitScript(() => {
      window.print = () => {};
    });
    const tablet = await loginTablet(context, server.url);
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: '예약·생산' })
      .click();
    await tablet.getByLabel('다른 날짜 보기').fill(day);
    const pickups = tablet.getByRole('table', { name: `${dayLabel} 픽업 목록` });
    await expect.poll(() => pickups.locator('tbody tr').count(), { timeout: 20_000 }).toBe(4);

    // The kind of each order: pre-order pickups and pre-order deliveries, never a delivery as a pickup.
    const row = (name: string) => pickups.getByRole('row', { name: new RegExp(literal(name)) });
    expect(await row('배달손님').textContent()).toContain('예약 배달');
    expect(await row('배달둘').textContent()).toContain('예약 배달');
    expect(await row('배달손님').textContent()).toContain(LONG_ADDRESS);
    expect(await row(LONG_NAME).textContent()).toContain('예약 픽업');
    expect(await row(LONG_NAME).textContent()).not.toContain('배달');
    expect(
      await tablet.getByRole('table', { name: /^11:30 배달 · 주문 2건$/ }).count(),
      'the production list names the deliveries',
    ).toBe(1);
    expect(
      await tablet.getByRole('table', { name: /^하루 합계 · 주문 4건 \(픽업 2건 · 배달 2건\)$/ }).count(),
    ).toBe(1);

    expect(await overflow(tablet)).toEqual([]);
    if (SHOTS) await tablet.screenshot({ path: `${SHOTS}/lists-1280x800.png`, fullPage: true });

    // On A4: each list printed alone, at the paper's width, nothing wider than the page.
    for (const button of ['픽업 목록 인쇄', '생산 목록 인쇄']) {
      await tablet.getByRole('button', { name: button }).click();
      const area = tablet.locator('body > .print-area');
      await area.waitFor({ state: 'attached' });
      await tablet.emulateMedia({ media: 'print' });
      // The width of an A4 sheet at 96 dpi (794 px): the printed page has no sideways scroll either.
      await tablet.setViewportSize({ width: 794, height: 1123 });
      expect(await tablet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
      const fit = await area.evaluate((el) => ({
        width: el.getBoundingClientRect().width,
        widest: Math.max(...[...el.querySelectorAll('table')].map((t) => t.scrollWidth)),
        cells: [...el.querySelectorAll('td, th')]
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => `${c.textContent}: ${c.scrollWidth} > ${c.clientWidth}`),
      }));
      // 186 mm: A4's 210 mm less the page margins (print.css), about 703 px.
      expect(Math.abs(fit.width - (186 / 25.4) * 96)).toBeLessThan(2);
      expect(fit.widest).toBeLessThanOrEqual(Math.ceil(fit.width));
      expect(fit.cells, 'no cell spills over its neighbour').toEqual([]);
      if (button === '픽업 목록 인쇄') {
        expect(await area.textContent()).toContain('예약 배달');
        // The header row repeats on every page, and a row is never cut between pages.
        const rules = await area
          .locator('table')
          .first()
          .evaluate((t) => ({
            head: getComputedStyle(t.querySelector('thead')!).display,
            row: getComputedStyle(t.querySelector('tbody tr')!).breakInside,
            layout: getComputedStyle(t).tableLayout,
          }));
        expect(rules).toEqual({ head: 'table-header-group', row: 'avoid', layout: 'fixed' });
      }
      if (SHOTS) {
        const name = button.startsWith('픽업') ? 'pickup' : 'production';
        // A screenshot is taken with screen styles: to look at the sheet, it is shown alone on screen.
        await tablet.emulateMedia({ media: 'screen' });
        await area.evaluate((el) => {
          document.getElementById('root')!.style.display = 'none';
          el.style.cssText = 'position: static; visibility: visible; margin: 12mm';
        });
        await tablet.screenshot({ path: `${SHOTS}/${name}-a4.png`, fullPage: true });
        await area.evaluate((el) => {
          document.getElementById('root')!.style.display = '';
          el.style.cssText = '';
        });
        await tablet.emulateMedia({ media: 'print' });
      }
      // Printing to PDF ends the print job (afterprint clears the area): last.
      const pdf = await tablet.pdf({ preferCSSPageSize: true });
      if (SHOTS) writeFileSync(`${SHOTS}/${button.startsWith('픽업') ? 'pickup' : 'production'}-a4.pdf`, pdf);
      expect(pdfPageSizes(pdf).length).toBeGreaterThan(0);
      for (const s of pdfPageSizes(pdf)) {
        expect(Math.abs(s.width - 210 * MM_TO_PT)).toBeLessThan(1);
        expect(Math.abs(s.height - 297 * MM_TO_PT)).toBeLessThan(1);
      }
      await tablet.emulateMedia({ media: 'screen' });
      await tablet.setViewportSize({ width: 1280, height: 800 });
    }
    await context.close();
  });

  it("#16: the rider's delivery list prints on A4 with long addresses wrapped, the header on each page", async () => {
    const shop = await demoShop(server.app);
    const today = shopLocalDate(new Date(), shop.timeZone);
    const counter = await shopPusher(server.app);
    const line = { itemId: shop.item('멸치볶음').id, quantity: 1, optionIds: [] };
    // No space and no hyphen: nowhere to wrap unless the list allows breaking inside a word.
    const LATIN = 'Apt1203BuildingBSangamdongDigitalMediaCityMapoguSeoulPleaseCallFirst';
    await counter.push(
      placeOrder({
        lines: [line],
        date: today,
        fulfilment: 'delivery',
        customerName: '배달셋',
        address: LONG_ADDRESS,
      }),
      placeOrder({
        lines: [line],
        date: today,
        fulfilment: 'delivery',
        customerName: '배달넷',
        address: LATIN,
      }),
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
    await context.addInitScript(() => {
      window.print = () => {};
    });
    const tablet = await loginTablet(context, server.url);
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: '배달' })
      .click();
    await tablet.getByRole('button', { name: '배달 목록 인쇄' }).click();
    const area = tablet.locator('body > .print-area');
    await area.waitFor({ state: 'attached' });
    await tablet.emulateMedia({ media: 'print' });
    await tablet.setViewportSize({ width: 794, height: 1123 });
    expect(await area.textContent()).toContain(LATIN);
    const fit = await area.evaluate((el) => ({
      page: document.documentElement.scrollWidth,
      table: el.querySelector('table')!.scrollWidth,
      width: el.getBoundingClientRect().width,
      cells: [...el.querySelectorAll('td, th')]
        .filter((c) => c.scrollWidth > c.clientWidth + 1)
        .map((c) => `${c.textContent}: ${c.scrollWidth} > ${c.clientWidth}`),
      head: getComputedStyle(el.querySelector('thead')!).display,
      row: getComputedStyle(el.querySelector('tbody tr')!).breakInside,
    }));
    expect(fit.page).toBeLessThanOrEqual(794);
    expect(fit.table).toBeLessThanOrEqual(Math.ceil(fit.width));
    expect(fit.cells).toEqual([]);
    expect([fit.head, fit.row]).toEqual(['table-header-group', 'avoid']);
    if (SHOTS) {
      await tablet.emulateMedia({ media: 'screen' });
      await area.evaluate((el) => {
        document.getElementById('root')!.style.display = 'none';
        el.style.cssText = 'position: static; visibility: visible; margin: 12mm';
      });
      await tablet.screenshot({ path: `${SHOTS}/deliveries-a4.png`, fullPage: true });
    }
    await context.close();
  });
});

/** Every list table (and the page) whose content is wider than its box: none may be. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const wide: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) wide.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const wrap of document.querySelectorAll<HTMLElement>('.res-table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth)
        wide.push(`${wrap.querySelector('caption')?.textContent}: ${wrap.scrollWidth} > ${wrap.clientWidth}`);
    }
    return wide;
  });
}
