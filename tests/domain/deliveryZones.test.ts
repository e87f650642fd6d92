import { describe, expect, it } from 'vitest';
import {
  findZone,
  NO_DELIVERY_ZONES,
  quoteDelivery,
  zonesProblem,
  type DeliveryZones,
} from '../../src/domain/deliveryZones';
import { haversineMeters, type Position } from '../../src/domain/geo';

const SHOP = { lat: 37.5662952, lng: 126.9779451 }; // Seoul City Hall
/** A point `km` of straight line due north of the shop. */
const north = (km: number) => ({ lat: SHOP.lat + km / 111.195, lng: SHOP.lng });

const tiers: DeliveryZones = {
  ...NO_DELIVERY_ZONES,
  shopLocation: SHOP,
  roadFactor: 1.5,
  tiers: [
    { maxKm: 1, fee: 2000, minOrder: 10_000 },
    { maxKm: 3, fee: 3500, minOrder: 15_000 },
  ],
  freeAbove: 50_000,
};

const square = (lng: number, lat: number, d: number): Position[] => [
  [lng - d, lat - d],
  [lng + d, lat - d],
  [lng + d, lat + d],
  [lng - d, lat + d],
  [lng - d, lat - d],
];

describe('radius tiers with a road factor', () => {
  it('measures road distance as straight line × factor', () => {
    // 0.6 km straight × 1.5 = 0.9 km by road: the first tier.
    expect(quoteDelivery(tiers, north(0.6), 20_000)).toMatchObject({ ok: true, fee: 2000 });
    // 0.7 km straight × 1.5 = 1.05 km by road: the second tier, though the crow flies under 1 km.
    expect(quoteDelivery(tiers, north(0.7), 20_000)).toMatchObject({ ok: true, fee: 3500 });
  });
  it('includes the tier edge itself', () => {
    const edge = { ...tiers, roadFactor: 1 };
    const p = north(1);
    const km = haversineMeters(SHOP, p) / 1000;
    const exact = { ...edge, tiers: [{ maxKm: km, fee: 1000, minOrder: 0 }] };
    expect(quoteDelivery(exact, p, 0)).toMatchObject({ ok: true, fee: 1000 });
  });
  it('refuses beyond the widest tier and says how far the area is', () => {
    const q = quoteDelivery(tiers, north(3), 20_000);
    expect(q.ok).toBe(false);
    if (q.ok || q.problem !== 'outside_delivery_area') throw new Error('expected outside');
    // The widest tier reaches 3 km / 1.5 = 2 km straight: the pin is 1 km beyond it.
    expect(q.nearestMeters).toBeGreaterThan(990);
    expect(q.nearestMeters).toBeLessThan(1010);
  });
  it('applies the zone minimum and free delivery above the threshold', () => {
    expect(quoteDelivery(tiers, north(0.6), 9_999)).toMatchObject({
      ok: false,
      problem: 'below_delivery_minimum',
      minOrder: 10_000,
    });
    expect(quoteDelivery(tiers, north(0.6), 10_000)).toMatchObject({ ok: true, fee: 2000, free: false });
    expect(quoteDelivery(tiers, north(0.6), 49_999)).toMatchObject({ ok: true, fee: 2000 });
    expect(quoteDelivery(tiers, north(0.6), 50_000)).toMatchObject({ ok: true, fee: 0, free: true });
    expect(quoteDelivery(tiers, north(1.5), 12_000)).toMatchObject({
      problem: 'below_delivery_minimum',
      minOrder: 15_000,
    });
  });
  it('needs the address coordinates once the shop has zones', () => {
    expect(quoteDelivery(tiers, null, 20_000)).toEqual({ ok: false, problem: 'delivery_location_required' });
    expect(quoteDelivery(tiers, { lat: Number.NaN, lng: 0 }, 20_000)).toMatchObject({
      problem: 'delivery_location_required',
    });
  });
  it('a shop without zones delivers anywhere for free, with or without a pin', () => {
    expect(quoteDelivery(NO_DELIVERY_ZONES, null, 1000)).toMatchObject({ ok: true, fee: 0 });
    expect(quoteDelivery(NO_DELIVERY_ZONES, north(50), 1000)).toMatchObject({ ok: true, fee: 0 });
  });
});

describe('drawn polygons', () => {
  const zones: DeliveryZones = {
    ...tiers,
    polygons: [
      {
        name: '시청 앞',
        area: { type: 'Polygon', coordinates: [square(SHOP.lng, SHOP.lat + 0.01, 0.003)] },
        fee: 1000,
        minOrder: 0,
      },
    ],
  };
  it('a polygon wins over the tiers it overlaps, and the tiers still cover the rest', () => {
    const inPolygon = { lat: SHOP.lat + 0.01, lng: SHOP.lng };
    expect(findZone(zones, inPolygon)).toMatchObject({
      inside: true,
      zone: { kind: 'polygon', name: '시청 앞' },
      fee: 1000,
    });
    expect(quoteDelivery(zones, north(0.6), 20_000)).toMatchObject({ ok: true, fee: 2000 });
  });
  it('reports the nearest zone, polygon or tier', () => {
    const far: DeliveryZones = {
      ...NO_DELIVERY_ZONES,
      polygons: [
        { name: 'a', area: { type: 'Polygon', coordinates: [square(127, 37, 0.01)] }, fee: 0, minOrder: 0 },
      ],
    };
    const m = findZone(far, { lat: 37.02, lng: 127 });
    expect(m.inside).toBe(false);
    if (m.inside) return;
    expect(m.nearestMeters).toBeGreaterThan(1100);
    expect(m.nearestMeters).toBeLessThan(1125);
  });
});

describe('zone rules', () => {
  it('tiers must grow outwards and need the shop pin', () => {
    expect(zonesProblem(tiers)).toBeNull();
    expect(zonesProblem({ ...tiers, shopLocation: null })).toEqual({ code: 'delivery_pin_required' });
    expect(zonesProblem({ ...tiers, tiers: [tiers.tiers[1]!, tiers.tiers[0]!] })).toMatchObject({
      code: 'delivery_tiers_order',
    });
    expect(zonesProblem({ ...tiers, tiers: [tiers.tiers[0]!, tiers.tiers[0]!] })).toMatchObject({
      code: 'delivery_tiers_order',
    });
  });
  it('rings must be closed with three corners, and zones bounded in size', () => {
    const zone = (coordinates: Position[][]) => ({
      ...NO_DELIVERY_ZONES,
      polygons: [{ name: 'z', area: { type: 'Polygon' as const, coordinates }, fee: 0, minOrder: 0 }],
    });
    expect(zonesProblem(zone([square(127, 37, 0.01)]))).toBeNull();
    expect(zonesProblem(zone([square(127, 37, 0.01).slice(0, 4)]))).toMatchObject({
      code: 'delivery_zone_shape',
    });
    const line: Position[] = [
      [127, 37],
      [127.1, 37],
      [127, 37],
      [127, 37],
    ];
    expect(zonesProblem(zone([line]))).toMatchObject({ code: 'delivery_zone_shape' });
    const huge: Position[] = Array.from({ length: 1200 }, (_, i) => {
      const a = (i / 1199) * 2 * Math.PI;
      return [127 + Math.cos(a) * 0.01, 37 + Math.sin(a) * 0.01];
    });
    huge[1199] = huge[0]!;
    expect(zonesProblem(zone([huge]))).toMatchObject({ code: 'delivery_zone_shape' });
  });
});
