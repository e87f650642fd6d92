import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ALWAYS_OPEN } from './syncWorld';
import type { TestApp } from './testApp';
import { json, sessionCookie } from './testApp';

export const PASSWORD = 'correct horse battery';

export interface Actor {
  cookie?: string;
  device?: string;
}

export interface World {
  shop1: { id: string; slug: string; itemId: string; ownerId: string; staffId: string };
  shop2: { id: string; slug: string; itemId: string; ownerId: string };
  actors: {
    anonymous: Actor;
    deviceA: Actor;
    deviceB: Actor;
    staff1: Actor;
    owner1: Actor;
    owner2: Actor;
  };
}

export type ActorName = keyof World['actors'];

async function signup(t: TestApp, slug: string) {
  const res = await json(t.app, {
    method: 'POST',
    url: '/api/shops',
    payload: { shopName: `가게 ${slug}`, slug, username: 'owner', password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(201);
  const me = res.json() as { user: { id: string }; shop: { id: string } };
  // Open around the clock with no lead time, so orders placed in tests never depend on the hour.
  await t.storage.query('update shops set hours = $2, lead_minutes = 0 where id = $1', [
    me.shop.id,
    JSON.stringify(ALWAYS_OPEN),
  ]);
  const itemId = randomUUID();
  const categoryId = randomUUID();
  await t.storage.query('insert into menu_categories (id, shop_id, name) values ($1, $2, $3)', [
    categoryId,
    me.shop.id,
    '반찬',
  ]);
  await t.storage.query(
    `insert into menu_items (id, shop_id, category_id, name, price) values ($1, $2, $3, '멸치볶음', 5000)`,
    [itemId, me.shop.id, categoryId],
  );
  return { id: me.shop.id, slug, itemId, ownerId: me.user.id, cookie: sessionCookie(res) };
}

async function device(t: TestApp): Promise<string> {
  const res = await json(t.app, { method: 'POST', url: '/api/devices', payload: {} });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string }).token;
}

export async function inviteToken(t: TestApp, ownerCookie: string): Promise<string> {
  const res = await json(t.app, {
    method: 'POST',
    url: '/api/shop/invites',
    cookie: ownerCookie,
    payload: {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { url: string }).url.split('#')[1]!;
}

/** Two shops, an owner each, a staff member of shop 1 and two customer devices, all made through the API. */
export async function makeWorld(t: TestApp): Promise<World> {
  const s1 = await signup(t, 'shop-one');
  const s2 = await signup(t, 'shop-two');
  const token = await inviteToken(t, s1.cookie);
  const accepted = await json(t.app, {
    method: 'POST',
    url: '/api/invites/accept',
    payload: { token, username: 'staff', password: PASSWORD },
  });
  expect(accepted.statusCode, accepted.body).toBe(201);
  const staffId = (accepted.json() as { user: { id: string } }).user.id;
  return {
    shop1: { id: s1.id, slug: s1.slug, itemId: s1.itemId, ownerId: s1.ownerId, staffId },
    shop2: { id: s2.id, slug: s2.slug, itemId: s2.itemId, ownerId: s2.ownerId },
    actors: {
      anonymous: {},
      deviceA: { device: await device(t) },
      deviceB: { device: await device(t) },
      staff1: { cookie: sessionCookie(accepted) },
      owner1: { cookie: s1.cookie },
      owner2: { cookie: s2.cookie },
    },
  };
}

/**
 * A fingerprint of everything a request could wrongly change. Rate-limit counters are left out:
 * counting a refused attempt is their job.
 */
export async function snapshot(t: TestApp): Promise<string> {
  const tables = [
    'shops',
    'users',
    'sessions',
    'invites',
    'devices',
    'menu_categories',
    'menu_items',
    'orders',
    'sync_clients',
    'mutations',
    'messages',
    'vouchers',
    'voucher_redemptions',
    'push_subscriptions',
    'menu_photos',
    'shop_slugs',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await t.storage.query<{ h: string | null }>(
      `select md5(string_agg(x::text, '|' order by x::text)) as h from ${table} x`,
    );
    parts.push(`${table}:${row?.h ?? 'empty'}`);
  }
  return parts.join(',');
}
