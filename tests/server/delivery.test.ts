import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryZones } from '../../src/domain/deliveryZones';
import { drivers, dropTestSchemas } from '../support/drivers';
import { today } from '../support/syncWorld';
import { json, startTestApp, type TestApp } from '../support/testApp';
import { makeWorld, type World } from '../support/world';

afterAll(dropTestSchemas);

const SHOP = { lat: 37.5662952, lng: 126.9779451 };
/** `km` of straight line due north of the shop. */
const north = (km: number) => ({ lat: SHOP.lat + km / 111.195, lng: SHOP.lng });
const ISLAND = { lat: 37.62, lng: 127.05 };
const square = (c: { lat: number; lng: number }, d: number) => [
  [c.lng - d, c.lat - d],
  [c.lng + d, c.lat - d],
  [c.lng + d, c.lat + d],
  [c.lng - d, c.lat + d],
  [c.lng - d, c.lat - d],
];

const ZONES: DeliveryZones = {
  shopLocation: SHOP,
  roadFactor: 1.5,
  tiers: [
    { maxKm: 1, fee: 2000, minOrder: 10_000 },
    { maxKm: 3, fee: 3500, minOrder: 15_000 },
  ],
  polygons: [
    {
      name: '섬',
      area: { type: 'Polygon', coordinates: [square(ISLAND, 0.005)] as [number, number][][] },
      fee: 4500,
      minOrder: 0,
    },
  ],
  freeAbove: 40_000,
};

describe.each(drivers)('delivery zones and fees on $name', (driver) => {
  let t: TestApp;
  let w: World;
  let seq = 0;
  const clientId = randomUUID();
  beforeAll(async () => {
    t = await startTestApp(driver);
    w = await makeWorld(t);
    const res = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: w.actors.owner1.cookie!,
      payload: { delivery: true },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t.close());

  const save = (payload: object, cookie = w.actors.owner1.cookie!) =>
    json(t.app, { method: 'POST', url: '/api/shop/delivery', cookie, payload });

  /** Places a delivery order of `quantity` × ₩5,000 from device A; returns the push result and the stored row. */
  async function place(quantity: number, location: unknown, extra: object = {}) {
    const orderId = randomUUID();
    const res = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/push`,
      device: w.actors.deviceA.device!,
      payload: {
        clientId,
        mutations: [
          {
            mutationId: randomUUID(),
            seq: ++seq,
            name: 'placeOrder',
            args: {
              orderId,
              lines: [{ itemId: w.shop1.itemId, quantity, optionIds: [] }],
              fulfilment: 'delivery',
              date: today(),
              slot: null,
              customerName: '김단골',
              customerPhone: '010-1234-5678',
              address: '서울 중구 세종대로 110',
              note: '',
              ...(location === undefined ? {} : { location }),
              ...extra,
            },
          },
        ],
      },
    });
    // A malformed push is refused whole (400): its seq was never used, the next one may reuse it.
    if (res.statusCode === 400) seq--;
    const [row] = await t.storage.query<{ total: number; delivery_fee: number; lat: number | null }>(
      'select total, delivery_fee, lat from orders where id = $1',
      [orderId],
    );
    return { res, row, orderId };
  }

  it('the owner saves the pin and zones; they are public, with the map tiles', async () => {
    const res = await save(ZONES);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { delivery: DeliveryZones }).delivery).toEqual(ZONES);
    const pub = await json(t.app, { method: 'GET', url: `/api/shops/${w.shop1.slug}` });
    const body = pub.json() as { delivery: DeliveryZones; map: { tileUrl: string; attribution: string } };
    expect(body.delivery).toEqual(ZONES);
    expect(body.map.tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(body.map.attribution).toContain('OpenStreetMap');
    // The other shop is untouched.
    const other = await json(t.app, { method: 'GET', url: `/api/shops/${w.shop2.slug}` });
    expect((other.json() as { delivery: DeliveryZones }).delivery.tiers).toEqual([]);
  });

  it('staff may read but not change zones; broken zones are refused with their own codes', async () => {
    expect((await save(ZONES, w.actors.staff1.cookie!)).statusCode).toBe(403);
    const read = await json(t.app, {
      method: 'GET',
      url: '/api/shop/delivery',
      cookie: w.actors.staff1.cookie!,
    });
    expect(read.statusCode).toBe(200);
    const backwards = await save({ ...ZONES, tiers: [...ZONES.tiers].reverse() });
    expect([backwards.statusCode, backwards.json().code]).toEqual([400, 'delivery_tiers_order']);
    const noPin = await save({ ...ZONES, shopLocation: null });
    expect([noPin.statusCode, noPin.json().code]).toEqual([400, 'delivery_pin_required']);
    const open = square(ISLAND, 0.01).slice(0, 4);
    const openRing = await save({
      ...ZONES,
      polygons: [{ ...ZONES.polygons[0]!, area: { type: 'Polygon', coordinates: [open] } }],
    });
    expect([openRing.statusCode, openRing.json().code]).toEqual([400, 'delivery_zone_shape']);
    const tooMany = await save({ ...ZONES, polygons: Array.from({ length: 21 }, () => ZONES.polygons[0]) });
    expect(tooMany.statusCode).toBe(400);
    // Nothing of that was written.
    const after = await json(t.app, {
      method: 'GET',
      url: '/api/shop/delivery',
      cookie: w.actors.owner1.cookie!,
    });
    expect((after.json() as { delivery: DeliveryZones }).delivery).toEqual(ZONES);
  });

  it('computes the fee on the server from the pin: tier, polygon, free above the threshold', async () => {
    const near = await place(3, north(0.6)); // 0.9 km by road: ₩2,000
    expect(near.res.json().results[0]).toMatchObject({ status: 'applied' });
    expect(near.row).toMatchObject({ total: 17_000, delivery_fee: 2000 });
    expect(near.res.json().results[0].order).toMatchObject({
      total: 17_000,
      deliveryFee: 2000,
      location: north(0.6),
    });
    const island = await place(1, ISLAND);
    expect(island.row).toMatchObject({ total: 9500, delivery_fee: 4500 });
    const free = await place(8, north(1.5)); // ₩40,000 of items: free
    expect(free.row).toMatchObject({ total: 40_000, delivery_fee: 0 });
  });

  it('refuses an order outside every zone, below the zone minimum, or without a pin (S5)', async () => {
    const far = await place(5, north(3)); // 4.5 km by road
    expect(far.res.json().results[0]).toMatchObject({ status: 'rejected', code: 'outside_delivery_area' });
    expect(far.row).toBeUndefined();
    const small = await place(2, north(1.5)); // ₩10,000 < ₩15,000 for the 3 km tier
    expect(small.res.json().results[0]).toMatchObject({ status: 'rejected', code: 'below_delivery_minimum' });
    expect(small.row).toBeUndefined();
    const noPin = await place(3, undefined);
    expect(noPin.res.json().results[0]).toMatchObject({
      status: 'rejected',
      code: 'delivery_location_required',
    });
  });

  it('never takes a fee or total from the phone: such a request is refused whole, nothing stored', async () => {
    for (const extra of [{ deliveryFee: 0 }, { total: 1 }, { fee: 0 }]) {
      const sent = await place(3, north(0.6), extra);
      expect(sent.res.statusCode).toBe(400);
      expect(sent.row).toBeUndefined();
    }
    const badPin = await place(3, { lat: 91, lng: 0 });
    expect(badPin.res.statusCode).toBe(400);
  });

  it('a pickup order ignores zones and carries no pin or fee', async () => {
    // A pin 30 km out, far outside every zone: a pickup never asks where it would go.
    const { res } = await place(1, north(30), { fulfilment: 'pickup', address: '' });
    expect(res.json().results[0]).toMatchObject({
      status: 'applied',
      order: { total: 5000, deliveryFee: 0, location: null },
    });
  });

  it("the shop's own phone order may leave the pin out (no fee); with a pin the zones apply", async () => {
    const shopClient = randomUUID();
    let shopSeq = 0;
    const push = async (location?: { lat: number; lng: number }) => {
      const orderId = randomUUID();
      const res = await json(t.app, {
        method: 'POST',
        url: '/api/shop/push',
        cookie: w.actors.owner1.cookie!,
        payload: {
          clientId: shopClient,
          mutations: [
            {
              mutationId: randomUUID(),
              seq: ++shopSeq,
              name: 'placeOrder',
              args: {
                orderId,
                lines: [{ itemId: w.shop1.itemId, quantity: 1, optionIds: [] }],
                fulfilment: 'delivery',
                date: today(),
                slot: null,
                customerName: '전화손님',
                customerPhone: '010-9999-0000',
                address: '전화로 들은 주소',
                note: '',
                ...(location ? { location } : {}),
              },
            },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results[0];
    };
    expect(await push()).toMatchObject({ status: 'applied', order: { total: 5000, deliveryFee: 0 } });
    expect(await push(ISLAND)).toMatchObject({
      status: 'applied',
      order: { total: 9500, deliveryFee: 4500 },
    });
    expect(await push(north(3))).toMatchObject({ status: 'rejected', code: 'outside_delivery_area' });
  });

  it('a pull carries the zones, so a device prices its pending orders like the server', async () => {
    const res = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/pull`,
      device: w.actors.deviceA.device!,
      payload: { clientId, cursor: 0 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { delivery: DeliveryZones }).delivery).toEqual(ZONES);
    // Up to date: the next pull leaves the zones out (they can be tens of kilobytes).
    const again = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/pull`,
      device: w.actors.deviceA.device!,
      payload: { clientId, cursor: (res.json() as { cursor: number }).cursor },
    });
    expect(again.json()).not.toHaveProperty('delivery');
  });

  it('takes 20 drawn areas of 200 corners (a large body), and a pull after the change carries them', async () => {
    const ring = (k: number) => {
      const r: [number, number][] = Array.from({ length: 199 }, (_, i) => {
        const a = (i / 199) * 2 * Math.PI;
        return [127.1 + k * 0.01 + Math.cos(a) * 0.004, 37.5 + Math.sin(a) * 0.003];
      });
      return [...r, r[0]!];
    };
    const big = {
      ...ZONES,
      polygons: Array.from({ length: 20 }, (_, k) => ({
        name: `구역 ${k + 1}`,
        area: { type: 'Polygon' as const, coordinates: [ring(k)] },
        fee: 3000,
        minOrder: 0,
      })),
    };
    const before = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/pull`,
      device: w.actors.deviceA.device!,
      payload: { clientId, cursor: 0 },
    });
    const res = await save(big);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const after = await json(t.app, {
      method: 'POST',
      url: `/api/s/${w.shop1.slug}/pull`,
      device: w.actors.deviceA.device!,
      payload: { clientId, cursor: (before.json() as { cursor: number }).cursor },
    });
    expect((after.json() as { delivery: DeliveryZones }).delivery.polygons).toHaveLength(20);
    expect((await save(ZONES)).statusCode).toBe(200);
  });
});

describe('map tiles are an instance setting', () => {
  it('TILE_URL is checked at start-up and its origin joins img-src and connect-src', async () => {
    const { tilesFromEnv } = await import('../../src/server/config');
    const { contentSecurityPolicy, tileSource } = await import('../../src/server/http/security');
    expect(tilesFromEnv({})).toBeUndefined();
    expect(() => tilesFromEnv({ TILE_URL: 'ftp://x/{z}/{x}/{y}.png' })).toThrow();
    expect(() => tilesFromEnv({ TILE_URL: 'https://tiles.example.kr/{z}/{x}.png' })).toThrow();
    expect(() =>
      tilesFromEnv({ TILE_URL: 'https://t.example.kr/{z}/{x}/{y}.png', TILE_MAX_ZOOM: '40' }),
    ).toThrow();
    expect(
      tilesFromEnv({ TILE_URL: 'https://t.example.kr/{z}/{x}/{y}.png', TILE_ATTRIBUTION: '© 우리 타일' }),
    ).toEqual({
      tileUrl: 'https://t.example.kr/{z}/{x}/{y}.png',
      attribution: '© 우리 타일',
      maxZoom: 19,
    });
    const { geocoderFromEnv } = await import('../../src/server/config');
    expect(geocoderFromEnv({})).toBeUndefined();
    expect(() => geocoderFromEnv({ GEOCODER_URL: 'javascript:alert(1)' })).toThrow();
    expect(contentSecurityPolicy(undefined, 'https://nominatim.example.org')).toContain(
      "connect-src 'self' https://tile.openstreetmap.org https://nominatim.example.org",
    );
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    const t = await startTestApp(drivers[0]!, {
      tiles: { tileUrl: 'http://127.0.0.1:8080/{z}/{x}/{y}.png', attribution: 'x', maxZoom: 18 },
    });
    try {
      const res = await json(t.app, { method: 'GET', url: '/healthz' });
      expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy('http://127.0.0.1:8080'));
      expect(res.headers['content-security-policy']).toContain(
        "img-src 'self' data: blob: http://127.0.0.1:8080",
      );
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    } finally {
      await t.close();
    }
  });
});
