import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { FastifyInstance } from 'fastify';
import { openClientDb, type ClientDb } from '../../src/client/db';
import { enqueue } from '../../src/client/outbox';
import { SyncEngine, type Transport } from '../../src/client/syncEngine';
import { addDays } from '../../src/domain/schedule';
import { shopLocalDate } from '../../src/domain/hours';
import type { MutationArgs } from '../../src/protocol/sync';
import { hashPassword } from '../../src/server/auth/passwords';
import { createShopWithOwner } from '../../src/server/shops/create';
import type { TestDriver } from './drivers';
import { errorCodeOf } from './httpTransport';
import { json, sessionCookie, startTestApp, TEST_PASSWORD_LOGN, type TestApp } from './testApp';

/** A shop open around the clock, so tests never depend on the time of day they run. */
export const ALWAYS_OPEN = Array.from({ length: 7 }, () => [
  { open: '00:00', close: '12:00' },
  { open: '12:00', close: '00:00' },
]);

export interface SyncShop {
  id: string;
  slug: string;
  items: { plain: string; sized: string; limited: string };
  ownerCookie: string;
}

let passwordHash: Promise<string> | undefined;

/** A shop with three items: plain (₩5,000), sized (₩12,000, size +₩7,000 required), limited (quota 3). */
export async function makeSyncShop(
  t: TestApp,
  slug = `shop-${randomUUID().slice(0, 8)}`,
  slotCapacity = 10,
): Promise<SyncShop> {
  passwordHash ??= hashPassword('owner password', TEST_PASSWORD_LOGN);
  const hash = await passwordHash;
  const items = { plain: randomUUID(), sized: randomUUID(), limited: randomUUID() };
  const id = await t.storage.transaction(async (tx) => {
    const { shopId } = await createShopWithOwner(tx, {
      name: `반찬 ${slug}`,
      slug,
      username: 'owner',
      passwordHash: hash,
      hours: ALWAYS_OPEN as never,
    });
    await tx.query('update shops set slot_capacity = $2, lead_minutes = 0 where id = $1', [
      shopId,
      slotCapacity,
    ]);
    const cat = randomUUID();
    await tx.query(`insert into menu_categories (id, shop_id, name) values ($1, $2, '반찬')`, [cat, shopId]);
    const size = JSON.stringify([
      {
        id: 'size',
        name: '용량',
        minChoices: 1,
        maxChoices: 1,
        options: [
          { id: 's', name: '300g', priceDelta: 0 },
          { id: 'l', name: '500g', priceDelta: 7000 },
        ],
      },
    ]);
    await tx.query(
      `insert into menu_items (id, shop_id, category_id, name, price) values ($1, $2, $3, '멸치볶음', 5000)`,
      [items.plain, shopId, cat],
    );
    await tx.query(
      `insert into menu_items (id, shop_id, category_id, name, price, option_groups) values ($1, $2, $3, '불고기', 12000, $4)`,
      [items.sized, shopId, cat, size],
    );
    await tx.query(
      `insert into menu_items (id, shop_id, category_id, name, price, daily_quota) values ($1, $2, $3, '갈비찜', 18000, 3)`,
      [items.limited, shopId, cat],
    );
    return shopId;
  });
  const login = await json(t.app, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { slug, username: 'owner', password: 'owner password' },
  });
  return { id, slug, items, ownerCookie: sessionCookie(login) };
}

/** Calls the real routes in-process; a non-2xx answer throws, as the HTTP client would. */
export function injectTransport(
  app: FastifyInstance,
  who: { device: string; slug: string } | { cookie: string },
): Transport {
  const base = 'device' in who ? `/api/s/${who.slug}` : '/api/shop';
  const headers = 'device' in who ? { 'x-dangol-device': who.device } : { cookie: who.cookie };
  const send = async (path: string, body: unknown) => {
    const res = await json(app, { method: 'POST', url: `${base}/${path}`, headers, payload: body as object });
    if (res.statusCode !== 200)
      throw Object.assign(new Error(`${path} ${res.statusCode} ${res.body}`), {
        status: res.statusCode,
        code: errorCodeOf(res.body),
      });
    return res.json();
  };
  return { push: (body) => send('push', body), pull: (body) => send('pull', body) };
}

export async function newDevice(app: FastifyInstance): Promise<string> {
  const res = await json(app, { method: 'POST', url: '/api/devices', payload: {} });
  return (res.json() as { token: string }).token;
}

/** A device's own database, in its own fake IndexedDB: separate "browsers" share nothing. */
export function freshDb(name = 'dangol'): ClientDb {
  return openClientDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export interface Device {
  db: ClientDb;
  engine: SyncEngine;
  transport: Transport;
}

export function device(db: ClientDb, transport: Transport, acknowledgeReceipt = false): Device {
  return { db, transport, engine: new SyncEngine(db, transport, acknowledgeReceipt) };
}

export function today(): string {
  return shopLocalDate(new Date(), 'Asia/Seoul');
}

export function orderArgs(
  itemId: string,
  extra: Partial<MutationArgs<'placeOrder'>> = {},
): MutationArgs<'placeOrder'> {
  // Spelled out in full (payment too): the dedupe hash covers the parsed arguments.
  return {
    orderId: randomUUID(),
    lines: [{ itemId, quantity: 1, optionIds: [] }],
    fulfilment: 'pickup',
    date: today(),
    slot: null,
    customerName: '김단골',
    customerPhone: '010-1234-5678',
    address: '',
    note: '',
    payment: 'at_pickup',
    ...extra,
  };
}

export function tomorrowSlot(): Pick<MutationArgs<'placeOrder'>, 'date' | 'slot'> {
  return { date: addDays(today(), 1), slot: '10:00' };
}

export const place = (d: Device, args: MutationArgs<'placeOrder'>) => enqueue(d.db, 'placeOrder', args);

export async function startSyncApp(driver: TestDriver) {
  return startTestApp(driver);
}
