import { createECDH, createPublicKey, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/buildApp';
import { configFromEnv } from '../../src/server/config';
import { PushNotifier, type PushLog } from '../../src/server/push/notify';
import { endpointAllowed, MAX_SUBSCRIPTIONS_PER_DEVICE } from '../../src/server/push/subscriptions';
import { loadOrCreateVapidKeys } from '../../src/server/push/vapid';
import { migrate } from '../../src/server/storage/migrate';
import { drivers, dropTestSchemas, type TestDriver } from '../support/drivers';
import { makeSyncShop, newDevice, orderArgs, type SyncShop } from '../support/syncWorld';
import { json, type TestApp } from '../support/testApp';

afterAll(dropTestSchemas);

// http_ece ships no types; this is the one call the test makes (RFC 8188 decryption, as a browser does).
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(body: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: Buffer }): Buffer;
};

const SUBJECT = 'mailto:push-test@example.com';
const WAIT = { timeout: 5_000, interval: 10 };

// ———————————————————————————————————————————————————————————————————————————————————————————————
// A push service on loopback: records every delivery; a path can answer with any status, or hang.

interface Delivery {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

class FakePushService {
  readonly received: Delivery[] = [];
  /** Path → status to answer, or 'hang' to hold the answer until release(). Default 201 (RFC 8030). */
  readonly answers = new Map<string, number | 'hang'>();
  private readonly hung: ServerResponse[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      this.received.push({
        path,
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      const answer = this.answers.get(path) ?? 201;
      if (answer === 'hang') this.hung.push(res);
      else res.writeHead(answer).end();
    });
  });
  origin = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  /** A fresh endpoint URL on this service. */
  endpoint(name: string): string {
    return `${this.origin}/push/${name}-${randomUUID()}`;
  }
  at(endpoint: string): Delivery[] {
    return this.received.filter((d) => this.origin + d.path === endpoint);
  }
  /** Answers every request held so far. */
  release(): void {
    for (const res of this.hung.splice(0)) if (!res.destroyed) res.writeHead(201).end();
  }
  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// ———————————————————————————————————————————————————————————————————————————————————————————————
// A browser's side of a subscription: its own P-256 key pair and 16-byte auth secret (RFC 8291).

interface BrowserKeys {
  ecdh: ECDH;
  auth: Buffer;
  p256dh: string;
}

function browserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, auth: randomBytes(16), p256dh: ecdh.getPublicKey('base64url') };
}

interface Payload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

function decrypt(d: Delivery, keys: BrowserKeys): Payload {
  const plain = ece.decrypt(d.body, { version: 'aes128gcm', privateKey: keys.ecdh, authSecret: keys.auth });
  return JSON.parse(plain.toString('utf8')) as Payload;
}

/** Checks the VAPID header's JWT (ES256) against a raw P-256 public key, as a push service does. */
function readVapid(authorization: string | undefined, publicKey: string) {
  const m = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(
    authorization ?? '',
  );
  if (!m) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [head, claims, signature] = m[1]!.split('.') as [string, string, string];
  const raw = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  const decode = (s: string) =>
    JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { valid, k: m[2]!, header: decode(head), claims: decode(claims) };
}

// ———————————————————————————————————————————————————————————————————————————————————————————————
// The real server with a notifier the test holds, so it can wait for outstanding sends.

interface World {
  t: TestApp;
  notifier: PushNotifier;
  logs: { msg: string; obj: object }[];
  service: FakePushService;
}

async function startWorld(driver: TestDriver, service: FakePushService): Promise<World> {
  const storage = await driver.open();
  await migrate(storage);
  const logs: World['logs'] = [];
  const log: PushLog = { warn: (obj, msg) => logs.push({ obj, msg }) };
  const notifier = new PushNotifier(storage, { subject: SUBJECT, log });
  const config = { ...configFromEnv({}), staticDir: undefined };
  const app = await buildApp({ storage, config, logger: false, pushNotifier: notifier });
  await app.ready();
  const t: TestApp = {
    app,
    registered: [],
    storage,
    config,
    async close() {
      await app.close();
      await notifier.close();
      await storage.close();
    },
  };
  return { t, notifier, logs, service };
}

async function subscribe(
  w: World,
  slug: string,
  device: string,
  endpoint: string,
  keys: BrowserKeys,
  lang = 'ko',
) {
  return json(w.t.app, {
    method: 'POST',
    url: `/api/shops/${slug}/push`,
    device,
    payload: { endpoint, p256dh: keys.p256dh, auth: keys.auth.toString('base64url'), lang },
  });
}

async function unsubscribe(w: World, slug: string, device: string, endpoint: string) {
  return json(w.t.app, {
    method: 'POST',
    url: `/api/shops/${slug}/push/unsubscribe`,
    device,
    payload: { endpoint },
  });
}

/** A customer places an order through the real sync push; returns its id. */
async function placeOrder(w: World, shop: SyncShop, device: string): Promise<string> {
  const args = orderArgs(shop.items.plain);
  const res = await json(w.t.app, {
    method: 'POST',
    url: `/api/s/${shop.slug}/push`,
    device,
    payload: {
      clientId: randomUUID(),
      mutations: [{ mutationId: randomUUID(), seq: 1, name: 'placeOrder', args }],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect((res.json() as { results: { status: string }[] }).results[0]?.status, res.body).toBe('applied');
  return args.orderId;
}

/** The shop's tablet sends one mutation through the real sync push; the body can be sent again (a replay). */
async function shopDoes(w: World, shop: SyncShop, name: string, args: object, body?: object) {
  const payload = body ?? {
    clientId: randomUUID(),
    mutations: [{ mutationId: randomUUID(), seq: 1, name, args }],
  };
  const res = await json(w.t.app, {
    method: 'POST',
    url: '/api/shop/push',
    cookie: shop.ownerCookie,
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  expect((res.json() as { results: { status: string }[] }).results[0]?.status, res.body).toBe('applied');
  return payload;
}

const hhmm = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    at,
  );

async function rowsOf(w: World, device: string) {
  return w.t.storage.query<{ endpoint: string; p256dh: string; lang: string }>(
    'select endpoint, p256dh, lang from push_subscriptions where device_id = $1 order by created_at, id',
    [device.split('.')[0]],
  );
}

describe('push endpoints in production', () => {
  const prod = { publicUrl: 'https://order.example.kr' };
  it('take only https push services with a host name; development also takes loopback http', () => {
    expect(endpointAllowed('https://fcm.googleapis.com/fcm/send/abc', prod)).toBe(true);
    expect(endpointAllowed('https://web.push.apple.com/QG9k', prod)).toBe(true);
    for (const bad of [
      'http://127.0.0.1:8080/push',
      'http://localhost/push',
      'https://127.0.0.1/push',
      'https://10.0.0.5/push',
      'https://[::1]/push',
      'https://localhost/push',
      'https://intranet/push',
    ])
      expect(endpointAllowed(bad, prod), bad).toBe(false);
    expect(endpointAllowed('http://127.0.0.1:8080/push', {})).toBe(true);
    expect(endpointAllowed('http://127.0.0.1:8080/push', { publicUrl: 'http://localhost:3000' })).toBe(true);
  });
});

describe.each(drivers)('Web Push on $name', (driver) => {
  let w: World;
  let shop: SyncShop;
  let deviceA: string;
  let deviceB: string;
  let publicKey: string;
  const service = new FakePushService();

  beforeAll(async () => {
    await service.start();
    w = await startWorld(driver, service);
    const key = await json(w.t.app, { method: 'GET', url: '/api/push/key' });
    expect(key.statusCode, key.body).toBe(200);
    publicKey = (key.json() as { publicKey: string }).publicKey;
  });
  afterAll(async () => {
    await w.t.close();
    await service.close();
  });
  // Each test has its own shop and customers, so one failure cannot leave rows for the next.
  beforeEach(async () => {
    shop = await makeSyncShop(w.t);
    deviceA = await newDevice(w.t.app);
    deviceB = await newDevice(w.t.app);
  });

  it('keeps one VAPID key pair for the installation, however many processes start at once', async () => {
    expect(publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/);
    const [{ n } = { n: 0 }] = await w.t.storage.query<{ n: number }>(
      'select count(*)::int as n from vapid_keys',
    );
    expect(n).toBe(1);
    // A restart (a new app on the same database) serves the same key.
    const again = await buildApp({ storage: w.t.storage, config: w.t.config, logger: false });
    const res = await json(again, { method: 'GET', url: '/api/push/key' });
    expect((res.json() as { publicKey: string }).publicKey).toBe(publicKey);
    await again.close();

    // A fresh database and six starts racing to create the pair (on PostgreSQL they run on separate
    // connections, so several find no row and insert): all end up with the one that won.
    const fresh = await driver.open();
    try {
      await migrate(fresh);
      const raced = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateVapidKeys(fresh)));
      expect(new Set(raced.map((k) => `${k.publicKey}/${k.privateKey}`)).size).toBe(1);
      expect(Buffer.from(raced[0]!.publicKey, 'base64url')).toHaveLength(65);
      expect(Buffer.from(raced[0]!.privateKey, 'base64url')).toHaveLength(32);
      expect(raced[0]!.publicKey).not.toBe(publicKey);
      expect(await fresh.query('select 1 from vapid_keys')).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('accepting an order sends an encrypted, VAPID-signed notification the browser can read; after unsubscribing nothing more arrives', async () => {
    const keys = browserKeys();
    const endpoint = service.endpoint('a');
    expect((await subscribe(w, shop.slug, deviceA, endpoint, keys)).json()).toEqual({ ok: true });
    // Idempotent: the same subscription again is still one row.
    expect((await subscribe(w, shop.slug, deviceA, endpoint, keys)).statusCode).toBe(200);
    expect(await rowsOf(w, deviceA)).toHaveLength(1);

    const orderId = await placeOrder(w, shop, deviceA);
    await w.notifier.settled();
    expect(service.at(endpoint), 'placing an order notifies no one').toEqual([]);

    // The time in the text is the shop's own clock, not the server's or UTC.
    await w.t.storage.query(`update shops set time_zone = 'America/New_York' where id = $1`, [shop.id]);
    const accept = await shopDoes(w, shop, 'acceptOrder', { orderId, prepMinutes: 15 });
    await w.notifier.settled();

    const [delivery, ...more] = service.at(endpoint);
    expect(more).toEqual([]);
    expect(delivery!.method).toBe('POST');
    expect(delivery!.headers['content-encoding']).toBe('aes128gcm');
    expect(delivery!.headers.ttl).toBe('3600');
    expect(delivery!.headers.urgency).toBe('high');
    const vapid = readVapid(delivery!.headers.authorization, publicKey);
    expect(vapid.valid).toBe(true);
    expect(vapid.k).toBe(publicKey);
    expect(vapid.header).toMatchObject({ alg: 'ES256' });
    expect(vapid.claims.aud).toBe(service.origin);
    expect(vapid.claims.sub).toBe(SUBJECT);
    const exp = vapid.claims.exp as number;
    expect(exp).toBeGreaterThan(Date.now() / 1000);
    expect(exp).toBeLessThanOrEqual(Date.now() / 1000 + 24 * 3600);
    // The signature check means something: another key does not verify it.
    expect(readVapid(delivery!.headers.authorization, browserKeys().p256dh).valid).toBe(false);

    const [order] = await w.t.storage.query<{ ready_by: Date }>('select ready_by from orders where id = $1', [
      orderId,
    ]);
    const time = hhmm(order!.ready_by, 'America/New_York');
    expect(time).not.toBe(hhmm(order!.ready_by, 'UTC'));
    expect(decrypt(delivery!, keys)).toEqual({
      title: `반찬 ${shop.slug}`,
      body: `주문이 접수됐어요 · ${time}까지 준비돼요`,
      url: `/s/${shop.slug}/o/${orderId}`,
      tag: orderId,
    });
    // Only the browser's keys open it.
    expect(() => decrypt(delivery!, browserKeys())).toThrow();

    // A replayed push (the tablet never saw the answer) changes nothing and notifies no one again (S4).
    await shopDoes(w, shop, 'acceptOrder', {}, accept);
    await w.notifier.settled();
    expect(service.at(endpoint)).toHaveLength(1);

    expect((await unsubscribe(w, shop.slug, deviceA, endpoint)).json()).toEqual({ ok: true });
    expect(await rowsOf(w, deviceA)).toEqual([]);
    await shopDoes(w, shop, 'markReady', { orderId });
    await w.notifier.settled();
    expect(service.at(endpoint)).toHaveLength(1);
  });

  it('writes in the language the customer subscribed in, one tag per order', async () => {
    const keys = browserKeys();
    const endpoint = service.endpoint('en');
    await subscribe(w, shop.slug, deviceA, endpoint, keys, 'en');
    const orderId = await placeOrder(w, shop, deviceA);
    await shopDoes(w, shop, 'acceptOrder', { orderId, prepMinutes: 30 });
    await w.notifier.settled();
    await shopDoes(w, shop, 'markReady', { orderId });
    await w.notifier.settled();
    const [accepted, ready] = service.at(endpoint).map((d) => decrypt(d, keys));
    expect(accepted!.body).toMatch(/^Your order was accepted · ready by \d\d:\d\d$/);
    expect(ready).toEqual({
      title: `반찬 ${shop.slug}`,
      body: 'Your order is ready to collect',
      url: `/s/${shop.slug}/o/${orderId}`,
      tag: orderId,
    });
  });

  it('S13: only the device that placed the order is told, only for that shop, and a rejection carries the reason', async () => {
    const keysA = browserKeys();
    const keysB = browserKeys();
    const endA = service.endpoint('a');
    const endB = service.endpoint('b');
    await subscribe(w, shop.slug, deviceA, endA, keysA);
    await subscribe(w, shop.slug, deviceB, endB, keysB);

    const ofA = await placeOrder(w, shop, deviceA);
    await shopDoes(w, shop, 'acceptOrder', { orderId: ofA, prepMinutes: 10 });
    const ofB = await placeOrder(w, shop, deviceB);
    await shopDoes(w, shop, 'rejectOrder', { orderId: ofB, reason: '재료가 다 떨어졌어요' });
    await w.notifier.settled();

    expect(service.at(endA).map((d) => decrypt(d, keysA).tag)).toEqual([ofA]);
    const [toB, ...moreB] = service.at(endB);
    expect(moreB).toEqual([]);
    expect(decrypt(toB!, keysB)).toMatchObject({ body: '주문이 거절됐어요: 재료가 다 떨어졌어요', tag: ofB });

    // The same device ordering at another shop: its subscription here is for this shop only.
    const other = await makeSyncShop(w.t);
    const elsewhere = await placeOrder(w, other, deviceA);
    await shopDoes(w, other, 'acceptOrder', { orderId: elsewhere, prepMinutes: 10 });
    await w.notifier.settled();
    expect(service.at(endA)).toHaveLength(1);
  });

  it("another device can neither remove nor overwrite someone's subscription, nor learn it exists", async () => {
    const keysA = browserKeys();
    const keysB = browserKeys();
    const endpoint = service.endpoint('a');
    await subscribe(w, shop.slug, deviceA, endpoint, keysA);
    const before = await rowsOf(w, deviceA);

    // B's unsubscribe answers exactly as for an endpoint nobody has, and removes nothing.
    const theirs = await unsubscribe(w, shop.slug, deviceB, endpoint);
    const nobodys = await unsubscribe(w, shop.slug, deviceB, service.endpoint('none'));
    expect([theirs.statusCode, theirs.json()]).toEqual([200, { ok: true }]);
    expect([nobodys.statusCode, nobodys.json()]).toEqual([200, { ok: true }]);
    expect(await rowsOf(w, deviceA)).toEqual(before);

    // B registering the same endpoint with its own keys makes B's own row; A's keys are untouched.
    expect((await subscribe(w, shop.slug, deviceB, endpoint, keysB)).json()).toEqual({ ok: true });
    expect(await rowsOf(w, deviceA)).toEqual(before);

    const orderId = await placeOrder(w, shop, deviceA);
    await shopDoes(w, shop, 'acceptOrder', { orderId, prepMinutes: 10 });
    await w.notifier.settled();
    const [only, ...more] = service.at(endpoint);
    expect(more).toEqual([]);
    expect(decrypt(only!, keysA).tag).toBe(orderId);
    expect(() => decrypt(only!, keysB)).toThrow();

    // Neither route works without a device, nor for a shop that does not exist.
    const anon = await json(w.t.app, {
      method: 'POST',
      url: `/api/shops/${shop.slug}/push/unsubscribe`,
      payload: { endpoint },
    });
    expect(anon.statusCode).toBe(401);
    expect((await unsubscribe(w, 'no-such-shop', deviceB, endpoint)).statusCode).toBe(404);
    expect(await rowsOf(w, deviceA)).toEqual(before);
  });

  it('a subscription the push service calls gone (410, 404) is deleted; other failures are logged and kept, and the shop never sees them', async () => {
    const keys = browserKeys();
    const gone = service.endpoint('gone');
    const missing = service.endpoint('missing');
    const broken = service.endpoint('broken');
    service.answers.set(new URL(gone).pathname, 410);
    service.answers.set(new URL(missing).pathname, 404);
    service.answers.set(new URL(broken).pathname, 500);
    for (const e of [gone, missing, broken]) await subscribe(w, shop.slug, deviceA, e, keys);
    const logged = w.logs.length;

    const orderId = await placeOrder(w, shop, deviceA);
    await shopDoes(w, shop, 'acceptOrder', { orderId, prepMinutes: 10 });
    await w.notifier.settled();

    for (const e of [gone, missing, broken]) expect(service.at(e), e).toHaveLength(1);
    expect((await rowsOf(w, deviceA)).map((r) => r.endpoint)).toEqual([broken]);
    const warnings = w.logs.slice(logged);
    expect(warnings).toEqual([
      { msg: 'push service refused a notification', obj: { push: service.origin, status: 500 } },
    ]);
    // The log names the push service, never the endpoint's path (the capability to reach the browser).
    expect(JSON.stringify(warnings)).not.toContain(new URL(broken).pathname);
  });

  it("a slow push service does not hold up the shop's answer, sends time out, and at most a few run at once", async () => {
    const keys = browserKeys();
    const slow = Array.from({ length: MAX_SUBSCRIPTIONS_PER_DEVICE }, () => service.endpoint('slow'));
    for (const e of slow) {
      service.answers.set(new URL(e).pathname, 'hang');
      await subscribe(w, shop.slug, deviceA, e, keys);
    }
    const orderId = await placeOrder(w, shop, deviceA);

    // A notifier that may hold two requests open and gives up after 400 ms.
    const log: PushLog = { warn: () => {} };
    const narrow = new PushNotifier(w.t.storage, { subject: SUBJECT, log, concurrency: 2, timeoutMs: 400 });
    await shopDoes(w, shop, 'acceptOrder', { orderId, prepMinutes: 10 });
    // The shop has its answer while the app's own notifier still waits on the push service.
    const race = await Promise.race([
      w.notifier.settled().then(() => 'settled'),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 150)),
    ]);
    expect(race).toBe('pending');
    await vi.waitFor(() => expect(slow.flatMap((e) => service.at(e))).toHaveLength(slow.length), WAIT);

    const sent = service.received.length;
    const reports = narrow.notify(orderId);
    await vi.waitFor(() => expect(service.received.length - sent).toBe(2), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(service.received.length - sent, 'two at a time').toBe(2);
    expect(await reports).toEqual(slow.map(() => expect.objectContaining({ status: 'error' })));
    expect(service.received.length - sent).toBe(slow.length);

    service.release();
    await w.notifier.settled();
    await narrow.close();
    // Timeouts and slowness keep the subscriptions: only "gone" removes them.
    expect(await rowsOf(w, deviceA)).toHaveLength(slow.length);
  });

  it('refuses malformed subscriptions with 400 and the field, and keeps a few per device at most', async () => {
    const keys = browserKeys();
    const good = {
      endpoint: 'https://push.example.com/x',
      p256dh: keys.p256dh,
      auth: keys.auth.toString('base64url'),
      lang: 'ko',
    };
    const bad: [object, string][] = [
      [{ endpoint: 'http://push.example.com/x' }, 'endpoint'],
      [{ endpoint: 'ftp://push.example.com/x' }, 'endpoint'],
      [{ endpoint: 'https://user:pw@push.example.com/x' }, 'endpoint'],
      [{ endpoint: 'not a url' }, 'endpoint'],
      [{ endpoint: `https://push.example.com/${'x'.repeat(1000)}` }, 'endpoint'],
      [{ p256dh: 'BAAA' }, 'p256dh'],
      [{ p256dh: keys.p256dh.replace(/^B/, 'A') }, 'p256dh'],
      [{ auth: randomBytes(32).toString('base64url') }, 'auth'],
      [{ lang: 'fr' }, 'lang'],
      [{ extra: 1 }, 'extra'],
    ];
    for (const [change, field] of bad) {
      const res = await json(w.t.app, {
        method: 'POST',
        url: `/api/shops/${shop.slug}/push`,
        device: deviceB,
        payload: { ...good, ...change },
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json(), JSON.stringify(change)).toMatchObject({ code: 'invalid_input', fields: [field] });
    }
    expect(await rowsOf(w, deviceB)).toEqual([]);
    const noShop = await json(w.t.app, {
      method: 'POST',
      url: '/api/shops/no-such-shop/push',
      device: deviceB,
      payload: good,
    });
    expect(noShop.statusCode).toBe(404);

    // A device handing over endpoint after endpoint keeps only its newest few: one status change
    // must not become hundreds of outgoing requests.
    const endpoints = Array.from(
      { length: MAX_SUBSCRIPTIONS_PER_DEVICE + 2 },
      (_, i) => `https://push.example.com/${i}`,
    );
    for (const endpoint of endpoints) {
      expect(
        (
          await json(w.t.app, {
            method: 'POST',
            url: `/api/shops/${shop.slug}/push`,
            device: deviceB,
            payload: { ...good, endpoint },
          })
        ).statusCode,
      ).toBe(200);
    }
    expect((await rowsOf(w, deviceB)).map((r) => r.endpoint)).toEqual(endpoints.slice(2));
  });
});
