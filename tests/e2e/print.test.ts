import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays } from '../../src/domain/schedule';
import { SHOP_NAME, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';
import {
  customerPusher,
  demoShop,
  MM_TO_PT,
  pdfPageSizes,
  placeOrder,
  shopPusher,
  type DemoShop,
} from '../support/shopOrders';

afterAll(dropTestSchemas);

/** Would set window.__xss if it ever became markup. 39 characters: within the name field's 40. */
const XSS_NAME = '<img src=x onerror="window.__xss=1">홍길동';
const XSS_NOTE = '<script>window.__xss=1</script> 덜 맵게 해 주세요';

interface Printed {
  paper: string | undefined;
  text: string;
  images: number;
}

/**
 * A tablet whose window.print() records what the print area holds instead of opening the browser's
 * dialog (headless Chromium has no printer). The record lives in the test, so it survives reloads.
 */
async function printingTablet(browser: Browser): Promise<{ context: BrowserContext; printed: Printed[] }> {
  const printed: Printed[] = [];
  const context = await browser.newContext(TABLET);
  await context.exposeBinding('__recordPrint', (_source, p: Printed) => void printed.push(p));
  await context.addInitScript(() => {
    window.print = () => {
      const area = document.querySelector<HTMLElement>('body > .print-area');
      void (window as unknown as { __recordPrint: (p: unknown) => Promise<void> }).__recordPrint({
        paper: area?.dataset.paper,
        text: area?.textContent ?? '',
        images: area?.querySelectorAll('img').length ?? 0,
      });
    };
  });
  return { context, printed };
}

async function login(context: BrowserContext, url: string): Promise<Page> {
  const tablet = await context.newPage();
  await tablet.goto(`${url}/shop`);
  await tablet.getByLabel('가게 아이디').fill('uri-banchan');
  await tablet.getByLabel('사용자 이름').fill('owner');
  await tablet.getByLabel('비밀번호').fill('banchan1234');
  await tablet.getByRole('button', { name: '로그인' }).click();
  await tablet.getByRole('navigation', { name: '가게 관리 메뉴' }).waitFor();
  return tablet;
}

async function openReservations(tablet: Page): Promise<void> {
  await tablet
    .getByRole('navigation', { name: '가게 관리 메뉴' })
    .getByRole('button', { name: '예약·생산' })
    .click();
  await tablet.getByRole('heading', { name: '예약·생산' }).waitFor();
}

const firstPage = async (tablet: Page) => {
  await tablet.emulateMedia({ media: 'print' });
  const sizes = pdfPageSizes(await tablet.pdf({ preferCSSPageSize: true }));
  await tablet.emulateMedia({ media: 'screen' });
  return sizes;
};

const line = (shop: DemoShop, item: string, quantity: number, options: string[] = []) => ({
  itemId: shop.item(item).id,
  quantity,
  optionIds: options.map((o) => shop.option(item, o)),
});

describe.each(drivers.slice(0, 1))('printing in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let shop: DemoShop;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    shop = await demoShop(server.app);
  });

  it('kitchen slip and receipt fit 58 mm and 80 mm, carry the order’s lines and keep customer text as text', async () => {
    const phone = await customerPusher(server.app);
    const order = placeOrder({
      lines: [line(shop, '소불고기', 2, ['500g']), line(shop, '멸치볶음', 1)],
      date: shopLocalDate(new Date(), shop.timeZone),
      slot: null,
      customerName: XSS_NAME,
      note: XSS_NOTE,
      payment: 'bank_transfer',
    });
    await phone.push(order);
    // What the slip and the buttons call it: the server's number for the day (#16).
    const short = await serverLabel(server.storage, order.args.orderId);

    const { context, printed } = await printingTablet(browser);
    const tablet = await login(context, server.url);
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    await openReservations(tablet);
    const printButton = tablet.getByRole('button', { name: `주문 ${short} 인쇄` });
    await printButton.waitFor({ timeout: 20_000 });

    const cases = [
      { kind: '주방 주문서', width: 58 },
      { kind: '영수증', width: 58 },
      { kind: '주방 주문서', width: 80 },
      { kind: '영수증', width: 80 },
    ] as const;
    for (const [i, c] of cases.entries()) {
      await printButton.click();
      const dialog = tablet.getByRole('dialog', { name: `주문 ${short} 인쇄` });
      await dialog.getByRole('radio', { name: c.kind }).check();
      // The width chosen last time is remembered on the device.
      if (i > 0)
        expect(await dialog.getByRole('radio', { name: `${cases[i - 1]!.width}mm` }).isChecked()).toBe(true);
      await dialog.getByRole('radio', { name: `${c.width}mm` }).check();
      await dialog.getByRole('button', { name: '인쇄', exact: true }).click();
      await expect.poll(() => printed.length).toBe(i + 1);
      await dialog.waitFor({ state: 'hidden' });

      const job = printed[i]!;
      expect(job.paper).toBe(`slip${c.width}`);
      expect(job.text).toContain(short);
      expect(job.text).toContain('소불고기 × 2');
      expect(job.text).toContain('용량: 500g');
      expect(job.text).toContain('멸치볶음 × 1');
      // Customer text is printed literally, never as markup.
      expect(job.text).toContain(XSS_NAME);
      expect(job.images).toBe(0);
      if (c.kind === '주방 주문서') {
        expect(job.text).toContain(XSS_NOTE);
        expect(job.text).toContain('바로');
      } else {
        expect(job.text).toContain(SHOP_NAME);
        expect(job.text).toContain('38,000원'); // (12,000 + 7,000) × 2
        expect(job.text).toContain('5,000원');
        expect(job.text).toContain('43,000원');
        expect(job.text).toContain('계좌이체');
        expect(job.text).toContain('미결제');
      }
      // The print layout itself: one page exactly as wide as the roll, as long as the slip.
      const area = tablet.locator('body > .print-area');
      expect(await area.isVisible()).toBe(false);
      const pages = await firstPage(tablet);
      expect(pages).toHaveLength(1);
      expect(Math.abs(pages[0]!.width - c.width * MM_TO_PT)).toBeLessThanOrEqual(1);
      expect(pages[0]!.height).toBeGreaterThan(40 * MM_TO_PT);
      expect(pages[0]!.height).toBeLessThan(297 * MM_TO_PT);
    }
    const state = await tablet.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      injected: document.querySelectorAll('img[src="x"], [onerror], script:not([src])').length,
    }));
    expect(state).toEqual({ xss: undefined, injected: 0 });
    // The remembered width outlives a reload.
    await tablet.reload();
    await openReservations(tablet);
    await tablet.getByRole('button', { name: `주문 ${short} 인쇄` }).click();
    const again = tablet.getByRole('dialog', { name: `주문 ${short} 인쇄` });
    expect(await again.getByRole('radio', { name: '80mm' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the QR poster encodes the shop’s link, made on the tablet, and prints on A4 or A5', async () => {
    const { context, printed } = await printingTablet(browser);
    const tablet = await login(context, server.url);
    await openReservations(tablet);
    await tablet.getByRole('button', { name: 'QR 포스터' }).click();
    const dialog = tablet.getByRole('dialog', { name: 'QR 포스터 인쇄' });
    const link = `${server.url}/s/uri-banchan`;
    const qr = dialog.getByRole('img', { name: `${link} QR 코드` });
    await qr.waitFor();
    expect(await dialog.textContent()).toContain(link);
    expect(await dialog.textContent()).toContain('단골 주문');

    // Rasterise the SVG as drawn and read it back as a phone's camera would.
    const side = 400;
    const pixels = await qr.evaluate(async (svg, size) => {
      const xml = new XMLSerializer().serializeToString(svg);
      const src = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, size, size);
      URL.revokeObjectURL(src);
      return Array.from(ctx.getImageData(0, 0, size, size).data);
    }, side);
    expect(jsQR(Uint8ClampedArray.from(pixels), side, side)?.data).toBe(link);

    for (const [i, size] of (['A5', 'A4'] as const).entries()) {
      if (i > 0) await tablet.getByRole('button', { name: 'QR 포스터' }).click();
      await dialog.getByRole('radio', { name: size }).check();
      await dialog.getByRole('button', { name: '포스터 인쇄' }).click();
      await expect.poll(() => printed.length).toBe(i + 1);
      expect(printed[i]!.paper).toBe(size.toLowerCase());
      expect(printed[i]!.text).toContain(SHOP_NAME);
      expect(printed[i]!.text).toContain(link);
      expect(await tablet.locator('body > .print-area svg[role="img"]').count()).toBe(1);
      const pages = await firstPage(tablet);
      expect(pages).toHaveLength(1);
      const [w, h] = size === 'A4' ? [210, 297] : [148, 210];
      expect(Math.abs(pages[0]!.width - w * MM_TO_PT)).toBeLessThanOrEqual(1);
      expect(Math.abs(pages[0]!.height - h * MM_TO_PT)).toBeLessThanOrEqual(1);
    }
    await context.close();
  });

  it('auto-print: each order accepted after it is switched on prints one kitchen slip, never again after a reload', async () => {
    const phone = await customerPusher(server.app);
    const counter = await shopPusher(server.app);
    const when = { date: addDays(shopLocalDate(new Date(), shop.timeZone), 1), slot: '12:00' };
    const [before, first, second] = await Promise.all(
      ['이전', '첫째', '둘째'].map(async (name) => {
        const o = placeOrder({ lines: [line(shop, '제육볶음', 1)], ...when, customerName: `자동 ${name}` });
        return o;
      }),
    );
    for (const o of [before!, first!, second!]) await phone.push(o);
    // Tomorrow's orders for a slot: the shop's yes is "confirmed for the slot" (S10, #16).
    const accept = (o: typeof first) =>
      counter.push({ name: 'confirmOrder', args: { orderId: o!.args.orderId, from: 'placed' } });
    await accept(before);

    const { context, printed } = await printingTablet(browser);
    const tablet = await login(context, server.url);
    await openReservations(tablet);
    await tablet.getByRole('radio', { name: '58mm' }).check();
    const toggle = tablet.getByRole('checkbox', { name: '접수한 주문의 주방 주문서 자동 인쇄' });
    await toggle.check();
    expect(await toggle.isChecked()).toBe(true);

    await accept(first);
    await expect.poll(() => printed.length, { timeout: 20_000 }).toBe(1);
    expect(printed[0]!.paper).toBe('slip58');
    expect(printed[0]!.text).toContain('자동 첫째');
    expect(printed[0]!.text).toContain('제육볶음 × 1');

    // A reload does not print the first again; the next accepted order prints once — even on another screen.
    await tablet.reload();
    await tablet.getByRole('navigation', { name: '가게 관리 메뉴' }).waitFor();
    await accept(second);
    await expect.poll(() => printed.length, { timeout: 20_000 }).toBe(2);
    expect(printed[1]!.text).toContain('자동 둘째');
    // The order accepted before auto-print was on never printed.
    expect(printed.map((p) => p.text).join('\n')).not.toContain('자동 이전');
    await openReservations(tablet);
    // The switch reads the device database, which opens after the screen appears: wait for it.
    await expect
      .poll(() => tablet.getByRole('checkbox', { name: '접수한 주문의 주방 주문서 자동 인쇄' }).isChecked())
      .toBe(true);
    expect(printed).toHaveLength(2);
    await context.close();
  });
});
