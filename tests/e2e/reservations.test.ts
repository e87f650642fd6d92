import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays, slotsOn } from '../../src/domain/schedule';
import { formatDay } from '../../src/print/format';
import { loginTablet, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';
import { literal } from '../support/regex';
import {
  customerPusher,
  demoShop,
  MM_TO_PT,
  pdfPageSizes,
  placeOrder,
  shopPusher,
  type DemoShop,
} from '../support/shopOrders';
import { ALWAYS_OPEN } from '../support/syncWorld';
import { seriousViolations } from '../support/axe';

afterAll(dropTestSchemas);

const BULGOGI = '소불고기';
const SET = '오늘의 반찬 3종 세트';
const STEW = '된장찌개 (2인분)';
const ANCHOVY = '멸치볶음';
const KIMCHI = '배추김치';

interface Fixture {
  name: string;
  slot: string;
  lines: [item: string, quantity: number, options: string[]][];
  payment?: 'bank_transfer';
  paid?: true;
  cancelled?: true;
}

/** A Saturday's pre-orders in three slots, with options, two ways to pay, some paid; one cancelled. */
const ORDERS: Fixture[] = [
  {
    name: '김하나',
    slot: '10:00',
    lines: [
      [BULGOGI, 2, ['500g']],
      [ANCHOVY, 1, []],
    ],
    paid: true,
  },
  {
    name: '이두리',
    slot: '10:00',
    lines: [[SET, 1, ['멸치볶음', '진미채볶음', '시금치나물']]],
    payment: 'bank_transfer',
    paid: true,
  },
  { name: '박세나', slot: '10:00', lines: [[STEW, 2, ['매운맛']]] },
  {
    name: '최네모',
    slot: '10:00',
    lines: [
      [BULGOGI, 1, ['300g']],
      [KIMCHI, 1, ['1kg']],
    ],
  },
  {
    name: '정다섯',
    slot: '11:30',
    lines: [[SET, 2, ['시금치나물', '멸치볶음', '메추리알장조림']]],
    payment: 'bank_transfer',
  },
  {
    name: '강여섯',
    slot: '11:30',
    lines: [
      [BULGOGI, 1, ['500g']],
      [STEW, 1, ['순한맛']],
    ],
    paid: true,
  },
  { name: '조일곱', slot: '11:30', lines: [[ANCHOVY, 3, []]] },
  {
    name: '윤여덟',
    slot: '15:00',
    lines: [
      [KIMCHI, 1, ['2kg']],
      [SET, 1, ['진미채볶음', '시금치나물', '멸치볶음']],
    ],
    paid: true,
  },
  {
    name: '장아홉',
    slot: '15:00',
    lines: [
      [STEW, 1, ['매운맛']],
      [BULGOGI, 2, ['300g']],
    ],
  },
  {
    name: '임열',
    slot: '15:00',
    lines: [
      [SET, 1, ['콩나물무침', '메추리알장조림', '멸치볶음']],
      [ANCHOVY, 2, []],
    ],
  },
  { name: '한취소', slot: '10:00', lines: [[BULGOGI, 5, ['500g']]], cancelled: true },
];

const PICK = '반찬 선택 (3가지)';
/**
 * The production list worked out by hand from ORDERS (the cancelled order makes nothing): per item
 * its total, each combination of options (each group named once) and each single option.
 */
const DAY_TOTAL = [
  [
    '된장찌개 (2인분)',
    '4',
    ['맵기: 매운맛 × 3', '맵기: 순한맛 × 1'],
    ['맵기: 매운맛 × 3', '맵기: 순한맛 × 1'],
  ],
  ['멸치볶음', '6', ['—'], ['—']],
  ['배추김치', '2', ['용량: 1kg × 1', '용량: 2kg × 1'], ['용량: 1kg × 1', '용량: 2kg × 1']],
  ['소불고기', '6', ['용량: 300g × 3', '용량: 500g × 3'], ['용량: 300g × 3', '용량: 500g × 3']],
  [
    SET,
    '5',
    [
      `${PICK}: 멸치볶음, 시금치나물, 메추리알장조림 × 2`,
      `${PICK}: 멸치볶음, 진미채볶음, 시금치나물 × 2`,
      `${PICK}: 멸치볶음, 콩나물무침, 메추리알장조림 × 1`,
    ],
    [
      `${PICK}: 메추리알장조림 × 3`,
      `${PICK}: 멸치볶음 × 5`,
      `${PICK}: 시금치나물 × 4`,
      `${PICK}: 진미채볶음 × 2`,
      `${PICK}: 콩나물무침 × 1`,
    ],
  ],
];

/** The 10:00 pickups: 김하나, 이두리, 박세나, 최네모 (한취소 cancelled). */
const TEN_O_CLOCK = [
  ['된장찌개 (2인분)', '2', ['맵기: 매운맛 × 2'], ['맵기: 매운맛 × 2']],
  ['멸치볶음', '1', ['—'], ['—']],
  ['배추김치', '1', ['용량: 1kg × 1'], ['용량: 1kg × 1']],
  ['소불고기', '3', ['용량: 500g × 2', '용량: 300g × 1'], ['용량: 300g × 1', '용량: 500g × 2']],
  [
    SET,
    '1',
    [`${PICK}: 멸치볶음, 진미채볶음, 시금치나물 × 1`],
    [`${PICK}: 멸치볶음 × 1`, `${PICK}: 시금치나물 × 1`, `${PICK}: 진미채볶음 × 1`],
  ],
];

async function makeDay(server: LiveServer, shop: DemoShop, date: string): Promise<Map<string, string>> {
  const phone = await customerPusher(server.app);
  const counter = await shopPusher(server.app);
  const ids = new Map<string, string>();
  for (const o of ORDERS) {
    const place = placeOrder({
      lines: o.lines.map(([item, quantity, options]) => ({
        itemId: shop.item(item).id,
        quantity,
        optionIds: options.map((x) => shop.option(item, x)),
      })),
      date,
      slot: o.slot,
      customerName: o.name,
      customerPhone: `010-5555-${String(ids.size).padStart(4, '0')}`,
      payment: o.payment ?? 'at_pickup',
    });
    ids.set(o.name, place.args.orderId);
    await phone.push(place);
    if (o.cancelled) await phone.push({ name: 'cancelOrder', args: { orderId: place.args.orderId } });
    if (o.paid) await counter.push({ name: 'markPaid', args: { orderId: place.args.orderId, paid: true } });
  }
  return ids;
}

/** A table as text: per body row, the row header, the quantity, and the two lists of options. */
function readProduction(page: Page, name: RegExp) {
  return page.getByRole('table', { name }).evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children];
      const list = (c: Element | undefined) =>
        c?.querySelector('ul')
          ? [...c.querySelectorAll('li')].map((li) => li.textContent?.trim())
          : [c?.textContent?.trim()];
      return [cells[0]?.textContent?.trim(), cells[1]?.textContent?.trim(), list(cells[2]), list(cells[3])];
    }),
  );
}

describe.each(drivers.slice(0, 1))('reservations and the production list in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('a day with ten pre-orders: the calendar shows it with slot use, the production list sums items and options, the pickup list shows who and whether paid', async () => {
    const shop = await demoShop(server.app);
    const today = shopLocalDate(new Date(), shop.timeZone);
    const day = addDays(today, 3);
    const ids = await makeDay(server, shop, day);
    const dayLabel = formatDay(day, 'ko');

    const context = await browser.newContext(TABLET);
    // Printing is the browser's dialog: here it only records that the page asked for it.
    await context.addInitScript(() => {
      const w = window as unknown as { __prints: number };
      w.__prints = 0;
      window.print = () => void (w.__prints += 1);
    });
    const tablet = await loginTablet(context, server.url);
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: '예약·생산' })
      .click();
    await tablet.getByRole('heading', { name: '예약·생산' }).waitFor();

    const calendar = tablet.getByRole('list', { name: '예약 달력' });
    const dayButton = calendar.getByRole('button', { name: new RegExp(`^${literal(dayLabel)}`) });
    // Slots in the day × capacity per slot (the live server's shop is open around the clock, 10 per slot).
    const capacity =
      slotsOn(day, { hours: ALWAYS_OPEN as never, closedDates: [], slotMinutes: 30 }).length * 10;
    await expect.poll(() => dayButton.textContent(), { timeout: 20_000 }).toContain('예약 10건');
    expect(await dayButton.textContent()).toContain(`시간대 10/${capacity}`);
    // Days without pre-orders say so; the window runs from today.
    expect(
      await calendar
        .getByRole('button', { name: new RegExp(`^${literal(formatDay(today, 'ko'))}`) })
        .textContent(),
    ).toContain('예약 없음');

    await dayButton.click();
    expect(await dayButton.getAttribute('aria-pressed')).toBe('true');
    const slots = tablet.getByRole('list', { name: `${dayLabel} 시간대별 예약` });
    const slotText = async (slot: string) =>
      (
        await slots
          .getByRole('listitem')
          .filter({ hasText: new RegExp(`^${slot}`) })
          .textContent()
      )?.replace(/\s+/g, ' ');
    await expect.poll(() => slotText('10:00')).toBe('10:00 4/10');
    expect(await slotText('11:30')).toBe('11:30 3/10');
    expect(await slotText('15:00')).toBe('15:00 3/10');
    expect(await slotText('10:30')).toBe('10:30 0/10');

    expect(await readProduction(tablet, /^하루 합계 · 주문 10건$/)).toEqual(DAY_TOTAL);
    expect(await readProduction(tablet, /^10:00 픽업 · 주문 4건$/)).toEqual(TEN_O_CLOCK);
    expect(await tablet.getByRole('table', { name: /^11:30 픽업 · 주문 3건$/ }).count()).toBe(1);
    expect(await tablet.getByRole('table', { name: /^15:00 픽업 · 주문 3건$/ }).count()).toBe(1);

    const pickups = tablet.getByRole('table', { name: `${dayLabel} 픽업 목록` });
    const rows = pickups.locator('tbody tr');
    expect(await rows.count()).toBe(10);
    const standing = ORDERS.filter((o) => !o.cancelled);
    // By slot, and within a slot in the order they were placed.
    expect(await rows.locator('th').allTextContents()).toEqual(standing.map((o) => o.name));
    for (const o of standing) {
      const row = pickups.getByRole('row', { name: new RegExp(literal(o.name)) });
      const text = await row.textContent();
      expect(text).toContain(o.slot);
      expect(text).toContain(await serverLabel(server.storage, ids.get(o.name)!));
      expect(text).toContain(o.paid ? '결제 완료' : '미결제');
      expect(text).toContain(o.payment === 'bank_transfer' ? '계좌이체' : '받을 때 결제');
      expect(text).toContain('접수 대기');
    }
    expect(await pickups.textContent()).not.toContain('한취소');

    // The production list prints alone, on A4.
    await tablet.getByRole('button', { name: '생산 목록 인쇄' }).click();
    await expect
      .poll(() => tablet.evaluate(() => (window as unknown as { __prints: number }).__prints))
      .toBe(1);
    const area = tablet.locator('body > .print-area');
    expect(await area.getAttribute('data-paper')).toBe('a4');
    expect(await area.textContent()).toContain('하루 합계 · 주문 10건');
    await tablet.emulateMedia({ media: 'print' });
    // Only the list is printed: the console itself is not shown in print.
    expect(await tablet.getByRole('navigation', { name: '가게 관리 메뉴' }).isVisible()).toBe(false);
    expect(await area.isVisible()).toBe(true);
    const sizes = pdfPageSizes(await tablet.pdf({ preferCSSPageSize: true }));
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) {
      expect(Math.abs(s.width - 210 * MM_TO_PT)).toBeLessThan(1);
      expect(Math.abs(s.height - 297 * MM_TO_PT)).toBeLessThan(1);
    }
    await tablet.emulateMedia({ media: 'screen' });
    expect(await area.isVisible()).toBe(false);

    // Accessible: the calendar with a day open, the print menu, the QR poster dialog.
    expect(await seriousViolations(tablet)).toEqual([]);
    const hana = await serverLabel(server.storage, ids.get('김하나')!);
    await pickups.getByRole('button', { name: `주문 ${hana} 인쇄` }).click();
    await tablet.getByRole('dialog', { name: `주문 ${hana} 인쇄` }).waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    await tablet.getByRole('button', { name: '닫기' }).click();
    await tablet.getByRole('button', { name: 'QR 포스터' }).click();
    await tablet.getByRole('img', { name: /QR 코드$/ }).waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
