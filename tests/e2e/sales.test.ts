import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { formatWon } from '../../src/domain/money';
import { formatDay } from '../../src/print/format';
import { parseBackup } from '../../src/server/backup/restore';
import { loginTablet, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { numberOf, serverLabel } from '../support/orderLabels';
import { customerPusher, demoShop, placeOrder, shopPusher, type DemoShop } from '../support/shopOrders';
import { seriousViolations } from '../support/axe';
import { isolate } from '../../src/domain/bidi';

afterAll(dropTestSchemas);

const BOM = [0xef, 0xbb, 0xbf];
/** A customer "name" Excel would run as a formula if the CSV did not defuse it. */
const FORMULA_NAME = '=HYPERLINK("http://evil.example","클릭")';

const priceOf = (shop: DemoShop, item: string, option?: string) => {
  const it = shop.item(item);
  const delta = option
    ? it.optionGroups.flatMap((g) => g.options).find((o) => o.name === option)!.priceDelta
    : 0;
  return it.price + delta;
};

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()])) as [
    Download,
    void,
  ];
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path!) };
}

describe.each(drivers.slice(0, 1))('the sales screen in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it('shows the day’s close and the report, downloads CSV with a BOM and intact Hangul, exports unsent changes offline', async () => {
    const shop = await demoShop(server.app);
    const today = shopLocalDate(new Date(), shop.timeZone);
    const phone = await customerPusher(server.app);
    const till = await shopPusher(server.app);
    const bulgogi = { itemId: shop.item('소불고기').id, optionIds: [shop.option('소불고기', '500g')] };
    const anchovy = { itemId: shop.item('멸치볶음').id, optionIds: [] };
    const kimchi = { itemId: shop.item('배추김치').id, optionIds: [shop.option('배추김치', '1kg')] };
    // Handed over and paid at the counter; handed over, paid by transfer; accepted, still open.
    const a = placeOrder({ date: today, lines: [{ ...bulgogi, quantity: 2 }], customerName: FORMULA_NAME });
    const b = placeOrder({ date: today, lines: [{ ...anchovy, quantity: 1 }], payment: 'bank_transfer' });
    const c = placeOrder({ date: today, lines: [{ ...kimchi, quantity: 1 }], customerName: '박보류' });
    await phone.push(a, b, c);
    const handOver = (orderId: string) =>
      [
        { name: 'acceptOrder', args: { orderId, from: 'placed', prepMinutes: 10 } },
        { name: 'markReady', args: { orderId, from: 'accepted' } },
        { name: 'completeOrder', args: { orderId, from: 'ready' } },
        { name: 'markPaid', args: { orderId, paid: true } },
      ] as const;
    await till.push(...handOver(a.args.orderId), ...handOver(b.args.orderId), {
      name: 'acceptOrder',
      args: { orderId: c.args.orderId, from: 'placed', prepMinutes: 10 },
    });
    const aTotal = 2 * priceOf(shop, '소불고기', '500g');
    const bTotal = priceOf(shop, '멸치볶음');
    const cTotal = priceOf(shop, '배추김치', '1kg');
    const won = (n: number) => formatWon(n, 'ko');

    const context = await browser.newContext({ ...TABLET, acceptDownloads: true });
    const tablet = await loginTablet(context, server.url);
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    const nav = tablet.getByRole('navigation', { name: '가게 관리 메뉴' });
    await nav.getByRole('button', { name: '매출' }).click();
    await tablet.getByRole('heading', { level: 2, name: '매출' }).waitFor();

    // The day's close: handed over by payment method, and what is still open, apart.
    const dayName = formatDay(today, 'ko');
    const done = tablet.getByRole('table', { name: `${dayName} 판매 완료 · 결제 방법별` });
    const rowText = async (table: typeof done, header: string) =>
      (
        await table
          .getByRole('row')
          .filter({ has: tablet.getByRole('rowheader', { name: header }) })
          .textContent()
      )
        ?.replace(/\s+/g, ' ')
        .trim();
    await expect
      .poll(() => rowText(done, '현장 결제 (현금·카드)'), { timeout: 20_000 })
      .toBe(`현장 결제 (현금·카드)1건 · ${won(aTotal)}0건 · ${won(0)}1건 · ${won(aTotal)}`);
    expect(await rowText(done, '계좌이체')).toBe(
      `계좌이체1건 · ${won(bTotal)}0건 · ${won(0)}1건 · ${won(bTotal)}`,
    );
    expect(await rowText(done, '전체')).toBe(
      `전체2건 · ${won(aTotal + bTotal)}0건 · ${won(0)}2건 · ${won(aTotal + bTotal)}`,
    );
    const open = tablet.getByRole('table', { name: `${dayName} 아직 안 넘긴 주문 · 결제 방법별` });
    expect(await rowText(open, '현장 결제 (현금·카드)')).toBe(
      `현장 결제 (현금·카드)0건 · ${won(0)}1건 · ${won(cTotal)}1건 · ${won(cTotal)}`,
    );

    // The report: this month by day, today's row and the items.
    const from = `${today.slice(0, 7)}-01`;
    const periods = tablet.getByRole('table', { name: `${from} ~ ${today} 일별 매출` });
    await expect
      .poll(() => rowText(periods, dayName), { timeout: 20_000 })
      .toBe(`${dayName}2${won(aTotal + bTotal)}`);
    expect(await rowText(periods, '합계')).toBe(`합계2${won(aTotal + bTotal)}`);
    const items = tablet.getByRole('table', { name: `${from} ~ ${today} 메뉴별 매출 (많이 판 순서)` });
    expect(await rowText(items, '소불고기')).toBe(`소불고기2${won(aTotal)}`);
    expect(await items.textContent()).not.toContain('배추김치');
    await tablet.getByRole('radio', { name: '월별' }).check();
    const months = tablet.getByRole('table', { name: `${from} ~ ${today} 월별 매출` });
    expect(await rowText(months, today.slice(0, 7))).toBe(`${today.slice(0, 7)}2${won(aTotal + bTotal)}`);
    expect(await seriousViolations(tablet)).toEqual([]);

    // The report as CSV: a BOM first, then UTF-8 Hangul intact, CRLF line ends, plain numbers.
    const report = await downloaded(tablet, () =>
      tablet.getByRole('button', { name: '기간별·메뉴별 매출 CSV' }).click(),
    );
    expect(report.name).toBe(`매출_${from}_${today}.csv`);
    expect([...report.bytes.subarray(0, 3)]).toEqual(BOM);
    const reportText = new TextDecoder('utf-8', { fatal: true }).decode(report.bytes.subarray(3));
    expect(reportText.split('\r\n')[0]).toBe('시작,끝,주문 수,매출');
    expect(reportText).toContain(`\r\n${today.slice(0, 7)}-01,`);
    expect(reportText).toContain(`\r\n합계,,2,${aTotal + bTotal}\r\n`);
    expect(reportText).toContain(`\r\n소불고기,2,${aTotal}\r\n`);
    expect(reportText).toContain(`\r\n멸치볶음,1,${bTotal}\r\n`);

    // The orders as CSV: every order of the range, the customer's formula defused.
    const orders = await downloaded(tablet, () =>
      tablet.getByRole('button', { name: '기간의 주문 목록 CSV' }).click(),
    );
    expect(orders.name).toBe(`주문_${from}_${today}.csv`);
    expect([...orders.bytes.subarray(0, 3)]).toEqual(BOM);
    const ordersText = new TextDecoder('utf-8', { fatal: true }).decode(orders.bytes.subarray(3));
    const lines = ordersText.split('\r\n');
    expect(lines[0]!.startsWith('주문 번호,픽업 날짜,시간,상태,받는 방법,이름,')).toBe(true);
    expect(lines.filter((l) => l.includes(today))).toHaveLength(3);
    // Each row starts with the day's order number, as a number a spreadsheet sorts (#16).
    for (const o of [a, b, c]) {
      const n = await numberOf(server.storage, o.args.orderId);
      expect(lines.find((l) => l.includes(o.args.orderId))).toMatch(new RegExp(`^${n},`));
    }
    expect(ordersText).toContain(`"'=HYPERLINK(""http://evil.example"",""클릭"")"`);
    expect(ordersText).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(ordersText).toContain('박보류');
    // Names in the lines cell are isolated for direction (FSI … PDI), so an override cannot run on.
    expect(ordersText).toContain(`${isolate('소불고기')} (${isolate('용량: 500g')}) × 2`);

    // The whole shop as one file, which the restore command takes as it is.
    const backup = await downloaded(tablet, () =>
      tablet.getByRole('button', { name: '백업 파일 내려받기' }).click(),
    );
    expect(backup.name).toMatch(/^단골_백업_uri-banchan_\d{8}-\d{4}\.json$/);
    const parsed = parseBackup(backup.bytes.toString('utf8'));
    expect(parsed.shop.slug).toBe('uri-banchan');
    expect(parsed.tables.orders!.map((o) => o.id)).toEqual(
      expect.arrayContaining([a.args.orderId, b.args.orderId, c.args.orderId]),
    );
    await tablet.getByText(/^백업 파일 .* 을\(를\) 내려받았어요\.$/).waitFor();

    // Offline: mark the open order ready on the board, then export what has not reached the server.
    await context.setOffline(true);
    await nav.getByRole('button', { name: '주문', exact: true }).click();
    const card = tablet.getByRole('listitem', {
      name: `주문 ${await serverLabel(server.storage, c.args.orderId)}`,
      exact: true,
    });
    await card.getByRole('button', { name: '준비 완료' }).click();
    await nav.getByRole('button', { name: '매출' }).click();
    await tablet.getByText('전송 대기 1건').waitFor({ timeout: 20_000 });
    // The day's close still answers, from the tablet's own copy, and says so.
    await tablet
      .getByText(/서버에 연결할 수 없어 이 태블릿에 있는 주문으로 계산했어요/)
      .waitFor({ timeout: 20_000 });
    const unsent = await downloaded(tablet, () =>
      tablet.getByRole('button', { name: '전송 안 된 변경 내보내기' }).click(),
    );
    expect(unsent.name).toMatch(/^단골_미전송_\d{8}-\d{4}\.json$/);
    const file = JSON.parse(unsent.bytes.toString('utf8')) as {
      format: string;
      clientId: string;
      outbox: { seq: number; name: string; args: { orderId: string }; result: unknown }[];
      orders: { id: string; view: { status: string; customerName: string } }[];
      messages: unknown[];
    };
    expect(file.format).toBe('dangol-unsynced-changes');
    expect(file.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(file.outbox).toHaveLength(1);
    expect(file.outbox[0]).toMatchObject({
      name: 'markReady',
      args: { orderId: c.args.orderId },
      result: null,
    });
    expect(file.orders).toHaveLength(1);
    expect(file.orders[0]).toMatchObject({
      id: c.args.orderId,
      view: { status: 'ready', customerName: '박보류' },
    });
    expect(file.messages).toEqual([]);
    // The server has not seen it: the export was made from the tablet alone.
    const [row] = await server.storage.query<{ status: string }>('select status from orders where id = $1', [
      c.args.orderId,
    ]);
    expect(row).toEqual({ status: 'accepted' });

    // Back online the change goes through once, and nothing is left to export.
    await context.setOffline(false);
    await tablet.getByText('전송 대기 0건').waitFor({ timeout: 30_000 });
    const [after] = await server.storage.query<{ status: string }>(
      'select status from orders where id = $1',
      [c.args.orderId],
    );
    expect(after).toEqual({ status: 'ready' });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
