import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, startTestApp, type TestApp } from '../support/testApp';
import { ALWAYS_OPEN, injectTransport, makeSyncShop, type SyncShop } from '../support/syncWorld';

afterAll(dropTestSchemas);

describe.each(drivers)('presence honesty (issue #17) on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  const publicShop = async () => {
    const res = await json(t.app, { method: 'GET', url: `/api/shops/${shop.slug}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { shopAway?: boolean };
  };
  const lastSeen = (minutesAgo: number) =>
    t.storage.query(`update shops set shop_seen_at = now() - make_interval(mins => $2::int) where id = $1`, [
      shop.id,
      minutesAgo,
    ]);
  const setHours = (hours: unknown) =>
    t.storage.query('update shops set hours = $2::jsonb where id = $1', [shop.id, JSON.stringify(hours)]);

  it('a new shop, open, just created: not away (its creation counts as the first sighting)', async () => {
    expect((await publicShop()).shopAway).toBe(false);
  });

  it('open, and no shop device has pulled for 11 minutes: away; a shop pull ends it', async () => {
    await setHours(ALWAYS_OPEN);
    await lastSeen(11);
    expect((await publicShop()).shopAway).toBe(true);
    await injectTransport(t.app, { cookie: shop.ownerCookie }).pull({ clientId: randomUUID(), cursor: 0 });
    expect((await publicShop()).shopAway).toBe(false);
  });

  it('a customer device pulling is not a shop device', async () => {
    await lastSeen(11);
    const token = (await json(t.app, { method: 'POST', url: '/api/devices', payload: {} })).json() as {
      token: string;
    };
    await injectTransport(t.app, { device: token.token, slug: shop.slug }).pull({
      clientId: randomUUID(),
      cursor: 0,
    });
    expect((await publicShop()).shopAway).toBe(true);
  });

  it('closed: never away, however long since a pull', async () => {
    await lastSeen(60 * 24);
    await setHours([[], [], [], [], [], [], []]);
    expect((await publicShop()).shopAway).toBe(false);
    await setHours(ALWAYS_OPEN);
  });

  it('pulls write the seen time at most once a minute', async () => {
    await lastSeen(0);
    const seen = async () =>
      (
        await t.storage.query<{ s: string }>('select shop_seen_at::text as s from shops where id = $1', [
          shop.id,
        ])
      )[0]!.s;
    const before = await seen();
    await injectTransport(t.app, { cookie: shop.ownerCookie }).pull({ clientId: randomUUID(), cursor: 0 });
    expect(await seen()).toBe(before);
  });
});
