/**
 * `board_first_render_10k_ms`: the shop board's first render on a tablet that keeps 10,000 past
 * orders on the device, in Chromium with a persistent profile (IndexedDB on disk, as on a tablet).
 * The real app (a production build) and the real server with the demo shop; the history is written
 * straight into the tablet's IndexedDB in the shape the sync engine stores it (LocalOrder rows with
 * server and view), plus a day's open orders and pre-orders. Timed in the page: from the tap on the
 * "주문" tab to the frame after the board has rendered its cards (median of 5), and, as a second
 * figure, from a reload's navigation start to the same point (bundle, login check, database open).
 * Runs alone too: `npx tsx tests/bench/boardRender.ts` (STATIC_DIR=dist-x reuses a build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { shopLocalDate } from '../../src/domain/hours';
import { HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../src/protocol/version';
import { openPglite } from '../../src/server/storage/pglite';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { TABLET } from '../support/customerPage';
import { demoShop } from '../support/shopOrders';
import { startLiveServer } from '../support/liveServer';
import { percentile, removeTempDirs, round1, tempDir, type Figures } from './lib';

const RUNS = 5;

/** A given build (dist/ fresh from `npm start`, or STATIC_DIR), else a production build of its own. */
function buildApp(given?: string): string {
  const dir = given ?? process.env.STATIC_DIR;
  if (dir && existsSync(`${dir}/index.html`)) return dir;
  const outDir = tempDir('board-app');
  const r = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { stdio: 'inherit', timeout: 240_000 },
  );
  if (r.status !== 0) throw new Error(`app build failed (${r.status ?? r.signal})`);
  return outDir;
}

interface Seed {
  dbName: string;
  past: number;
  today: string;
  itemId: string;
}

/**
 * Runs in the page: writes the history with the plain IndexedDB API into the database the console
 * opened (Dexie's, same version and indexes), in one transaction.
 */
function seedInPage(s: Seed): Promise<number> {
  const day = (offset: number) => {
    const d = new Date(`${s.today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const order = (i: number, status: string, date: string, placedDaysBefore: number) => {
    const created = new Date(`${date}T01:00:00Z`);
    created.setUTCDate(created.getUTCDate() - placedDaysBefore);
    const view = {
      id: crypto.randomUUID(),
      lines: [
        {
          itemId: s.itemId,
          name: '멸치볶음',
          quantity: 1 + (i % 3),
          options: [],
          unitPrice: 5000,
          lineTotal: 5000 * (1 + (i % 3)),
        },
      ],
      total: 5000 * (1 + (i % 3)),
      status,
      fulfilment: 'pickup',
      date,
      slot: i % 4 === 0 ? null : `${String(10 + (i % 8)).padStart(2, '0')}:00`,
      customerName: `손님${i}`,
      customerPhone: '010-1234-5678',
      address: '',
      note: i % 5 === 0 ? '덜 맵게 해 주세요' : '',
      payment: i % 2 ? 'at_pickup' : 'bank_transfer',
      paidAt: status === 'completed' ? created.toISOString() : null,
      createdAt: created.toISOString(),
      receivedAt: created.toISOString(),
      prepMinutes: status === 'placed' ? null : 20,
      readyBy: status === 'placed' ? null : new Date(Date.now() + (i % 40) * 60_000).toISOString(),
      rejectReason: status === 'rejected' ? '재료 소진' : null,
      version: i + 1,
    };
    return {
      id: view.id,
      server: view,
      view,
      draft: null,
      ackedAt: Date.now(),
      rejection: null,
      pending: 0,
      createdAt: Date.now() - i,
    };
  };
  const rows = [
    // The history: finished orders over the last 60 days.
    ...Array.from({ length: s.past }, (_, i) =>
      order(i, i % 25 === 0 ? 'cancelled' : i % 40 === 0 ? 'rejected' : 'completed', day(-1 - (i % 60)), 0),
    ),
    // Today's counter: new, in progress, ready, and pre-orders placed days ago for today.
    ...['placed', 'placed', 'placed', 'accepted', 'accepted', 'accepted', 'accepted', 'ready', 'ready'].map(
      (status, i) => order(s.past + i, status, s.today, 0),
    ),
    ...Array.from({ length: 6 }, (_, i) => order(s.past + 20 + i, 'accepted', s.today, 3)),
  ];
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(s.dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('orders', 'readwrite');
      const store = tx.objectStore('orders');
      for (const r of rows) store.put(r);
      tx.oncomplete = () => {
        db.close();
        resolve(rows.length);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** In the page: taps a console tab and resolves with the ms until the frame after the board's cards render. */
function openOrdersTab(): Promise<number> {
  const ready = () => document.querySelector('section.board[aria-busy="false"] li.order-card') !== null;
  const nav = [...document.querySelectorAll<HTMLButtonElement>('nav.tabs button')];
  const tab = nav.find((b) => b.textContent === '주문');
  if (!tab) return Promise.reject(new Error('no 주문 tab'));
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const timer = setTimeout(
      () => (observer.disconnect(), reject(new Error('board did not render'))),
      10_000,
    );
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      // The frame that shows it: the next animation frame after React committed the cards.
      requestAnimationFrame(() => resolve(performance.now() - t0));
    };
    const observer = new MutationObserver(() => ready() && done());
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    tab.click();
  });
}

/**
 * In the page after a reload: ms from navigation start until the frame after the board's cards
 * render, and until the board's section first appeared (still loading): the app's start-up share.
 */
function untilBoardAfterNavigation(): Promise<{ board: number; shell: number }> {
  const ready = () => document.querySelector('section.board[aria-busy="false"] li.order-card') !== null;
  let shell = NaN;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => (observer.disconnect(), reject(new Error('board did not render'))),
      20_000,
    );
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve({ board: performance.now(), shell }));
    };
    const observer = new MutationObserver(() => {
      if (Number.isNaN(shell) && document.querySelector('section.board')) shell = performance.now();
      if (ready()) done();
    });
    if (ready()) return done();
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  });
}

export async function boardFirstRender(
  opts: { pastOrders?: number; staticDir?: string } = {},
): Promise<Figures> {
  const past = opts.pastOrders ?? 10_000;
  const staticDir = buildApp(opts.staticDir);
  const previousStatic = process.env.STATIC_DIR;
  process.env.STATIC_DIR = staticDir;
  const server = await startLiveServer({ name: 'pglite', open: () => openPglite() });
  if (previousStatic === undefined) delete process.env.STATIC_DIR;
  const context = await chromium.launchPersistentContext(tempDir('board-chromium'), {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    ...TABLET,
  });
  try {
    const shop = await demoShop(server.app);
    // tsx (esbuild, keepNames) wraps named inner functions in __name(): give the page a no-op one,
    // so the functions below run in the page as written.
    await context.addInitScript('globalThis.__name = (f) => f;');
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    await page.goto(`${server.url}/shop`);
    await page.getByLabel('가게 아이디').fill('uri-banchan');
    await page.getByLabel('사용자 이름').fill('owner');
    await page.getByLabel('비밀번호').fill('banchan1234');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.locator('section.board[aria-busy="false"]').waitFor({ timeout: 30_000 });
    const shopId = await page.evaluate(
      async ([header, version]) => {
        const res = await fetch('/api/auth/me', { headers: { [header]: String(version) } });
        return ((await res.json()) as { shop: { id: string } }).shop.id;
      },
      [HEADER_PROTOCOL, PROTOCOL_VERSION] as const,
    );
    const written = await page.evaluate(seedInPage, {
      dbName: `dangol-shop-${shopId}`,
      past,
      today: shopLocalDate(new Date(), shop.timeZone),
      itemId: shop.item('멸치볶음').id,
    } satisfies Seed);
    const stored = await page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('orders').objectStore('orders').count();
            req.onsuccess = () => (open.result.close(), resolve(req.result));
          };
        }),
      `dangol-shop-${shopId}`,
    );
    if (stored < past) throw new Error(`only ${stored} orders stored of ${past}`);

    // Navigation: reload (IndexedDB is read afresh), timed from the navigation's start.
    const reloads: number[] = [];
    const shells: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      await page.reload();
      const ms = await page.evaluate(untilBoardAfterNavigation);
      if (i === 0) continue; // the first reload warms the HTTP cache
      reloads.push(ms.board);
      shells.push(ms.shell);
    }
    const cards = await page.locator('li.order-card').count();
    // Opening the tab: from another screen (the board unmounted) back to the board.
    const taps: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      await page
        .getByRole('navigation', { name: '가게 관리 메뉴' })
        .getByRole('button', { name: '비밀번호 변경' })
        .click();
      await page.locator('section.board').waitFor({ state: 'detached' });
      const ms = await page.evaluate(openOrdersTab);
      if (i > 0) taps.push(ms);
    }
    const median = (xs: number[]) => percentile(xs, 50);
    console.log(
      `  board with ${stored} orders on the device (${written} written): ${cards} cards on the open board;` +
        ` tab → board ${taps.map((x) => x.toFixed(1)).join(', ')} ms;` +
        ` reload → board ${reloads.map((x) => x.toFixed(0)).join(', ')} ms` +
        ` (of which until the console shows the board loading: ${shells.map((x) => x.toFixed(0)).join(', ')} ms)`,
    );
    return {
      board_first_render_10k_ms: round1(median(taps)),
      board_reload_to_render_10k_ms: Math.round(median(reloads)),
    };
  } finally {
    await context.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await boardFirstRender());
  } finally {
    removeTempDirs();
  }
  process.exit(0);
}
