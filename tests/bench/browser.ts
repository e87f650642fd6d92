/**
 * The client in a real browser: Chromium with a persistent profile (a temp user-data-dir, so
 * IndexedDB is on disk, as on a phone), running the real client modules from a bench-only Vite
 * bundle (tests/bench/browser/) served by the real server, so the page and the API share an origin
 * and the session cookie. Measures one order write into Dexie, and a fresh tablet catching up.
 */
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { openPglite } from '../../src/server/storage/pglite';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { makeSyncShop } from '../support/syncWorld';
import { startTestApp } from '../support/testApp';
import { percentile, round1, tempDir, type Figures } from './lib';
import { profiled, statementMs } from './profiledStorage';

function buildBundle(): string {
  const outDir = tempDir('bundle');
  const r = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'tests/bench/vite.config.ts', '--outDir', outDir],
    { stdio: 'inherit', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`bench bundle build failed (${r.status ?? r.signal})`);
  return outDir;
}

export async function browserFigures(opts: { writes?: number; pastOrders?: number } = {}): Promise<Figures> {
  const writes = opts.writes ?? 200;
  const pastOrders = opts.pastOrders ?? 10_000;
  const bundle = buildBundle();
  const dataDir = tempDir('browser-db');
  const db = profiled(await openPglite(dataDir));
  const t = await startTestApp({ name: 'pglite', open: async () => db.storage }, { staticDir: bundle });
  const context = await chromium.launchPersistentContext(tempDir('chromium'), {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const shop = await makeSyncShop(t);
    // History written straight into the database (as in the S6 test), one priced line each.
    const line = JSON.stringify([
      {
        itemId: shop.items.plain,
        name: '멸치볶음',
        quantity: 1,
        options: [],
        unitPrice: 5000,
        lineTotal: 5000,
      },
    ]);
    await t.storage.transaction(async (tx) => {
      const [{ version }] = (await tx.query<{ version: number }>(
        'select version from shops where id = $1 for update',
        [shop.id],
      )) as [{ version: number }];
      await tx.query(
        `insert into orders (id, shop_id, lines, total, status, fulfilment, date, version, received_at,
                             customer_name, customer_phone, note)
         select gen_random_uuid(), $1, $2::jsonb, 5000, 'completed', 'pickup', current_date - (g % 30),
                $3::bigint + g, now(), '김단골', '010-1234-5678', '문 앞에 놓아 주세요'
           from generate_series(1, $4::int) g`,
        [shop.id, line, version, pastOrders],
      );
      await tx.query('update shops set version = $2 where id = $1', [shop.id, version + pastOrders]);
    });

    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 30_000 });

    const times = await page.evaluate(([n, w]) => window.bench.localWrites(n, w), [writes, 5] as const);

    const status = await page.evaluate(([slug]) => window.bench.login(slug, 'owner', 'owner password'), [
      shop.slug,
    ] as const);
    if (status !== 200) throw new Error(`login from the page answered ${status}`);
    db.reset();
    const c = await page.evaluate(() => window.bench.catchUp());
    const serverDbMs = statementMs(db.profile);
    console.log(
      `  browser (persistent profile, IndexedDB on disk): ${writes} writes, p50 ${percentile(times, 50).toFixed(1)}` +
        ` ms, max ${Math.max(...times).toFixed(1)} ms; catch-up: ${c.orders} of ${pastOrders} orders in` +
        ` ${(c.ms / 1000).toFixed(2)} s, ${c.pulls} pulls: ${(c.requestMs / 1000).toFixed(2)} s waiting for pages` +
        ` (of which ${(serverDbMs / 1000).toFixed(2)} s in the server's queries), ` +
        `${((c.ms - c.requestMs) / 1000).toFixed(2)} s storing them in IndexedDB` +
        ` (orders.bulkPut ${(c.putMs / 1000).toFixed(2)} s for ${c.putRows} rows,` +
        ` orders.bulkGet ${(c.getMs / 1000).toFixed(2)} s for ${c.getRows} rows)`,
    );
    return {
      local_write_p95_ms: round1(percentile(times, 95)),
      ...(c.orders === pastOrders
        ? { catch_up_10k_s: Math.round(c.ms / 10) / 100 }
        : { catch_up_10k_s: `incomplete: ${c.orders} of ${pastOrders}` }),
    };
  } finally {
    await context.close();
    await t.close();
  }
}
