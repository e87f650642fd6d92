import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../src/protocol/errors';
import { shopLocalDate } from '../../src/domain/hours';
import { addDays } from '../../src/domain/schedule';
import { encodeHandoff } from '../../src/protocol/handoff';
import { seriousViolations } from '../support/axe';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import {
  checkout,
  loginTablet,
  openShop,
  orderState,
  PHONE,
  SHOP_NAME,
  TABLET,
} from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel, tempLabel } from '../support/orderLabels';
import { demoShop } from '../support/shopOrders';

afterAll(dropTestSchemas);

/** The hand-off text message exactly as the customer's phone fills it into the messaging app. */
async function handoffText(phone: Page): Promise<string> {
  const sms = phone.getByRole('link', { name: '문자로 주문 보내기' });
  await sms.waitFor({ timeout: 20_000 });
  const href = (await sms.getAttribute('href'))!;
  return decodeURIComponent(href.slice(href.indexOf('body=') + 'body='.length));
}

/** One symbol of the code changed to another valid symbol: a typo, not garbage. */
function tamper(message: string): string {
  const code = message.trim().split('\n').at(-1)!;
  const i = Math.floor(code.length / 2);
  const typo = code.slice(0, i) + (code[i] === '0' ? '1' : '0') + code.slice(i + 1);
  return message.replace(code, typo);
}

/**
 * A camera that films a QR code: a Y4M video (the format Chromium's fake capture device plays) of the
 * text's QR code, black on white, 640×480, two identical frames looped by Chromium.
 */
function qrVideo(text: string): Buffer {
  const [W, H] = [640, 480];
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = Math.floor((H - 40) / (size + 8));
  const left = Math.floor((W - size * scale) / 2);
  const top = Math.floor((H - size * scale) / 2);
  const luma = Buffer.alloc(W * H, 235);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      if (qr.modules.get(r, c))
        for (let y = 0; y < scale; y++)
          luma.fill(
            16,
            (top + r * scale + y) * W + left + c * scale,
            (top + r * scale + y) * W + left + (c + 1) * scale,
          );
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]);
}

describe.each(drivers.slice(0, 1))('SMS import on the tablet in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });

  it("S1: a customer's texted order is imported with the customer's order id; when the phone syncs, the server keeps one order and the phone shows it received", async () => {
    // The customer, offline after one visit, orders and gets the text-message hand-off.
    const phoneContext = await browser.newContext(PHONE);
    const phone = await openShop(phoneContext, server.url);
    await phone.evaluate(() => navigator.serviceWorker.ready);
    await phoneContext.setOffline(true);
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: SHOP_NAME }).waitFor();
    await phone.getByRole('button', { name: '소불고기 담기' }).click();
    const options = phone.getByRole('dialog', { name: '소불고기' });
    await options.getByRole('radio', { name: /500g/ }).check();
    await options.getByRole('button', { name: '19,000원 담기' }).click();
    await phone.getByRole('button', { name: '깍두기 담기' }).click();
    const id = await checkout(phone, { name: '문자손님', phone: '010-2222-3333', note: '문 앞에 두세요' });
    const message = await handoffText(phone);
    expect(await server.storage.query('select 1 from orders where id = $1', [id])).toHaveLength(0);
    // Until the server numbers it, the order goes by a provisional label (#16): the same on the
    // phone's page and in the text message, and (below) on the tablet that imports the code.
    const temp = tempLabel(id);
    await phone.getByRole('heading', { name: `주문 ${temp}`, exact: true }).waitFor();
    expect(message.split('\n')[0]).toContain(`주문 ${temp}`);

    // The shop's tablet.
    const tabletContext = await browser.newContext(TABLET);
    const tablet = await loginTablet(tabletContext, server.url);
    const errors: string[] = [];
    tablet.on('pageerror', (e) => errors.push(e.message));
    await tablet
      .getByRole('navigation', { name: '가게 관리 메뉴' })
      .getByRole('button', { name: '주문 입력' })
      .click();
    // The menu must be on the tablet before a code can be checked against it.
    await tablet.getByRole('button', { name: '소불고기 12,000원', exact: true }).waitFor({ timeout: 20_000 });
    await tablet.getByRole('button', { name: '문자 주문 가져오기' }).click();
    const sms = tablet.getByRole('region', { name: '문자 주문 가져오기' });
    const paste = sms.getByLabel('문자 내용 붙여넣기');
    await sms.getByRole('button', { name: '주문 코드 확인' }).waitFor();

    // A mistyped code is refused in words, and nothing is offered to create.
    await paste.fill(tamper(message));
    await sms.getByRole('button', { name: '주문 코드 확인' }).click();
    await sms
      .getByRole('alert')
      .filter({ hasText: errorMessage('handoff_checksum', 'ko') })
      .waitFor();
    expect(await sms.getByRole('button', { name: '주문 만들기' }).count()).toBe(0);

    // The real message, pasted whole: the order to confirm, priced from the tablet's menu.
    await paste.fill(message);
    await sms.getByRole('button', { name: '주문 코드 확인' }).click();
    const preview = sms.getByRole('region', { name: '가져올 주문 확인' });
    await preview.waitFor();
    expect(await sms.getByRole('alert').count()).toBe(0);
    const shown = (await preview.textContent()) ?? '';
    for (const part of [
      temp,
      '문자손님 · 010-2222-3333',
      '소불고기',
      '용량: 500g',
      '깍두기',
      '문 앞에 두세요',
      '합계: 27,000원',
    ])
      expect(shown).toContain(part);
    expect(await seriousViolations(tablet)).toEqual([]);
    await preview.getByRole('button', { name: '주문 만들기' }).click();
    await sms
      .getByRole('status')
      .filter({ hasText: /^주문을 저장했어요 \(/ })
      .waitFor();
    // Provisional on the tablet until its push is answered and pulled; then the server's number.
    const label = await serverLabel(server.storage, id);
    await sms
      .getByRole('status')
      .filter({ hasText: `주문을 저장했어요 (${label})` })
      .waitFor({ timeout: 20_000 });
    // The code carried the phone's claim key; the server keeps only its hash, for that phone alone.
    await expect
      .poll(
        () =>
          server.storage.query(
            'select device_id, handoff_key_hash is not null as keyed from orders where id = $1',
            [id],
          ),
        { timeout: 20_000 },
      )
      .toEqual([{ device_id: null, keyed: true }]);

    // The same message again (here from a photo of its QR code): said so, not created twice.
    await paste.fill('');
    const png = await QRCode.toBuffer(message, { errorCorrectionLevel: 'M', scale: 4, margin: 4 });
    await sms
      .getByLabel('QR 사진으로 읽기')
      .setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png });
    await sms
      .getByRole('status')
      .filter({ hasText: `이미 가져온 주문이에요 (${label})` })
      .waitFor();
    expect(await paste.inputValue()).toBe(message);
    expect(await sms.getByRole('button', { name: '주문 만들기' }).count()).toBe(0);

    // The phone comes back: its own push is the same order, now linked to the phone.
    await phoneContext.setOffline(false);
    // The phone now calls it by the number the shop's tablet shows (#16).
    await phone.getByRole('heading', { name: `주문 ${label}`, exact: true }).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => orderState(phone).textContent(), { timeout: 30_000 })
      .toContain('가게 기기에 도착 — 아직 접수 전이에요');
    const rows = await server.storage.query<{ device_id: string | null; total: number; keyed: boolean }>(
      'select device_id, total, handoff_key_hash is not null as keyed from orders where id = $1',
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.total).toBe(27_000);
    expect(rows[0]!.device_id).not.toBeNull();
    expect(rows[0]!.keyed).toBe(false);
    expect(await server.storage.query("select 1 from orders where customer_name = '문자손님'")).toHaveLength(
      1,
    );
    const placed = await server.storage.query<{ status: string }>(
      "select status from mutations where order_id = $1 and name = 'placeOrder' order by created_at",
      [id],
    );
    expect(placed).toEqual([{ status: 'applied' }, { status: 'applied' }]);
    expect(errors).toEqual([]);
    await tabletContext.close();
    await phoneContext.close();
  });

  it('the camera reads the QR of a hand-off text and the order is created with its id', async () => {
    const shop = await demoShop(server.app);
    const orderId = randomUUID();
    const date = addDays(shopLocalDate(new Date(), shop.timeZone), 1);
    const code = encodeHandoff({
      orderId,
      shopSlug: 'uri-banchan',
      lines: [{ itemId: shop.item('배추김치').id, quantity: 1, optionIds: [shop.option('배추김치', '2kg')] }],
      fulfilment: 'pickup',
      date,
      slot: '10:00',
      customerName: '카메라손님',
      customerPhone: '010-9999-0000',
      address: '',
      note: '',
      payment: 'at_pickup',
    });
    const dir = await mkdtemp(join(tmpdir(), 'dangol-qr-'));
    const video = join(dir, 'qr.y4m');
    await writeFile(video, qrVideo(`[우리동네 반찬가게] 주문\n${code}`));
    const cameraBrowser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await cameraBrowser.newContext(TABLET);
      await context.grantPermissions(['camera']);
      const tablet = await loginTablet(context, server.url);
      await tablet
        .getByRole('navigation', { name: '가게 관리 메뉴' })
        .getByRole('button', { name: '주문 입력' })
        .click();
      // The menu must be on the tablet before a code can be checked against it.
      await tablet
        .getByRole('button', { name: '배추김치 15,000원', exact: true })
        .waitFor({ timeout: 20_000 });
      await tablet.getByRole('button', { name: '문자 주문 가져오기' }).click();
      const sms = tablet.getByRole('region', { name: '문자 주문 가져오기' });
      await sms.getByRole('button', { name: '카메라로 QR 읽기' }).click();
      const preview = sms.getByRole('region', { name: '가져올 주문 확인' });
      await preview.waitFor({ timeout: 30_000 });
      // Read once, then the camera is released.
      await sms.getByRole('button', { name: '카메라로 QR 읽기' }).waitFor();
      expect(await preview.textContent()).toContain('카메라손님');
      expect(await preview.textContent()).toContain('용량: 2kg');
      await preview.getByRole('button', { name: '주문 만들기' }).click();
      await expect
        .poll(() => server.storage.query('select customer_name, slot from orders where id = $1', [orderId]), {
          timeout: 20_000,
        })
        .toEqual([{ customer_name: '카메라손님', slot: '10:00' }]);
      await context.close();
    } finally {
      await cameraBrowser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
