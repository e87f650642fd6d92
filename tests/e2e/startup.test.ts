import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ITEMS } from '../../src/server/seed/demoMenu';
import { startProcess, type Started } from '../support/process';

/**
 * The README's first command, as a new user runs it: `npm start` on a fresh DATA_DIR seeds the demo
 * shop and prints three usable lines; a restart keeps the data and seeds nothing.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dangol-start-'));
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' };
  let running: Started | undefined;
  afterAll(async () => {
    await running?.stop('SIGKILL');
  });

  const links = async (p: Started) => {
    const customer = (await p.waitFor(/Customer link:\s+(\S+)/, 120_000))[1]!;
    const console_ = (await p.waitFor(/Shop console:\s+(\S+)/, 5_000))[1]!;
    return { customer, console: console_, base: new URL(customer).origin };
  };

  it('is what package.json runs', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node src/server/start.mjs');
  });

  it('first start: seeds the demo shop and prints the customer link, the console link and a working login', async () => {
    const t0 = Date.now();
    running = startProcess('npm', ['start'], env);
    const { customer, console: consoleLink, base } = await links(running);
    console.log(`cold start (fresh DATA_DIR, build already present): ${Date.now() - t0} ms`);
    expect(running.output()).toContain('demo shop created');
    expect(customer).toMatch(/^http:\/\/localhost:\d+\/s\/uri-banchan$/);
    expect(consoleLink).toBe(`${base}/shop`);
    const login = (
      await running.waitFor(/Demo login:\s+shop ID "([^"]+)", user "([^"]+)", password "([^"]+)"/, 5_000)
    ).slice(1);
    const [slug, username, password] = login as [string, string, string];

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const page = await fetch(customer);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const menu = (await (await fetch(`${base}/api/shops/${slug}`)).json()) as {
      shop: { name: string };
      items: { price: number }[];
    };
    expect(menu.shop.name).toBe('우리동네 반찬가게');
    expect(menu.items.length).toBe(DEMO_ITEMS);

    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug, username, password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const patch = await fetch(`${base}/api/shop/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ notice: '재시작 후에도 남아 있어야 하는 공지' }),
    });
    expect(patch.status).toBe(200);
  });

  it('the first process is killed outright (SIGKILL): what it committed must survive', async () => {
    await running!.stop('SIGKILL');
  });

  it('restart keeps the data, does not seed again, and stops cleanly on SIGTERM', async () => {
    const t0 = Date.now();
    // The command `npm start` runs, signalled directly as a supervisor would (npm 11 itself exits on
    // SIGTERM without waiting for its child; see README "Running in production").
    running = startProcess('node', ['src/server/start.mjs'], env);
    const { base } = await links(running);
    console.log(`restart (existing DATA_DIR): ${Date.now() - t0} ms`);
    expect(running.output()).not.toContain('demo shop created');
    const menu = (await (await fetch(`${base}/api/shops/uri-banchan`)).json()) as {
      shop: { notice: string };
      items: unknown[];
    };
    expect(menu.shop.notice).toBe('재시작 후에도 남아 있어야 하는 공지');
    expect(menu.items.length).toBe(DEMO_ITEMS);
    const t1 = Date.now();
    expect(await running.stop('SIGTERM')).toBe(0);
    expect(Date.now() - t1).toBeLessThan(10_000);
    expect(running.output()).not.toMatch(/"level":50/);
  });
});
