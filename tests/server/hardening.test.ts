/**
 * Issue #15, "One bad input can never stop a shop": what a stranger probing the server from outside
 * must not be able to do — lock the owner out with wrong passwords, hold connections open with a
 * body that never ends, open streams without end, or write through a DNS-rebinding page.
 */
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_TIMEOUTS, type Config } from '../../src/server/config';
import { securityHeaders } from '../../src/server/http/security';
import { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, startTestApp, type TestApp } from '../support/testApp';
import { makeWorld, PASSWORD, type World } from '../support/world';

afterAll(dropTestSchemas);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `cond` holds, polling; fails after `ms` (generous: the machine is shared). */
async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

async function listen(t: TestApp): Promise<number> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return (t.app.server.address() as AddressInfo).port;
}

/** One GET over a fresh loopback connection; resolves at the response head, the body keeps coming. */
/** Every request `get` made, so each test ends with none left open whatever it asserted. */
const opened: http.ClientRequest[] = [];

/** Closes what the test left open and waits until the server has let go of every connection. */
async function settle(t: TestApp): Promise<void> {
  for (const req of opened.splice(0)) req.destroy();
  const count = () =>
    new Promise<number>((resolve) => t.app.server.getConnections((_err, n) => resolve(n ?? 0)));
  const end = Date.now() + 10_000;
  while ((await count()) > 0) {
    if (Date.now() > end) throw new Error('connections still open');
    await sleep(20);
  }
}

async function get(port: number, path: string, headers: Record<string, string> = {}) {
  const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false });
  opened.push(req);
  req.on('error', () => {});
  const [res] = (await once(req, 'response', { signal: AbortSignal.timeout(10_000) })) as [
    http.IncomingMessage,
  ];
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('error', () => {});
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  return {
    res,
    text: () => text,
    closed,
    isClosed: () => isClosed,
    close: () => req.destroy(),
  };
}

/** A write over a real loopback connection, with whatever Host and Origin the test forges. */
async function post(port: number, path: string, headers: Record<string, string>, body: unknown) {
  const payload = JSON.stringify(body);
  const req = http.request({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
  });
  req.end(payload);
  const [res] = (await once(req, 'response', { signal: AbortSignal.timeout(10_000) })) as [
    http.IncomingMessage,
  ];
  let text = '';
  for await (const chunk of res) text += String(chunk);
  return { status: res.statusCode, body: JSON.parse(text) as { code?: string; message?: string } };
}

describe.each(drivers)(
  '#15 login limits on $name: strangers slow guessing, never lock the owner out',
  (driver) => {
    let t: TestApp;
    let w: World;
    const MAX = 4;
    beforeAll(async () => {
      t = await startTestApp(driver, {
        limits: {
          ...DEFAULT_LIMITS,
          loginPerIp: { max: 1000, windowSec: 600 },
          loginFailuresPerAccount: { max: MAX, windowSec: 900 },
          // Long enough that no pause of a loaded machine lets a guess slip through the backoff.
          loginBackoffMaxSec: 60,
        },
      });
      w = await makeWorld(t);
    });
    afterAll(() => t.close());

    const login = (password: string, remoteAddress: string, cookie?: string) =>
      json(t.app, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { slug: 'shop-one', username: 'owner', password },
        remoteAddress,
        ...(cookie ? { cookie } : {}),
      });
    const knownCookie = (res: Awaited<ReturnType<typeof login>>) => {
      const c = res.cookies.find((x) => x.name === 'dangol_known');
      if (!c) throw new Error(`no known-device cookie in ${res.statusCode}`);
      return `dangol_known=${c.value}`;
    };

    it('the owner on a known device signs in after a stranger guessed from many addresses', async () => {
      await t.storage.query('delete from rate_limits');
      // The counter tablet signed in once before: it is a known device of the owner's account.
      const first = await login(PASSWORD, '192.0.2.10');
      expect(first.statusCode).toBe(200);
      const cookie = first.cookies.find((c) => c.name === 'dangol_known')!;
      expect(cookie).toMatchObject({ httpOnly: true, path: '/api/auth', sameSite: 'Strict' });
      // Only a digest is stored.
      expect(await t.storage.query('select 1 from known_devices where id = $1', [cookie.value])).toEqual([]);
      const tablet = knownCookie(first);

      // A stranger guesses, one address per guess, well past the account's limit.
      const answers: number[] = [];
      for (let i = 0; i < MAX + 6; i++)
        answers.push((await login(`guess ${i}`, `198.51.100.${i}`)).statusCode);
      expect(answers.slice(0, MAX)).toEqual(Array(MAX).fill(401));
      // … and is slowed: a fresh address right after a failure waits out the account's backoff.
      expect(answers.slice(MAX)).toContain(429);
      const slowed = await login('another guess', '198.51.100.200');
      expect(slowed.statusCode).toBe(429);
      expect(slowed.json()).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);

      // The tablet gets in with the right password, from the same address as a guess even.
      const owner = await login(PASSWORD, '198.51.100.0', tablet);
      expect(owner.statusCode, owner.body).toBe(200);
      expect(owner.json()).toMatchObject({ user: { username: 'owner' } });
      // Its token was renewed; the old one is gone, the new one works.
      const renewed = knownCookie(owner);
      expect(renewed).not.toBe(tablet);
      expect((await login(PASSWORD, '198.51.100.1', renewed)).statusCode).toBe(200);
    });

    it('an address that guessed is locked out of the account; one that did not waits only the short backoff', async () => {
      await t.storage.query('delete from rate_limits');
      t.config.limits.loginBackoffMaxSec = 1;
      for (let i = 0; i < MAX; i++) expect((await login(`guess ${i}`, '203.0.113.5')).statusCode).toBe(401);
      // The guesser's address: locked, even with the right password.
      const locked = await login(PASSWORD, '203.0.113.5');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'rate_limited' });
      // The owner at home (an address not involved) waits the backoff (1 s here), then gets in.
      await sleep(2_500);
      const home = await login(PASSWORD, '203.0.113.77');
      expect(home.statusCode, home.body).toBe(200);
      // The guesser is still locked after that: the owner's sign-in gave it no fresh start.
      expect((await login('guess again', '203.0.113.5')).statusCode).toBe(429);
      // A known device of another account is a stranger here: its token does not lift the lock.
      const other = await json(t.app, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { slug: 'shop-two', username: 'owner', password: PASSWORD },
        remoteAddress: '192.0.2.99',
      });
      expect(other.statusCode).toBe(200);
      expect((await login(PASSWORD, '203.0.113.5', knownCookie(other))).statusCode).toBe(429);
      t.config.limits.loginBackoffMaxSec = 60;
    });

    it("strangers' guesses do not stop the signed-in owner from changing the password", async () => {
      await t.storage.query('delete from rate_limits');
      for (let i = 0; i < MAX + 1; i++) await login(`guess ${i}`, `198.51.100.${50 + i}`);
      const res = await json(t.app, {
        method: 'POST',
        url: '/api/auth/password',
        cookie: w.actors.owner1.cookie,
        payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
    });
  },
);

describe.each(drivers)('#15 server timeouts on $name', (driver) => {
  let t: TestApp;
  let w: World;
  let port: number;
  const hub = new LocalPokeHub();
  beforeAll(async () => {
    t = await startTestApp(
      driver,
      { timeouts: { ...DEFAULT_TIMEOUTS, requestMs: 600, headersMs: 400 } },
      hub,
    );
    w = await makeWorld(t);
    port = await listen(t);
  });
  afterEach(() => settle(t));
  afterAll(() => t.close());

  /** A raw socket that sends `head` and then nothing; resolves with all it received once it closes. */
  async function stalled(head: string): Promise<{ text: string; ms: number }> {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('error', () => {});
    const started = Date.now();
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    await once(socket, 'connect');
    socket.write(head);
    const closed = once(socket, 'close');
    // Bounded: a socket still open after 20 s fails the test (the timeout here is 0.6 s).
    const guard = setTimeout(() => socket.destroy(new Error('still open')), 20_000);
    await closed;
    clearTimeout(guard);
    return { text, ms: Date.now() - started };
  }

  it('cuts off a request whose body never finishes, answering 408 {code, message}', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        stalled(
          'POST /api/auth/login HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
            'content-length: 100\r\n\r\n{"slug":"shop-',
        ),
      ),
    );
    for (const { text, ms } of results) {
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as object;
      expect(body).toEqual({ code: 'request_timeout', message: expect.any(String) });
      expect(ms).toBeLessThan(20_000);
    }
  });

  it('cuts off a request whose headers never finish', async () => {
    const { text } = await stalled('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ');
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers bytes that are not HTTP with 400 {code, message} too', async () => {
    const { text } = await stalled('NOT HTTP AT ALL\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({
      code: 'invalid_input',
      message: expect.any(String),
    });
  });

  it('leaves an event stream open well past the request timeout, and it still delivers pokes', async () => {
    const stream = await get(port, '/api/shop/stream', { cookie: w.actors.owner1.cookie! });
    expect(stream.res.statusCode).toBe(200);
    await until(() => stream.text().includes('data:'));
    // Five times the request timeout, with Node checking every 100 ms.
    await sleep(3_000);
    expect(stream.isClosed()).toBe(false);
    hub.publish({ shopId: w.shop1.id, version: 987_654, deviceIds: [], public: true });
    await until(() => stream.text().includes('"version":987654'));
    stream.close();
  });
});

describe.each(drivers)('#15 event streams on $name: caps and security headers', (driver) => {
  let t: TestApp;
  let w: World;
  let port: number;
  const caps: Config['streams'] = { perDevice: 2, perAddress: 3 };
  beforeAll(async () => {
    t = await startTestApp(driver, { streams: caps });
    w = await makeWorld(t);
    port = await listen(t);
  });
  // A stream's slot is freed when the server sees it close: each test starts with none held.
  afterEach(() => settle(t));
  afterAll(() => t.close());

  const shopStream = (cookie: string) => get(port, '/api/shop/stream', { cookie });
  const customerStream = (device: string) =>
    get(port, `/api/s/${w.shop1.slug}/stream`, { 'x-dangol-device': device });

  it('carries the same security headers as every other answer', async () => {
    const expected = securityHeaders({ port: t.config.port });
    for (const open of [
      () => shopStream(w.actors.owner1.cookie!),
      () => customerStream(w.actors.deviceA.device!),
    ]) {
      const s = await open();
      expect(s.res.statusCode).toBe(200);
      expect(s.res.headers['content-type']).toMatch(/^text\/event-stream/);
      for (const [name, value] of Object.entries(expected)) expect(s.res.headers[name], name).toBe(value);
      expect(s.res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(s.res.headers['referrer-policy']).toBe('no-referrer');
      expect(s.res.headers['x-frame-options']).toBe('DENY');
      s.close();
      await s.closed;
    }
  });

  it('caps open streams per device: the one past the cap gets 429, closing one frees its slot', async () => {
    const device = w.actors.deviceB.device!;
    const open = [await customerStream(device), await customerStream(device)];
    for (const s of open) expect(s.res.statusCode).toBe(200);
    const over = await customerStream(device);
    expect(over.res.statusCode).toBe(429);
    await over.closed;
    expect(JSON.parse(over.text())).toEqual({ code: 'too_many_streams', message: expect.any(String) });
    // The refusal is an ordinary answer, with the security headers too.
    expect(over.res.headers['x-frame-options']).toBe('DENY');
    open[0]!.close();
    // The server sees the close a moment later; retry until the slot is free (bounded).
    let again = await customerStream(device);
    const end = Date.now() + 10_000;
    while (again.res.statusCode === 429 && Date.now() < end) {
      await sleep(50);
      again = await customerStream(device);
    }
    expect(again.res.statusCode).toBe(200);
    again.close();
    open[1]!.close();
    await Promise.all([again.closed, open[1]!.closed]);
  });

  it('caps open streams per client address across devices and sessions', async () => {
    const streams = [
      await shopStream(w.actors.owner1.cookie!),
      await shopStream(w.actors.staff1.cookie!),
      await customerStream(w.actors.deviceA.device!),
    ];
    for (const s of streams) expect(s.res.statusCode).toBe(200);
    const over = await customerStream(w.actors.deviceB.device!);
    expect(over.res.statusCode).toBe(429);
    await over.closed;
    expect(JSON.parse(over.text())).toMatchObject({ code: 'too_many_streams' });
    for (const s of streams) s.close();
    await Promise.all(streams.map((s) => s.closed));
  });
});

describe.each(drivers)('#15 origins on $name: never taken from the Host header', (driver) => {
  const creds = { slug: 'nobody-here', username: 'nobody', password: 'wrong password' };

  it('with PUBLIC_URL: refuses another Origin even with the Host forged to match it', async () => {
    const t = await startTestApp(driver, {
      publicUrl: 'https://order.example.kr',
      allowedOrigins: ['https://tablet.example.kr'],
    });
    try {
      const write = (headers: Record<string, string>) =>
        json(t.app, { method: 'POST', url: '/api/auth/login', headers, payload: creds });
      // A DNS-rebinding page: its own name in both Host and Origin.
      const rebinding = await write({ host: 'rebind.example', origin: 'https://rebind.example' });
      expect(rebinding.statusCode).toBe(403);
      expect(rebinding.json()).toEqual({ code: 'cross_site', message: expect.any(String) });
      const http = await write({ host: 'rebind.example', origin: 'http://rebind.example' });
      expect(http.statusCode).toBe(403);
      // A forged Host without an Origin is refused for writes too.
      expect((await write({ host: 'rebind.example' })).statusCode).toBe(403);
      // A Host that passes (loopback: a proxy on this machine) does not make its origin allowed.
      const loopback = await write({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' });
      expect(loopback.statusCode).toBe(403);
      expect(loopback.json()).toMatchObject({ code: 'cross_site' });
      // PUBLIC_URL's origin and the allow-list pass the origin check (then fail the login itself).
      for (const [host, origin] of [
        ['order.example.kr', 'https://order.example.kr'],
        ['tablet.example.kr', 'https://tablet.example.kr'],
        ['127.0.0.1:3000', 'https://order.example.kr'],
      ] as const)
        expect((await write({ host, origin })).json(), origin).toMatchObject({ code: 'bad_credentials' });
    } finally {
      await t.close();
    }
  });

  it('without PUBLIC_URL: only localhost and 127.0.0.1 on the listening port', async () => {
    const t = await startTestApp(driver);
    try {
      const port = await listen(t);
      const login = (headers: Record<string, string>) => post(port, '/api/auth/login', headers, creds);
      const forged = await login({ host: `rebind.example:${port}`, origin: `http://rebind.example:${port}` });
      expect(forged.status).toBe(403);
      expect(forged.body).toEqual({ code: 'cross_site', message: expect.any(String) });
      expect((await login({ host: `rebind.example:${port}` })).status).toBe(403);
      // Another port on this machine is another origin, whatever the Host says.
      expect((await login({ origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
      const other = `localhost:${port + 1}`;
      expect((await login({ host: other, origin: `http://${other}` })).status).toBe(403);
      for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
        const ok = await login({ host: `127.0.0.1:${port}`, origin });
        expect(ok.body, origin).toMatchObject({ code: 'bad_credentials' });
      }
    } finally {
      await t.close();
    }
  });
});
