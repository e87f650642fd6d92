import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/client/outbox';
import type { MenuItem } from '../../src/domain/catalogue';
import { MAX_PHOTO_BYTES } from '../../src/domain/menuEdit';
import type { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import type { PokeEvent } from '../../src/server/sync/pokeHub';
import { drivers, dropTestSchemas } from '../support/drivers';
import { device, freshDb, injectTransport, newDevice, orderArgs, today } from '../support/syncWorld';
import { json, startTestAppWithHub, type TestApp } from '../support/testApp';
import { makeWorld, type World } from '../support/world';

afterAll(dropTestSchemas);

/** A JPEG as far as its first bytes go (the server sniffs; it does not decode), padded to `size`. */
function jpeg(size = 2048): Buffer {
  const b = Buffer.alloc(size, 0x11);
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return b;
}
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe.each(drivers)('menu editor and sold out on $name', (driver) => {
  let t: TestApp & { hub: LocalPokeHub };
  let w: World;
  let categoryId: string;
  beforeAll(async () => {
    t = await startTestAppWithHub(driver);
    w = await makeWorld(t);
    const [row] = await t.storage.query<{ category_id: string }>(
      'select category_id from menu_items where id = $1',
      [w.shop1.itemId],
    );
    categoryId = row!.category_id;
  });
  afterAll(() => t.close());

  const owner = () => w.actors.owner1.cookie!;
  const staff = () => w.actors.staff1.cookie!;
  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    json(t.app, { method, url, cookie, ...(payload ? { payload } : {}) });
  const publicItem = async (id = w.shop1.itemId) => {
    const res = await json(t.app, { method: 'GET', url: `/api/shops/${w.shop1.slug}` });
    return (res.json() as { items: MenuItem[] }).items.find((i) => i.id === id)!;
  };
  const shopVersion = async () =>
    (await t.storage.query<{ version: number }>('select version from shops where id = $1', [w.shop1.id]))[0]!
      .version;
  const pushAs = (cookie: string, clientId: string, mutations: object[]) =>
    json(t.app, { method: 'POST', url: '/api/shop/push', cookie, payload: { clientId, mutations } });
  /** A phone's order pushed on its own: the server's answer to it. */
  const placeAs = async (phone: string, args: ReturnType<typeof orderArgs>) => {
    const res = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/push`,
      device: phone,
      payload: {
        clientId: randomUUID(),
        mutations: [{ mutationId: randomUUID(), seq: 1, name: 'placeOrder', args }],
      },
    });
    return (res.json() as { results: { status: string; code?: string }[] }).results[0]!;
  };
  const newItem = (extra: object = {}) => ({
    id: randomUUID(),
    categoryId,
    name: '계란말이',
    price: 4000,
    ...extra,
  });

  it('staff may mark sold out but not change a price, a name or add items: 403 owner_only', async () => {
    const soldOut = await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, staff(), {
      soldOutUntil: today(),
    });
    expect(soldOut.statusCode, soldOut.body).toBe(200);
    for (const payload of [{ price: 1 }, { name: '남의 메뉴' }, { soldOutUntil: null, price: 1 }]) {
      const res = await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, staff(), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(403);
      expect(res.json()).toMatchObject({ code: 'owner_only', message: expect.any(String) });
    }
    const created = await req('POST', '/api/shop/items', staff(), newItem());
    expect(created.statusCode).toBe(403);
    expect((created.json() as { code: string }).code).toBe('owner_only');
    const photo = await req('POST', `/api/shop/items/${w.shop1.itemId}/photo`, staff(), {
      contentType: 'image/jpeg',
      data: jpeg().toString('base64'),
    });
    expect(photo.statusCode).toBe(403);
    expect((await publicItem()).price).toBe(5000);
    await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, owner(), { soldOutUntil: null });
  });

  it('S5: staff send setSoldOut; customers may not; a replay is idempotent; the customers see it (S8)', async () => {
    const pokes: PokeEvent[] = [];
    const stop = t.hub.subscribe(w.shop1.id, (e) => pokes.push(e));
    const clientId = randomUUID();
    const m = {
      mutationId: randomUUID(),
      seq: 1,
      name: 'setSoldOut',
      args: { itemId: w.shop1.itemId, until: today() },
    };
    const first = await pushAs(staff(), clientId, [m]);
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as { results: { status: string }[] }).results[0]!.status).toBe('applied');
    expect(pokes.some((p) => p.public)).toBe(true);
    expect((await publicItem()).soldOutUntil).toBe(today());
    // A customer's pull carries the item too (it took the shop's new version).
    const phone = await newDevice(t.app);
    const pulled = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/pull`,
      device: phone,
      payload: { clientId: randomUUID(), cursor: (await shopVersion()) - 1 },
    });
    expect((pulled.json() as { items: MenuItem[] }).items.map((i) => [i.id, i.soldOutUntil])).toEqual([
      [w.shop1.itemId, today()],
    ]);

    // S4: the same mutation again (the tablet never heard the answer) changes nothing more.
    await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, owner(), { soldOutUntil: null });
    const before = await shopVersion();
    const replay = await pushAs(staff(), clientId, [m]);
    expect((replay.json() as { results: { status: string }[] }).results[0]!.status).toBe('applied');
    expect(await shopVersion()).toBe(before);
    expect((await publicItem()).soldOutUntil).toBeNull();
    const [{ n } = { n: 0 }] = await t.storage.query<{ n: number }>(
      `select count(*)::int as n from mutations where client_id = $1`,
      [clientId],
    );
    expect(n).toBe(1);

    // A phone cannot mark anything sold out; another shop's item is as good as missing (S13).
    const customer = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/push`,
      device: phone,
      payload: { clientId: randomUUID(), mutations: [{ ...m, mutationId: randomUUID() }] },
    });
    expect((customer.json() as { results: { code: string }[] }).results[0]!.code).toBe('forbidden');
    const other = await pushAs(w.actors.owner2.cookie!, randomUUID(), [
      { ...m, mutationId: randomUUID(), args: { itemId: w.shop1.itemId, until: null } },
    ]);
    expect((other.json() as { results: { code: string }[] }).results[0]!.code).toBe('unknown_item');
    expect((await publicItem()).soldOutUntil).toBeNull();
    stop();
  });

  it('S2/S7: a tablet marks sold out offline, a stale pull does not undo it, and it lands once', async () => {
    const tablet = device(freshDb(`menu-${randomUUID()}`), injectTransport(t.app, { cookie: staff() }));
    await tablet.engine.syncOnce();
    const until = today();
    // Offline: only the outbox and the tablet's own copy change.
    await enqueue(tablet.db, 'setSoldOut', { itemId: w.shop1.itemId, until });
    expect((await tablet.db.items.get(w.shop1.itemId))?.soldOutUntil).toBe(until);
    expect((await publicItem()).soldOutUntil).toBeNull();
    // Another change to the item arrives by pull before the tablet pushed: the sold-out stays on top.
    await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, owner(), { description: '국산 멸치' });
    await tablet.engine.pullAll();
    const shown = await tablet.db.items.get(w.shop1.itemId);
    expect([shown?.description, shown?.soldOutUntil]).toEqual(['국산 멸치', until]);
    // Back online: it reaches the server, and the outbox empties.
    await tablet.engine.syncOnce();
    expect((await publicItem()).soldOutUntil).toBe(until);
    expect(await tablet.db.outbox.count()).toBe(0);
    await tablet.engine.syncOnce();
    const [{ n } = { n: 0 }] = await t.storage.query<{ n: number }>(
      `select count(*)::int as n from mutations where name = 'setSoldOut' and shop_id = $1 and args_hash is not null`,
      [w.shop1.id],
    );
    expect(n).toBeGreaterThanOrEqual(1);
    await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, owner(), { soldOutUntil: null });
    tablet.db.close();
  });

  it('the owner adds and edits an item; bad input is a 4xx with a code and writes nothing', async () => {
    const input = newItem({
      optionGroups: [
        {
          id: 'size',
          name: '크기',
          minChoices: 1,
          maxChoices: 1,
          options: [
            { id: 'small', name: '소', priceDelta: 0 },
            { id: 'large', name: '대', priceDelta: 2000 },
          ],
        },
      ],
      dailyQuota: 20,
      leadDays: 1,
      orderCutoff: '18:00',
    });
    const created = await req('POST', '/api/shop/items', owner(), input);
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json() as MenuItem;
    expect(item).toMatchObject({
      name: '계란말이',
      price: 4000,
      dailyQuota: 20,
      leadDays: 1,
      orderCutoff: '18:00',
    });
    // S1: the same id again returns the first, not a second item.
    const again = await req('POST', '/api/shop/items', owner(), { ...input, name: '다른 이름' });
    expect(again.statusCode).toBe(200);
    expect((again.json() as MenuItem).name).toBe('계란말이');
    expect(await publicItem(item.id)).toMatchObject({ name: '계란말이' });

    const edited = await req('PATCH', `/api/shop/items/${item.id}`, owner(), {
      name: '계란말이 (대)',
      description: '',
      dailyQuota: null,
      position: 3,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: '계란말이 (대)',
      dailyQuota: null,
      position: 3,
      price: 4000,
    });

    const count = async () =>
      (await t.storage.query<{ n: number }>('select count(*)::int as n from menu_items'))[0]!.n;
    const before = await count();
    const bad: [object, number, string][] = [
      [newItem({ price: -1 }), 400, 'invalid_input'],
      [newItem({ name: '   ' }), 400, 'invalid_input'],
      [newItem({ categoryId: randomUUID() }), 400, 'category_not_found'],
      [
        newItem({
          optionGroups: [
            {
              id: 'g',
              name: '맛',
              minChoices: 2,
              maxChoices: 2,
              options: [{ id: 'a', name: 'a', priceDelta: 0 }],
            },
          ],
        }),
        400,
        'option_group_invalid',
      ],
      [newItem({ orderCutoff: '25:00' }), 400, 'invalid_input'],
    ];
    for (const [payload, status, code] of bad) {
      const res = await req('POST', '/api/shop/items', owner(), payload);
      expect([res.statusCode, (res.json() as { code: string }).code], JSON.stringify(payload)).toEqual([
        status,
        code,
      ]);
    }
    expect(await count()).toBe(before);
    const missing = await req('PATCH', `/api/shop/items/${randomUUID()}`, owner(), { price: 100 });
    expect(missing.statusCode).toBe(404);
    // Another shop's owner cannot touch this shop's item: it does not exist for them.
    const foreign = await req('PATCH', `/api/shop/items/${item.id}`, w.actors.owner2.cookie!, { price: 1 });
    expect(foreign.statusCode).toBe(404);
  });

  it('a price change applies to new orders only; orders already placed keep their price', async () => {
    const phone = await newDevice(t.app);
    const place = async () => {
      const args = orderArgs(w.shop1.itemId);
      expect((await placeAs(phone, args)).status).toBe('applied');
      return args.orderId;
    };
    const totalOf = async (id: string) =>
      (await t.storage.query<{ total: number }>('select total from orders where id = $1', [id]))[0]!.total;
    const old = await place();
    const priced = await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, owner(), { price: 6500 });
    expect(priced.statusCode, priced.body).toBe(200);
    const fresh = await place();
    expect([await totalOf(old), await totalOf(fresh)]).toEqual([5000, 6500]);
    await req('PATCH', `/api/shop/items/${w.shop1.itemId}`, owner(), { price: 5000 });
  });

  it('the owner deletes an item: gone from the menu, its photo and every device at the next pull; orders keep their lines; a new order for it is refused', async () => {
    const created = await req('POST', '/api/shop/items', owner(), newItem({ name: '단종 반찬' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as MenuItem).id;
    const photo = await req('POST', `/api/shop/items/${id}/photo`, owner(), {
      contentType: 'image/jpeg',
      data: jpeg(1000).toString('base64'),
    });
    const photoUrl = (photo.json() as MenuItem).photoUrl!;
    const phone = await newDevice(t.app);
    const customer = device(freshDb(), injectTransport(t.app, { device: phone, slug: w.shop1.slug }));
    const tablet = device(freshDb(), injectTransport(t.app, { cookie: owner() }));
    const ordered = orderArgs(id);
    await enqueue(customer.db, 'placeOrder', ordered);
    await customer.engine.syncOnce();
    await tablet.engine.syncOnce();
    expect(await tablet.db.items.get(id)).toBeDefined();
    expect(await customer.db.items.get(id)).toBeDefined();

    // Only the owner; another shop's item looks like no item at all.
    const byStaff = await req('DELETE', `/api/shop/items/${id}`, staff());
    expect([byStaff.statusCode, (byStaff.json() as { code: string }).code]).toEqual([403, 'owner_only']);
    const byOther = await req('DELETE', `/api/shop/items/${id}`, w.actors.owner2.cookie!);
    expect([byOther.statusCode, (byOther.json() as { code: string }).code]).toEqual([404, 'not_found']);
    expect(await publicItem(id)).toBeDefined();

    const pokes: PokeEvent[] = [];
    const stop = t.hub.subscribe(w.shop1.id, (e) => pokes.push(e));
    const deleted = await req('DELETE', `/api/shop/items/${id}`, owner());
    stop();
    expect([deleted.statusCode, deleted.json()]).toEqual([200, { ok: true }]);
    expect(pokes.some((p) => p.public)).toBe(true);
    // Sent twice (a retry after a lost answer): the same answer, nothing more happens.
    const version = await shopVersion();
    expect((await req('DELETE', `/api/shop/items/${id}`, owner())).statusCode).toBe(200);
    expect(await publicItem(id)).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: photoUrl })).statusCode).toBe(404);

    // Both devices drop it at their next pull, from where they were.
    await tablet.engine.syncOnce();
    await customer.engine.syncOnce();
    expect(await tablet.db.items.get(id)).toBeUndefined();
    expect(await customer.db.items.get(id)).toBeUndefined();
    expect(await tablet.db.items.get(w.shop1.itemId)).toBeDefined();
    expect(await shopVersion()).toBeGreaterThan(version);

    // The order placed before keeps its line, name and price; a phone with a stale menu is refused.
    const [kept] = await t.storage.query<{ lines: { name: string; unitPrice: number }[] }>(
      'select lines from orders where id = $1',
      [ordered.orderId],
    );
    expect(kept!.lines.map((l) => [l.name, l.unitPrice])).toEqual([['단종 반찬', 4000]]);
    const stale = orderArgs(id);
    expect(await placeAs(phone, stale)).toMatchObject({
      status: 'rejected',
      code: 'unknown_item',
    });
    expect(await t.storage.query('select 1 from orders where id = $1', [stale.orderId])).toHaveLength(0);
    const unknown = await req('DELETE', `/api/shop/items/${randomUUID()}`, owner());
    expect(unknown.statusCode).toBe(404);
  });

  it('categories: add, rename, reorder, and remove only when empty', async () => {
    const id = randomUUID();
    const added = await req('POST', '/api/shop/categories', owner(), { id, name: '디저트' });
    expect(added.statusCode, added.body).toBe(201);
    const names = (res: { json(): unknown }) =>
      (res.json() as { categories: { name: string }[] }).categories.map((c) => c.name);
    expect(names(added).at(-1)).toBe('디저트');
    const renamed = await req('PATCH', `/api/shop/categories/${id}`, owner(), { name: '후식' });
    expect(names(renamed)).toContain('후식');
    const ids = (added.json() as { categories: { id: string }[] }).categories.map((c) => c.id);
    const reordered = await req('POST', '/api/shop/categories/order', owner(), { ids: [...ids].reverse() });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(names(reordered)[0]).toBe('후식');
    // A stale list (missing one) is refused whole.
    const stale = await req('POST', '/api/shop/categories/order', owner(), { ids: [id] });
    expect([stale.statusCode, (stale.json() as { code: string }).code]).toEqual([409, 'category_not_found']);
    const busy = await req('DELETE', `/api/shop/categories/${categoryId}`, owner());
    expect([busy.statusCode, (busy.json() as { code: string }).code]).toEqual([409, 'category_not_empty']);
    const removed = await req('DELETE', `/api/shop/categories/${id}`, owner());
    expect(removed.statusCode).toBe(200);
    expect(names(removed)).not.toContain('후식');
    const staffTry = await req('POST', '/api/shop/categories', staff(), { id: randomUUID(), name: 'x' });
    expect(staffTry.statusCode).toBe(403);
  });

  it('photos: stored in the database, served under /uploads/ with long caching; too large or not an image is refused', async () => {
    const photos = async () =>
      (await t.storage.query<{ n: number }>('select count(*)::int as n from menu_photos'))[0]!.n;
    const bytes = jpeg(50_000);
    const up = await req('POST', `/api/shop/items/${w.shop1.itemId}/photo`, owner(), {
      contentType: 'image/jpeg',
      data: bytes.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(200);
    const url = (up.json() as MenuItem).photoUrl!;
    expect(url).toMatch(/^\/uploads\/[0-9a-f-]{36}\.jpg$/);
    expect((await publicItem()).photoUrl).toBe(url);
    const got = await t.app.inject({ method: 'GET', url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['cache-control']).toContain('immutable');
    expect(Buffer.compare(got.rawPayload, bytes)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: url.replace('.jpg', '.webp') })).statusCode).toBe(404);

    const before = await photos();
    const refusals: [object, number, string][] = [
      [
        { contentType: 'image/jpeg', data: jpeg(MAX_PHOTO_BYTES + 1).toString('base64') },
        413,
        'photo_too_large',
      ],
      [
        { contentType: 'image/jpeg', data: Buffer.from([...PNG_HEAD, 1, 2, 3, 4]).toString('base64') },
        415,
        'photo_unsupported',
      ],
      [{ contentType: 'image/webp', data: bytes.toString('base64') }, 415, 'photo_unsupported'],
      [{ contentType: 'image/svg+xml', data: bytes.toString('base64') }, 400, 'invalid_input'],
      [{ contentType: 'image/jpeg', data: 'not base64!' }, 400, 'invalid_input'],
      [{ contentType: 'image/jpeg', data: jpeg(2 * 1024 * 1024).toString('base64') }, 413, 'body_too_large'],
    ];
    for (const [payload, status, code] of refusals) {
      const res = await req('POST', `/api/shop/items/${w.shop1.itemId}/photo`, owner(), payload);
      expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([status, code]);
    }
    expect(await photos()).toBe(before);
    expect((await publicItem()).photoUrl).toBe(url);

    // A new photo replaces the old one, which is gone from the database.
    const next = await req('POST', `/api/shop/items/${w.shop1.itemId}/photo`, owner(), {
      contentType: 'image/jpeg',
      data: jpeg(1000).toString('base64'),
    });
    expect(next.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect(await photos()).toBe(before);
    const gone = await t.app.inject({ method: 'GET', url: '/uploads/../../etc/passwd' });
    expect(gone.statusCode).toBe(404);
  });
});
