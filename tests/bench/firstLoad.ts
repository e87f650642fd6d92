/**
 * A customer's first visit to a shop's page: the JavaScript a phone downloads before the menu shows
 * (gzip KiB), how many requests that takes, and whether the map library (Leaflet) came along when it
 * must not. The real server as a user starts it (`npm start`: builds when needed, embedded database,
 * demo shop), a fresh Chromium context with service workers blocked, so every byte comes off the
 * network. Runs alone too: `npx tsx tests/bench/firstLoad.ts`.
 */
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Response } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { startProcess } from '../support/process';
import { killChildren, removeTempDirs, round1, sleep, tempDir, tracked, type Figures } from './lib';

export const DEMO_PATH = '/s/uri-banchan';

export interface UserServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `npm start` as a new user runs it: builds dist/ when the sources are newer (so the first call may
 * take a minute), then serves it on the embedded database in dataDir with the demo shop seeded.
 */
export async function startUserServer(dataDir: string): Promise<UserServer> {
  const proc = tracked(
    startProcess('node', ['src/server/start.mjs'], {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: '1',
      SKIP_BUILD: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    }),
  );
  try {
    const [, port] = await proc.waitFor(/Customer link:\s+http:\/\/localhost:(\d+)\/s\/uri-banchan/, 240_000);
    return {
      url: `http://127.0.0.1:${port}`,
      async stop() {
        await Promise.race([proc.stop('SIGTERM'), sleep(12_000)]);
        await proc.stop('SIGKILL');
      },
    };
  } catch (err) {
    await proc.stop('SIGKILL');
    // The end of the output says why (a failed build's error comes last), within a figure's length.
    const tail = proc.output().trim().split('\n').slice(-6).join(' | ');
    throw new Error(
      `npm start did not serve the demo shop: ${(err as Error).message.split('\n')[0]} … ${tail}`,
      { cause: err },
    );
  }
}

interface Script {
  url: string;
  gzipBytes: number;
  /** The body mentions Leaflet (a bundled copy keeps its name in its banner and class names). */
  leaflet: boolean;
}

const isScript = (r: Response) =>
  r.request().resourceType() === 'script' ||
  // <link rel="modulepreload"> may be typed 'other' by Chromium; its content type still says script.
  /javascript|ecmascript/.test(r.headers()['content-type'] ?? '');

export async function firstLoadFigures(): Promise<Figures> {
  const server = await startUserServer(tempDir('first-load-db'));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ko-KR',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    // Every request until the menu has rendered and settled, the API's included.
    let requests = 0;
    page.on('request', () => requests++);
    const bodies: Promise<Script | null>[] = [];
    const seen = new Set<string>();
    let lastScriptAt = performance.now();
    page.on('response', (r) => {
      if (!isScript(r) || seen.has(r.url())) return;
      seen.add(r.url());
      lastScriptAt = performance.now();
      bodies.push(
        r.body().then(
          // Sizes as a phone gets them over the internet: the server may not compress on loopback
          // (and Chromium reports no transfer size for it), so gzip each body here, level 9.
          (b) => ({
            url: r.url(),
            gzipBytes: gzipSync(b, { level: 9 }).length,
            leaflet: /leaflet/i.test(b.toString('utf8')),
          }),
          () => null,
        ),
      );
    });

    await page.goto(server.url + DEMO_PATH, { waitUntil: 'load', timeout: 60_000 });
    // The menu has rendered when its first category heading shows.
    await page
      .locator('main h2')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(async (err: Error) => {
        const text = await page
          .locator('body')
          .innerText()
          .catch(() => '');
        const why = `the menu did not render: ${err.message.split('\n')[0]}; page: ${text.slice(0, 300)}`;
        throw new Error(why, { cause: err });
      });
    // Anything the page loads right after its first render (lazy chunks) counts too: settle until no
    // script has arrived for a second. Not networkidle: the page may hold a live connection open.
    while (performance.now() - lastScriptAt < 1_000) await sleep(200);

    const scripts = (await Promise.all(bodies)).filter((s) => s !== null);
    const totalGzip = scripts.reduce((a, s) => a + s.gzipBytes, 0);
    const leaflet = scripts.some((s) => /leaflet/i.test(s.url) || s.leaflet);
    for (const s of [...scripts].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
      console.log(`  ${(s.gzipBytes / 1024).toFixed(1).padStart(7)} KiB gz  ${new URL(s.url).pathname}`);
    }
    console.log(
      `  first load of ${DEMO_PATH}: ${scripts.length} scripts, ${(totalGzip / 1024).toFixed(1)} KiB gzip, ` +
        `${requests} requests${leaflet ? ', Leaflet loaded' : ''}`,
    );
    await context.close();
    return {
      customer_first_load_js_gz_kib: round1(totalGzip / 1024),
      customer_first_load_leaflet: leaflet ? 1 : 0,
      customer_first_load_requests: requests,
    };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await firstLoadFigures());
  } finally {
    await killChildren();
    removeTempDirs();
  }
}
