import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout, loginTablet, openShop, PHONE, TABLET } from '../support/customerPage';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';
import { serverLabel } from '../support/orderLabels';

afterAll(dropTestSchemas);

/** RIGHT-TO-LEFT OVERRIDE: without an isolate it reverses everything after it to the end of the line. */
const RLO = '\u202E';
const ITEM = `${RLO}멸치볶음`;
const CUSTOMER = `${RLO}김단골`;
const PHONE_NUMBER = '010-1234-5678';

interface Part {
  text: string;
  /** The leftmost and rightmost edge of its visible characters. */
  left: number;
  right: number;
  /** Where its first and last characters (in reading order) are drawn. */
  first: number;
  last: number;
}

/**
 * Where `parts` (found in this order in the element's text) are drawn, and whether the first of them —
 * the typed name — sits in an element of its own that isolates its direction (a <bdi dir="auto">, or
 * anything with unicode-bidi: isolate) holding the name and nothing else.
 */
async function layout(el: Locator, parts: string[]): Promise<{ parts: Part[]; isolated: string }> {
  return el.evaluate((root, parts) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: text.length });
      text += (n as Text).data;
    }
    const at = (i: number) => nodes.findLast((x) => x.start <= i)!;
    const rect = (i: number) => {
      const { node, start } = at(i);
      const range = document.createRange();
      range.setStart(node, i - start);
      range.setEnd(node, i - start + 1);
      return range.getBoundingClientRect();
    };
    let from = 0;
    const out: Part[] = [];
    for (const p of parts) {
      const i = text.indexOf(p, from);
      if (i < 0) throw new Error(`"${p}" not in "${text}"`);
      from = i + p.length;
      const rects = [...p].map((_, k) => rect(i + k)).filter((r) => r.width > 0);
      out.push({
        text: p,
        left: Math.min(...rects.map((r) => r.left)),
        right: Math.max(...rects.map((r) => r.right)),
        first: rects[0]!.left,
        last: rects.at(-1)!.left,
      });
    }
    let e: Element | null = at(text.indexOf(parts[0]!)).node.parentElement;
    for (; e && root.contains(e); e = e.parentElement) {
      const isolating =
        (e.tagName === 'BDI' && e.getAttribute('dir') === 'auto') ||
        getComputedStyle(e).unicodeBidi === 'isolate';
      if (isolating) return { parts: out, isolated: e.textContent ?? '' };
    }
    return { parts: out, isolated: '' };
  }, parts);
}

/**
 * The typed name is isolated, and what follows it reads left to right as in any order: each part
 * starts right of where the one before it ends, and a number's first digit is left of its last.
 * Soft: every view is checked and reported, not only the first that fails.
 */
async function expectReadsInOrder(el: Locator, parts: string[], where: string): Promise<void> {
  const { parts: drawn, isolated } = await layout(el, parts);
  for (let k = 1; k < drawn.length; k++) {
    const [before, part] = [drawn[k - 1]!, drawn[k]!];
    expect
      .soft(part.left, `${where}: "${part.text}" right of "${before.text}"`)
      .toBeGreaterThanOrEqual(before.right - 0.5);
    expect.soft(part.first, `${where}: "${part.text}" left to right`).toBeLessThanOrEqual(part.last);
  }
  expect.soft(isolated, `${where}: the name in an isolating element of its own`).toBe(parts[0]);
}

/**
 * Issue 15: a right-to-left override (U+202E) in a customer's or an item's name stays inside the name.
 * Without isolation it reversed the quantity, price and phone number after it — "010-1234-5678" drawn
 * as "8765-4321-010", and "× 2" before the name — on the order page, the board and the printed slips.
 */
describe.each(drivers.slice(0, 1))('typed names cannot reverse the numbers after them on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  let phoneContext: BrowserContext;
  let phone: Page;
  let orderId: string;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  beforeAll(async () => {
    await server.storage.query("update menu_items set name = $1 where name = '멸치볶음'", [ITEM]);
    phoneContext = await browser.newContext(PHONE);
    phone = await openShop(phoneContext, server.url);
    for (let i = 0; i < 2; i++) await phone.getByRole('button', { name: `${ITEM} 담기` }).click();
    orderId = await checkout(phone, { name: CUSTOMER, phone: PHONE_NUMBER });
  });
  afterAll(() => phoneContext?.close());

  it("the customer's order page and order list", async () => {
    const line = phone.locator('article.order-page li').filter({ hasText: ITEM });
    await line.waitFor();
    await expectReadsInOrder(line, [ITEM, '×', '2', '10,000원'], 'the order page');
    await phone.screenshot({ path: '/tmp/bidi-order-page.png' });

    await phone.goto(`${server.url}/s/uri-banchan`);
    const mine = phone
      .getByRole('listitem', { name: `주문 ${await serverLabel(server.storage, orderId)}`, exact: true })
      .locator('p')
      .filter({ hasText: ITEM });
    await mine.waitFor();
    await expectReadsInOrder(mine, [ITEM, '×', '2', '·', '10,000원'], "the phone's order list");
  });

  it('the board card, the kitchen slip and the receipt', async () => {
    const context = await browser.newContext(TABLET);
    // Headless Chromium has no printer: printing leaves the slip in the print area to look at.
    await context.addInitScript(() => {
      window.print = () => {};
    });
    const tablet = await loginTablet(context, server.url);
    const short = await serverLabel(server.storage, orderId);
    const card = tablet.getByRole('listitem', { name: `주문 ${short}`, exact: true });
    await card.waitFor({ timeout: 15_000 });
    await expectReadsInOrder(
      card.locator('p').filter({ hasText: CUSTOMER }),
      [CUSTOMER, '·', PHONE_NUMBER],
      'the board: who',
    );
    await expectReadsInOrder(
      card.locator('li').filter({ hasText: ITEM }),
      [ITEM, '×', '2'],
      'the board: what',
    );
    await card.screenshot({ path: '/tmp/bidi-board-card.png' });

    const area = tablet.locator('body > .print-area');
    for (const kind of ['주방 주문서', '영수증'] as const) {
      await card.getByRole('button', { name: `주문 ${short} 인쇄` }).click();
      const dialog = tablet.getByRole('dialog', { name: `주문 ${short} 인쇄` });
      await dialog.getByRole('radio', { name: kind }).check();
      await dialog.getByRole('radio', { name: '80mm' }).check();
      await dialog.getByRole('button', { name: '인쇄', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await area.locator('.slip').waitFor({ state: 'attached' });
      const slipLine = area.locator('.slip-line').filter({ hasText: ITEM });
      if (kind === '주방 주문서') {
        await expectReadsInOrder(
          area.locator('.slip-who').filter({ hasText: CUSTOMER }),
          [CUSTOMER, PHONE_NUMBER],
          'the kitchen slip: who',
        );
        await expectReadsInOrder(slipLine, [ITEM, '×', '2'], 'the kitchen slip: what');
      } else await expectReadsInOrder(slipLine, [ITEM, '×', '2', '10,000원'], 'the receipt');
      // The slip as printed: the print style sheet shows the print area alone.
      await tablet.emulateMedia({ media: 'print' });
      await tablet.screenshot({ path: `/tmp/bidi-${kind === '영수증' ? 'receipt' : 'kitchen'}.png` });
      await tablet.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });
});
