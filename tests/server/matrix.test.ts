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
    route: 'deliverySettings',
    expect: row(401, 401, 401, 200, 200, 200),
    request: () => ({ method: 'GET', url: '/api/shop/delivery' }),
    check: (res) => expect((res.json() as { map: { tileUrl: string } }).map.tileUrl).toContain('{z}'),
  },
  {
    route: 'updateDelivery',
    expect: row(401, 401, 401, 403, 200, 200),
    request: ({ actor }) => ({
      method: 'POST',
      url: '/api/shop/delivery',
      payload: {
        shopLocation: actor === 'owner2' ? { lat: 35.1, lng: 129 } : { lat: 37.5, lng: 127 },
        roadFactor: 1.3,
        tiers: [{ maxKm: 3, fee: 3000, minOrder: 0 }],
        polygons: [],
        freeAbove: null,
      },
    }),
    // Each owner changes their own shop only: the pin that comes back is the one they sent.
    check: (res, { actor }) =>
      expect((res.json() as { delivery: { shopLocation: { lat: number } } }).delivery.shopLocation.lat).toBe(
        actor === 'owner2' ? 35.1 : 37.5,
      ),
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
  // ——— menu editing: the owner's, each of their own shop (staff only mark sold out) ———
  {
    route: 'updateItem',
    label: 'name, shop 1 item',
    expect: row(401, 401, 401, 403, 200, 404),
    request: ({ w }) => ({
      method: 'PATCH',
      url: `/api/shop/items/${w.shop1.itemId}`,
      payload: { name: '멸치볶음' },
    }),
  },
  {
    route: 'uploadPhoto',
    label: 'shop 1 item',
    expect: row(401, 401, 401, 403, 200, 404),
    request: ({ w }) => ({
      method: 'POST',
      url: `/api/shop/items/${w.shop1.itemId}/photo`,
      payload: { contentType: 'image/jpeg', data: TINY_JPEG },
    }),
    check: (res) => expect((res.json() as { photoUrl: string }).photoUrl).toMatch(/^\/uploads\//),
  },
  {
    route: 'createCategory',
    expect: row(401, 401, 401, 403, 201, 201),
    request: ({ actor, n }) => ({
      method: 'POST',
      url: '/api/shop/categories',
      payload: { id: randomUUID(), name: `분류 ${actor} ${n}` },
    }),
  },
  {
    route: 'updateCategory',
    label: "shop 1's category",
    expect: row(401, 401, 401, 403, 200, 404),
    request: async ({ t, w }) => ({
      method: 'PATCH',
      url: `/api/shop/categories/${await categoryOf(t, w.shop1.itemId)}`,
      payload: { name: '반찬' },
    }),
  },
  {
    route: 'deleteCategory',
    label: 'an empty category of shop 1',
    expect: row(401, 401, 401, 403, 200, 404),
    request: async ({ t, w }) => {
      const id = randomUUID();
      await t.storage.query(`insert into menu_categories (id, shop_id, name) values ($1, $2, '빈 분류')`, [
        id,
        w.shop1.id,
      ]);
      return { method: 'DELETE', url: `/api/shop/categories/${id}` };
    },
  },
  {
    route: 'reorderCategories',
    label: "the actor's own shop's categories",
    expect: row(401, 401, 401, 403, 200, 200),
    request: async ({ t, actor }) => {
      const rows = await t.storage.query<{ id: string }>(
        `select c.id from menu_categories c join shops s on s.id = c.shop_id where s.slug = $1 order by c.position desc, c.name desc`,
        [shopOf(actor)],
      );
      return { method: 'POST', url: '/api/shop/categories/order', payload: { ids: rows.map((r) => r.id) } };
    },
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
  // Sales figures, CSV sources and the full backup: the owner's business, each of their own shop.
  {
    route: 'salesReport',
    expect: row(401, 401, 401, 403, 200, 200),
    request: () => ({
      method: 'POST',
      url: '/api/shop/sales',
      payload: { from: today(), to: today(), by: 'day' },
    }),
  },
  {
    route: 'salesDay',
    expect: row(401, 401, 401, 403, 200, 200),
    request: () => ({ method: 'POST', url: '/api/shop/sales/day', payload: { date: today() } }),
  },
  {
    route: 'salesOrders',
    expect: row(401, 401, 401, 403, 200, 200),
    request: () => ({
      method: 'POST',
      url: '/api/shop/sales/orders',
      payload: { from: today(), to: today() },
    }),
    // S13: the devices' orders (placed in shop 1 above) reach shop 1's owner only.
    check: (res, { actor }) => {
      const ids = (res.json() as { orders: { id: string }[] }).orders.map((o) => o.id);
      const devicesOrders = [...placedBy.values()].flat();
      expect(ids.filter((id) => devicesOrders.includes(id)).length > 0).toBe(actor === 'owner1');
    },
  },
  {
    route: 'shopBackup',
    expect: row(401, 401, 401, 403, 200, 200),
    request: () => ({ method: 'GET', url: '/api/shop/backup' }),
    check: (res, { actor }) => {
      const body = res.json() as { shop: { slug: string }; tables: { users: { username: string }[] } };
      expect(body.shop.slug).toBe(shopOf(actor));
      // Only this shop's people: shop 2's backup does not carry shop 1's staff member.
      expect(body.tables.users.some((u) => u.username === 'staff')).toBe(actor === 'owner1');
    },
  },
  // ——— gift vouchers (issue #7): the owner sells, shop devices accept, a phone sees only its own ———
  {
    route: 'issueVoucher',
    // Staff accept vouchers but do not sell them (vouchers.issue is the owner's).
    expect: row(401, 401, 401, 403, 201, 201),
    request: () => ({ method: 'POST', url: '/api/shop/vouchers', payload: issueBody() }),
    check: (res, { actor }) => {
      const v = res.json() as { id: string; token: string };
      expect(v.token).toMatch(/\./);
      issuedIn.set(shopOf(actor), [...(issuedIn.get(shopOf(actor)) ?? []), v.id]);
    },
  },
  {
    route: 'shopVouchers',
    expect: row(401, 401, 401, 200, 200, 200),
    request: () => ({ method: 'GET', url: '/api/shop/vouchers' }),
    // S13: each shop sees its own vouchers only, and never a private key.
    check: (res, { actor, w }) => {
      const body = res.json() as { shopId: string; publicKey: string; vouchers: { id: string }[] };
      expect(body.shopId).toBe(actor === 'owner2' ? w.shop2.id : w.shop1.id);
      expect(body.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(res.body).not.toMatch(/PRIVATE KEY/);
      expect(body.vouchers.length).toBeGreaterThan(0);
      const ofOther = actor === 'owner2' ? issuedIn.get('shop-one') : issuedIn.get('shop-two');
      expect(body.vouchers.filter((v) => ofOther?.includes(v.id))).toEqual([]);
    },
  },
  {
    route: 'requestVoucher',
    expect: row(401, 201, 201, 401, 401, 401),
    request: ({ w }) => ({
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/vouchers/request`,
      payload: { voucherId: randomUUID(), won: 30000, message: '', buyerName: '김단골' },
    }),
    check: (res, { actor, w }) => {
      const d = w.actors[actor].device!;
      requestedBy.set(d, [...(requestedBy.get(d) ?? []), (res.json() as { id: string }).id]);
    },
  },
  {
    route: 'myVouchers',
    expect: row(401, 200, 200, 401, 401, 401),
    request: ({ w }) => ({ method: 'GET', url: `/api/s/${w.shop1.slug}/vouchers` }),
    // S13: a phone lists exactly the vouchers it asked for, never another device's.
    check: (res, { actor, w }) => {
      const ids = (res.json() as { vouchers: { id: string }[] }).vouchers.map((v) => v.id);
      const mine = requestedBy.get(w.actors[actor].device!) ?? [];
      expect(mine.length).toBeGreaterThan(0);
      expect(ids.sort()).toEqual([...mine].sort());
    },
  },
  {
    route: 'confirmVoucher',
    // Another shop's voucher does not exist for owner 2.
    expect: row(401, 401, 401, 403, 200, 404),
    request: async ({ t, w }) => {
      const device = w.actors.deviceA.device!;
      const res = await json(t.app, {
        method: 'POST',
        url: `/api/s/${w.shop1.slug}/vouchers/request`,
        device,
        payload: { voucherId: randomUUID(), won: 10000, message: '', buyerName: '이손님' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const voucherId = (res.json() as { id: string }).id;
      requestedBy.set(device, [...(requestedBy.get(device) ?? []), voucherId]);
      return {
        method: 'POST',
        url: '/api/shop/vouchers/confirm',
        payload: { voucherId, paidBy: 'transfer' },
      };
    },
    check: (res) => expect((res.json() as { token: string | null }).token).toMatch(/\./),
  },
  {
    route: 'resolveVoucherConflict',
    label: 'an id that is no over-redemption',
    expect: row(401, 401, 401, 403, 404, 404),
    request: () => ({
      method: 'POST',
      url: '/api/shop/vouchers/resolve',
      payload: { redemptionId: randomUUID(), resolution: 'accept_loss' },
    }),
  },
  {
    route: 'voucherKey',
    expect: everyone(200),
    request: ({ w }) => ({ method: 'GET', url: `/api/shops/${w.shop1.slug}/voucher-key` }),
    check: (res, { w }) => expect((res.json() as { shopId: string }).shopId).toBe(w.shop1.id),
  },
  {
    route: 'voucherBalance',
    label: 'with a genuine token: whoever holds it',
    expect: everyone(200),
    request: async ({ t, w }) => ({
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/vouchers/balance`,
      payload: { token: await issuedToken(t, w.actors.owner1.cookie!) },
    }),
    check: (res) => expect((res.json() as { balance: number }).balance).toBe(30000),
  },
  {
    route: 'voucherBalance',
    label: "with shop 2's genuine token at shop 1: refused as not this shop's",
    expect: everyone(400),
    request: async ({ t, w }) => ({
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/vouchers/balance`,
      payload: { token: await issuedToken(t, w.actors.owner2.cookie!) },
    }),
    check: (res) => expect((res.json() as { code: string }).code).toBe('voucher_forged'),
  },
  {
    route: 'customerPush',
    label: 'redeemVoucher from a phone: refused and recorded (S5)',
    expect: row(401, 200, 200, 401, 401, 401),
    request: async ({ t, w }) => ({
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/push`,
      payload: redeemBody(await issuedVoucherId(t, w.actors.owner1.cookie!)),
    }),
    check: (res) =>
      expect((res.json() as { results: { status: string; code: string }[] }).results[0]).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
      }),
  },
  {
    route: 'shopPush',
    label: "redeemVoucher: staff and owner 1 redeem, owner 2 cannot touch shop 1's voucher",
    expect: row(401, 401, 401, 200, 200, 200),
    request: async ({ t, w }) => ({
      method: 'POST',
      url: '/api/shop/push',
      payload: redeemBody(await issuedVoucherId(t, w.actors.owner1.cookie!)),
    }),
    check: (res, { actor }) =>
      expect((res.json() as { results: { status: string; code?: string }[] }).results[0]).toEqual(
        actor === 'owner2'
          ? expect.objectContaining({ status: 'rejected', code: 'voucher_not_found' })
          : expect.objectContaining({ status: 'applied' }),
      ),
  },
  // Last: the pull rows above expect shop 1's menu as the world made it.
  {
    route: 'createItem',
    label: "in shop 1's category",
    // Another shop's category does not exist for owner 2.
    expect: row(401, 401, 401, 403, 201, 400),
    request: async ({ t, w }) => ({
      method: 'POST',
      url: '/api/shop/items',
      payload: {
        id: randomUUID(),
        categoryId: await categoryOf(t, w.shop1.itemId),
        name: '새 메뉴',
        price: 3000,
      },
    }),
    check: (res) => expect((res.json() as { name: string }).name).toBe('새 메뉴'),
  },
  {
    route: 'deleteItem',
    label: 'a shop 1 item made for each request',
    // Owner 2 cannot tell shop 1's item from no item at all.
    expect: row(401, 401, 401, 403, 200, 404),
    request: async ({ t, w }) => {
      const id = randomUUID();
      const made = await json(t.app, {
        method: 'POST',
        url: '/api/shop/items',
        cookie: w.actors.owner1.cookie!,
        payload: { id, categoryId: await categoryOf(t, w.shop1.itemId), name: '지울 메뉴', price: 1000 },
      });
      expect(made.statusCode, made.body).toBe(201);
      return { method: 'DELETE', url: `/api/shop/items/${id}` };
    },
    check: (res) => expect(res.json()).toEqual({ ok: true }),
  },
];

/** A browser's subscription keys (P-256 point, 16-byte secret), well-formed; nothing is sent to them here. */
const PUSH_KEYS = {
  p256dh: 'BMeV8CmExbqP7Bl6RXQ-kvCIm-XfgCBKrCbpYNRAjshzxsxoLwQvtR9hsGSKGxIQsfz0cFvRZkv5j0Crd4Adsz8',
  auth: '4zVjwCkSmAwBiyGe7vIQnQ',
};

/** The first bytes of a JPEG: the server sniffs the type, it does not decode the picture. */
const TINY_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString(
  'base64',
);

async function categoryOf(t: TestApp, itemId: string): Promise<string> {
  const [row] = await t.storage.query<{ category_id: string }>(
    'select category_id from menu_items where id = $1',
    [itemId],
  );
  return row!.category_id;
}

/** Orders each device placed through the matrix's push rows, to check what its pull may show. */
const placedBy = new Map<string, string[]>();
/** Vouchers each device asked for, and those issued in each shop (by slug). */
const requestedBy = new Map<string, string[]>();
const issuedIn = new Map<string, string[]>();

function issueBody() {
  return {
    voucherId: randomUUID(),
    won: 30000,
    itemId: null,
    expiresAt: new Date(Date.now() + 366 * 86_400_000).toISOString(),
    message: '생일 축하해',
    buyerName: '김단골',
    paidBy: 'cash',
  };
}

async function issue(t: TestApp, cookie: string): Promise<{ id: string; token: string }> {
  const res = await json(t.app, { method: 'POST', url: '/api/shop/vouchers', cookie, payload: issueBody() });
  expect(res.statusCode, res.body).toBe(201);
  const v = res.json() as { id: string; token: string };
  const me = await json(t.app, { method: 'GET', url: '/api/auth/me', cookie });
  const slug = (me.json() as { shop: { slug: string } }).shop.slug;
  issuedIn.set(slug, [...(issuedIn.get(slug) ?? []), v.id]);
  return v;
}
const issuedToken = async (t: TestApp, cookie: string) => (await issue(t, cookie)).token;
const issuedVoucherId = async (t: TestApp, cookie: string) => (await issue(t, cookie)).id;

function redeemBody(voucherId: string) {
  return {
    clientId: randomUUID(),
    mutations: [
      {
        mutationId: randomUUID(),
        seq: 1,
        name: 'redeemVoucher',
        args: {
          redemptionId: randomUUID(),
          voucherId,
          amount: 5000,
          orderId: null,
          at: new Date().toISOString(),
        },
      },
    ],
  };
}

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
          customerName: '김단골',
          customerPhone: '010-1234-5678',
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
