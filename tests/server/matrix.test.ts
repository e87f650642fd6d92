import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { routes, type RouteDef, type RouteName } from '../../src/protocol/routes';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, sessionCookie, startTestApp, type TestApp } from '../support/testApp';
import { today } from '../support/syncWorld';
import { inviteToken, makeWorld, PASSWORD, type ActorName, type World } from '../support/world';

afterAll(dropTestSchemas);

const ACTORS: ActorName[] = ['anonymous', 'deviceA', 'deviceB', 'staff1', 'owner1', 'owner2'];
type Expect = Record<ActorName, number>;
const row = (
  anonymous: number,
  deviceA: number,
  deviceB: number,
  staff1: number,
  owner1: number,
  owner2: number,
): Expect => ({
  anonymous,
  deviceA,
  deviceB,
  staff1,
  owner1,
  owner2,
});
const everyone = (s: number) => row(s, s, s, s, s, s);

interface Ctx {
  t: TestApp;
  w: World;
  actor: ActorName;
  n: number;
}

interface Case {
  route: RouteName;
  label?: string;
  expect: Expect;
  request(c: Ctx): Promise<InjectOptions> | InjectOptions;
  /** What a successful answer must (and must not) contain for this actor. */
  check?(res: LightMyRequestResponse, c: Ctx): void;
}

const shopOf = (actor: ActorName) => (actor === 'owner2' ? 'shop-two' : 'shop-one');

/**
 * Who may read and change what. Every route in the protocol table needs at least one row here;
 * the last test fails when a route is added without deciding who may call it.
 */
const CASES: Case[] = [
  { route: 'health', expect: everyone(200), request: () => ({ method: 'GET', url: '/healthz' }) },
  {
    route: 'signup',
    expect: everyone(201),
    request: ({ actor, n }) => ({
      method: 'POST',
      url: '/api/shops',
      payload: {
        shopName: '새 가게',
        slug: `new-${actor.toLowerCase()}-${n}`,
        username: 'owner',
        password: PASSWORD,
      },
    }),
  },
  {
    route: 'publicShop',
    expect: everyone(200),
    request: ({ w }) => ({ method: 'GET', url: `/api/shops/${w.shop1.slug}` }),
    check: (res) => {
      const body = res.json() as { items: { name: string }[] };
      expect(body.items.map((i) => i.name)).toEqual(['멸치볶음']);
      // The public menu never carries account or internal data.
      expect(res.body).not.toMatch(/password|owner|version|shop_id/);
    },
  },
  {
    route: 'login',
    expect: everyone(200),
    request: () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { slug: 'shop-one', username: 'owner', password: PASSWORD },
    }),
  },
  {
    route: 'logout',
    expect: row(401, 401, 401, 200, 200, 200),
    // A fresh session per call, so logging out here does not sign the actor out of later rows.
    request: async ({ t, actor }) => ({
      method: 'POST',
      url: '/api/auth/logout',
      payload: {},
      headers: await freshSession(t, actor),
    }),
  },
  {
    route: 'me',
    expect: row(401, 401, 401, 200, 200, 200),
    request: () => ({ method: 'GET', url: '/api/auth/me' }),
    check: (res, { actor }) =>
      expect((res.json() as { shop: { slug: string } }).shop.slug).toBe(shopOf(actor)),
  },
  {
    route: 'changePassword',
    expect: row(401, 401, 401, 200, 200, 200),
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
  },
  {
    route: 'settings',
    expect: row(401, 401, 401, 200, 200, 200),
    request: () => ({ method: 'GET', url: '/api/shop/settings' }),
    check: (res, { actor }) => expect((res.json() as { slug: string }).slug).toBe(shopOf(actor)),
  },
  {
    route: 'updateSettings',
    expect: row(401, 401, 401, 403, 200, 200),
    request: ({ actor }) => ({
      method: 'PATCH',
      url: '/api/shop/settings',
      payload: { notice: `notice by ${actor}` },
    }),
    check: (res, { actor }) => expect((res.json() as { slug: string }).slug).toBe(shopOf(actor)),
  },
  {
    route: 'updateItem',
    label: 'sold out, shop 1 item',
    expect: row(401, 401, 401, 200, 200, 404),
    request: ({ w }) => ({
      method: 'PATCH',
      url: `/api/shop/items/${w.shop1.itemId}`,
      payload: { soldOutUntil: null },
    }),
  },
  {
    route: 'updateItem',
    label: 'price, shop 1 item',
    expect: row(401, 401, 401, 403, 200, 404),
    request: ({ w }) => ({
      method: 'PATCH',
      url: `/api/shop/items/${w.shop1.itemId}`,
      payload: { price: 5000 },
    }),
  },
  {
    route: 'staffList',
    expect: row(401, 401, 401, 403, 200, 200),
    request: () => ({ method: 'GET', url: '/api/shop/staff' }),
    check: (res, { actor }) => {
      const names = (res.json() as { staff: { username: string }[] }).staff.map((s) => s.username);
      expect(names.includes('staff')).toBe(actor === 'owner1');
    },
  },
  {
    route: 'createInvite',
    expect: row(401, 401, 401, 403, 200, 200),
    request: () => ({ method: 'POST', url: '/api/shop/invites', payload: {} }),
  },
  {
    route: 'removeStaff',
    label: 'a staff member of shop 1',
    expect: row(401, 401, 401, 403, 200, 404),
    request: async ({ t, w, n }) => ({
      method: 'DELETE',
      url: `/api/shop/staff/${await newStaffOfShop1(t, w, n)}`,
    }),
  },
  {
    route: 'inspectInvite',
    expect: everyone(200),
    request: async ({ t, w }) => ({
      method: 'POST',
      url: '/api/invites/inspect',
      payload: { token: await inviteToken(t, w.actors.owner1.cookie!) },
    }),
  },
  {
    route: 'acceptInvite',
    expect: everyone(201),
    request: async ({ t, w, actor, n }) => ({
      method: 'POST',
      url: '/api/invites/accept',
      payload: {
        token: await inviteToken(t, w.actors.owner1.cookie!),
        username: `joiner-${actor.toLowerCase()}-${n}`,
        password: PASSWORD,
      },
    }),
  },
  {
    route: 'registerDevice',
    expect: everyone(201),
    request: () => ({ method: 'POST', url: '/api/devices', payload: {} }),
  },
  {
    route: 'device',
    expect: row(401, 200, 200, 401, 401, 401),
    request: () => ({ method: 'GET', url: '/api/devices/me' }),
    check: (res, { w, actor }) =>
      expect((res.json() as { deviceId: string }).deviceId).toBe(w.actors[actor].device!.split('.')[0]),
  },
  {
    route: 'customerPush',
    expect: row(401, 200, 200, 401, 401, 401),
    request: ({ w }) => ({
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/push`,
      payload: pushBody(w.shop1.itemId),
    }),
    check: (res) =>
      expect((res.json() as { results: { status: string }[] }).results[0]?.status).toBe('applied'),
  },
  {
    route: 'customerPull',
    expect: row(401, 200, 200, 401, 401, 401),
    request: ({ w }) => ({
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/pull`,
      payload: { clientId: randomUUID(), cursor: 0 },
    }),
    // S13: a device pulls exactly its own orders (each device placed one in the push row above).
    check: (res, { actor, w }) => {
      const orders = (res.json() as { orders: { id: string }[] }).orders.map((o) => o.id);
      const mine = placedBy.get(w.actors[actor].device!) ?? [];
      expect(mine.length).toBeGreaterThan(0);
      expect(orders.sort()).toEqual([...mine].sort());
    },
  },
  {
    // Anyone may ask, but only the link's secret opens an order; a guess answers like a missing order.
    route: 'sharedOrder',
    expect: everyone(404),
    request: ({ w }) => ({
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/shared-order`,
      payload: { orderId: randomUUID(), secret: 'b'.repeat(43) },
    }),
    check: (res) => expect((res.json() as { code: string }).code).toBe('share_link_invalid'),
  },
  {
    route: 'customerStream',
    expect: row(401, 200, 200, 401, 401, 401),
    request: ({ w }) => ({ method: 'GET', url: `/api/s/${w.shop1.slug}/stream` }),
  },
  {
    route: 'shopPush',
    expect: row(401, 401, 401, 200, 200, 200),
    request: ({ w }) => ({ method: 'POST', url: '/api/shop/push', payload: pushBody(w.shop1.itemId) }),
  },
  {
    route: 'shopPull',
    expect: row(401, 401, 401, 200, 200, 200),
    request: () => ({
      method: 'POST',
      url: '/api/shop/pull',
      payload: { clientId: randomUUID(), cursor: 0 },
    }),
    // S13: a shop sees all of its own orders and never another shop's rows.
    check: (res, { actor, w }) => {
      const body = res.json() as { items: { id: string }[]; orders: { id: string }[] };
      expect(body.items.map((i) => i.id)).toEqual([actor === 'owner2' ? w.shop2.itemId : w.shop1.itemId]);
      const devicesOrders = [...placedBy.values()].flat();
      if (actor === 'owner2') expect(body.orders.filter((o) => devicesOrders.includes(o.id))).toEqual([]);
      else expect(body.orders.map((o) => o.id)).toEqual(expect.arrayContaining(devicesOrders));
    },
  },
  {
    route: 'shopStream',
    expect: row(401, 401, 401, 200, 200, 200),
    request: () => ({ method: 'GET', url: '/api/shop/stream' }),
  },
  {
    route: 'pushKey',
    expect: everyone(200),
    request: () => ({ method: 'GET', url: '/api/push/key' }),
    check: (res) => expect((res.json() as { publicKey: string }).publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/),
  },
  {
    route: 'pushSubscribe',
    expect: row(401, 200, 200, 401, 401, 401),
    request: ({ w, actor, n }) => ({
      method: 'POST',
      url: `/api/shops/${w.shop1.slug}/push`,
      payload: { endpoint: `https://push.example.com/${actor}-${n}`, ...PUSH_KEYS, lang: 'ko' },
    }),
  },
  {
    route: 'pushUnsubscribe',
    expect: row(401, 200, 200, 401, 401, 401),
    request: ({ w, actor }) => ({
      method: 'POST',
      url: `/api/shops/${w.shop1.slug}/push/unsubscribe`,
      payload: { endpoint: `https://push.example.com/${actor}` },
    }),
  },
];

/** A browser's subscription keys (P-256 point, 16-byte secret), well-formed; nothing is sent to them here. */
const PUSH_KEYS = {
  p256dh: 'BMeV8CmExbqP7Bl6RXQ-kvCIm-XfgCBKrCbpYNRAjshzxsxoLwQvtR9hsGSKGxIQsfz0cFvRZkv5j0Crd4Adsz8',
  auth: '4zVjwCkSmAwBiyGe7vIQnQ',
};

/** Orders each device placed through the matrix's push rows, to check what its pull may show. */
const placedBy = new Map<string, string[]>();

function pushBody(itemId: string) {
  return {
    clientId: randomUUID(),
    mutations: [
      {
        mutationId: randomUUID(),
        seq: 1,
        name: 'placeOrder',
        args: {
          orderId: randomUUID(),
          lines: [{ itemId, quantity: 1, optionIds: [] }],
          fulfilment: 'pickup',
          date: today(),
          slot: null,
          customerName: '',
          customerPhone: '',
          address: '',
          note: '',
        },
      },
    ],
  };
}

/** A stream never ends: read its status and first event over real HTTP, then hang up. */
async function streamHead(base: string, path: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(base + path, { headers, signal: controller.signal });
  if (!res.ok) return { status: res.status, first: '', body: await res.text() };
  const reader = res.body!.getReader();
  let first = '';
  while (!first.includes('data:')) first += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  return { status: res.status, first, body: '' };
}

async function freshSession(t: TestApp, actor: ActorName): Promise<Record<string, string>> {
  const who = { staff1: ['shop-one', 'staff'], owner1: ['shop-one', 'owner'], owner2: ['shop-two', 'owner'] }[
    actor as string
  ];
  if (!who) return {};
  const res = await json(t.app, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { slug: who[0], username: who[1], password: PASSWORD },
  });
  return { cookie: sessionCookie(res) };
}

async function newStaffOfShop1(t: TestApp, w: World, n: number): Promise<string> {
  const token = await inviteToken(t, w.actors.owner1.cookie!);
  const res = await json(t.app, {
    method: 'POST',
    url: '/api/invites/accept',
    payload: { token, username: `victim-${n}`, password: PASSWORD },
  });
  return (res.json() as { user: { id: string } }).user.id;
}

describe.each(drivers)('route × role matrix on $name', (driver) => {
  let t: TestApp;
  let w: World;
  let n = 0;
  let base = '';
  beforeAll(async () => {
    t = await startTestApp(driver);
    w = await makeWorld(t);
    placedBy.clear();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  for (const c of CASES) {
    it.each(ACTORS)(`${c.route}${c.label ? ` (${c.label})` : ''} as %s`, async (actor) => {
      const ctx: Ctx = { t, w, actor, n: n++ };
      const req = await c.request(ctx);
      const { cookie, device } = w.actors[actor];
      const headers = { ...(req.headers as Record<string, string>) };
      if ((routes[c.route] as RouteDef).stream) {
        const h: Record<string, string> = { ...headers };
        if (cookie) h.cookie = cookie;
        if (device) h['x-dangol-device'] = device;
        const head = await streamHead(base, req.url as string, h);
        expect(head.status, `${actor} → ${head.body}`).toBe(c.expect[actor]);
        if (head.status === 200)
          expect(head.first).toMatch(/^retry: \d+[\s\S]*id: \d+\ndata: \{"version":\d+\}/);
        else expect(JSON.parse(head.body)).toEqual({ code: expect.any(String), message: expect.any(String) });
        return;
      }
      const res = await json(t.app, { ...req, headers, cookie: headers.cookie ?? cookie, device });
      if (c.route === 'customerPush' && res.statusCode === 200) {
        const r = (res.json() as { results: { status: string; order?: { id: string } }[] }).results[0]!;
        if (r.order) placedBy.set(device!, [...(placedBy.get(device!) ?? []), r.order.id]);
      }
      expect(res.statusCode, `${actor} → ${res.body}`).toBe(c.expect[actor]);
      if (res.statusCode >= 400) {
        expect(res.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
      } else {
        // Every success matches the protocol's response schema.
        expect(routes[c.route].response.safeParse(res.json()).success, res.body).toBe(true);
        c.check?.(res, ctx);
      }
    });
  }

  it('has a row for every route of the protocol table and the server registers no other', () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect(Object.keys(routes).filter((r) => !covered.has(r as RouteName))).toEqual([]);
    const declared = new Set(Object.values(routes).map((r) => `${r.method} ${r.path}`));
    const served = t.registered
      .filter((r) => r.url.startsWith('/api') || r.url === '/healthz')
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(served.filter((r) => !declared.has(r))).toEqual([]);
    expect([...declared].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('each owner changed only their own shop', async () => {
    const rows = await t.storage.query<{ slug: string; notice: string }>(
      `select slug, notice from shops where slug in ('shop-one', 'shop-two') order by slug`,
    );
    expect(rows).toEqual([
      { slug: 'shop-one', notice: 'notice by owner1' },
      { slug: 'shop-two', notice: 'notice by owner2' },
    ]);
  });
});
