import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, startTestApp, type TestApp } from '../support/testApp';
import { makeWorld, PASSWORD, type World } from '../support/world';

afterAll(dropTestSchemas);

const BIG_JS = `export const words = ${JSON.stringify('단골 가게 '.repeat(500))};\n`;

function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dangol-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>단골</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  // What the build's precompress step writes beside a file (vite.config.ts).
  const big = join(dir, 'assets', 'big-def456.js');
  writeFileSync(big, BIG_JS);
  writeFileSync(`${big}.gz`, gzipSync(BIG_JS));
  writeFileSync(`${big}.br`, brotliCompressSync(BIG_JS));
  // Vite's manifest (build.manifest = chunks.json): the entry, and the customer screen with its imports.
  const chunks = {
    'index.html': { file: 'assets/index-1.js', imports: ['_runtime.js'] },
    '_runtime.js': { file: 'assets/runtime-2.js' },
    'src/app/customer/CustomerShop.tsx': {
      file: 'assets/CustomerShop-3.js',
      imports: ['_runtime.js', 'index.html', '_api.js'],
    },
    '_api.js': { file: 'assets/api-4.js', imports: ['_runtime.js'] },
  };
  writeFileSync(join(dir, 'chunks.json'), JSON.stringify(chunks));
  return dir;
}

describe.each(drivers)('security baseline on $name', (driver) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(driver, { staticDir: fakeBuild() });
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  const login = (
    headers: Record<string, string>,
    payload: unknown = { slug: 'shop-one', username: 'owner', password: PASSWORD },
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('sends the security headers on API answers, pages and errors', async () => {
    for (const url of ['/api/auth/me', '/healthz', '/s/shop-one', '/api/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('serves app pages as the shell, hashed assets for a year, and a missing asset as 404', async () => {
    for (const url of ['/', '/shop', '/invite', '/s/shop-one/o/123']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<div id="root">');
    }
    const page = await t.app.inject({ method: 'GET', url: '/s/shop-one' });
    // A customer page names its screen's chunks, beyond the entry's, so they load alongside it.
    expect(page.headers.link).toBe(
      '</assets/CustomerShop-3.js>; rel=modulepreload; crossorigin, </assets/api-4.js>; rel=modulepreload; crossorigin',
    );
    for (const other of ['/shop', '/s/shop-one/v', '/s/shop-one/v/abc.def'])
      expect((await t.app.inject({ method: 'GET', url: other })).headers.link, other).toBeUndefined();
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const gone of ['/assets/gone-zzz.js', '/assets/gone.css', '/menu/x.webp', '/icon-9.png'])
      expect((await t.app.inject({ method: 'GET', url: gone })).statusCode, gone).toBe(404);
    // A voucher link ends in "<claims>.<signature>": a signature of letters and digits only (about
    // one in 15) looks like a file extension, and must still open the app.
    const voucher = await t.app.inject({
      method: 'GET',
      url: `/s/shop-one/v/eyJpZCI6MX0.${'Ab9'.repeat(28)}z`,
    });
    expect(voucher.statusCode).toBe(200);
    expect(voucher.body).toContain('<div id="root">');
    const api = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not_found' });
  });

  it("sends the build's precompressed copy the browser accepts (brotli, else gzip, else as is), varying on it", async () => {
    const get = (encoding?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/assets/big-def456.js',
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG_JS);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BIG_JS);
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_JS);
    for (const res of [br, gz, plain]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toContain('immutable');
    }
    // A file the build left uncompressed (too small to gain) and the app shell still come as they are.
    const small = await t.app.inject({
      method: 'GET',
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect([small.statusCode, small.body]).toEqual([200, 'console.log(1)']);
    const shell = await t.app.inject({
      method: 'GET',
      url: '/s/shop-one',
      headers: { 'accept-encoding': 'br' },
    });
    expect([shell.statusCode, shell.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(shell.body).toContain('<div id="root">');
  });

  it('refuses cross-site writes by Origin and by Sec-Fetch-Site (CSRF)', async () => {
    const evil = await login({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ code: 'cross_site' });
    const fetchSite = await login({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.statusCode).toBe(403);
    const same = await login({
      'content-type': 'application/json',
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-origin',
    });
    expect(same.statusCode).toBe(200);
  });

  it('accepts only JSON bodies: a form post or text/plain gets 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await login({ 'content-type': type }, 'slug=shop-one&username=owner');
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
    }
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/login' });
    expect(none.statusCode).toBe(415);
  });

  it('answers malformed, poisoned and oversize JSON with a 4xx, never a 5xx', async () => {
    const ct = { 'content-type': 'application/json' };
    expect((await login(ct, '{"slug":')).json()).toMatchObject({ code: 'invalid_json' });
    expect((await login(ct, '{"__proto__":{"admin":true}}')).statusCode).toBe(400);
    expect((await login(ct, '{"constructor":{"prototype":{"x":1}}}')).statusCode).toBe(400);
    const big = await login(ct, JSON.stringify({ slug: 'x'.repeat(70_000) }));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'body_too_large' });
    const deep = await login(ct, `{"slug":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(deep.statusCode).toBe(400);
  });

  it('tells a client from before the oldest protocol to reload (S14)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/shops/shop-one',
      headers: { 'x-dangol-protocol': '0' },
    });
    expect(res.statusCode).toBe(426);
    expect(res.json()).toMatchObject({
      code: 'client_too_old',
      message: expect.stringContaining('새로 고쳐'),
    });
    const current = await t.app.inject({
      method: 'GET',
      url: '/api/shops/shop-one',
      headers: { 'x-dangol-protocol': '1' },
    });
    expect(current.statusCode).toBe(200);
  });

  it('refuses a query string or body a route does not take', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/shops/shop-one?debug=1' })).statusCode).toBe(400);
    const del = await json(t.app, {
      method: 'DELETE',
      url: `/api/shop/staff/${w.shop1.staffId}`,
      cookie: w.actors.owner1.cookie,
      payload: { reason: 'x' },
    });
    expect(del.statusCode).toBe(400);
    const [staff] = await t.storage.query<{ removed_at: Date | null }>(
      'select removed_at from users where id = $1',
      [w.shop1.staffId],
    );
    expect(staff!.removed_at).toBeNull();
  });

  it('never echoes a password or token in an error', async () => {
    const res = await json(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { slug: 'shop-one', username: 'owner', password: 'hunter2-secret', extra: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('hunter2-secret');
  });
});

describe('health', () => {
  it('answers 503 when the database cannot be reached', async () => {
    const t = await startTestApp(drivers[0]!);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ ok: true });
    await t.storage.close();
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'unavailable' });
    await t.app.close();
  });
});
