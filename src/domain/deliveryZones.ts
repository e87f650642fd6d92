import {
  areaBounds,
  distanceToEdgesMeters,
  haversineMeters,
  isLatLng,
  pointInArea,
  type Area,
  type LatLng,
  type Position,
} from './geo';
import { isWon, type Won } from './money';

/**
 * Where a shop delivers and for how much. Computed on the customer's phone from the coordinates of a
 * dropped pin (offline too) and again on the server, by this same code, when the order arrives: the
 * fee a phone shows is the fee the order carries, and a phone can never pick its own fee.
 */

/** "Up to 3 km by road: ₩3,500, orders from ₩15,000." */
export interface RadiusTier {
  maxKm: number;
  fee: Won;
  minOrder: Won;
}

/** An area the owner drew on the map (GeoJSON, holes allowed). */
export interface PolygonZone {
  name: string;
  area: Area;
  fee: Won;
  minOrder: Won;
}

export interface DeliveryZones {
  /** The shop's pin: radius tiers are measured from it, and the customer page shows it. */
  shopLocation: LatLng | null;
  /**
   * Straight-line distance × this ≈ distance by road. Riders do not fly: in a Seoul neighbourhood
   * the road is typically 1.2–1.4 times the crow's line, so a tier of "3 km" means 3 km of riding.
   */
  roadFactor: number;
  /** Ascending by maxKm; the first that reaches the address applies. */
  tiers: RadiusTier[];
  /** Checked before the tiers, in the owner's order: a drawn area is the owner's exact intent. */
  polygons: PolygonZone[];
  /** Delivery is free when the items come to at least this much; null: never free. */
  freeAbove: Won | null;
}

export const DELIVERY_LIMITS = {
  tiers: 10,
  polygons: 20,
  /** Per zone, outline and holes together: a hand-drawn area has tens; this bounds the work per order. */
  verticesPerZone: 1000,
  ringsPerPolygon: 10,
  partsPerZone: 10,
  maxKm: 100,
  zoneName: 40,
  roadFactorMin: 1,
  roadFactorMax: 3,
} as const;

export const DEFAULT_ROAD_FACTOR = 1.3;

export const NO_DELIVERY_ZONES: DeliveryZones = {
  shopLocation: null,
  roadFactor: DEFAULT_ROAD_FACTOR,
  tiers: [],
  polygons: [],
  freeAbove: null,
};

/** A shop without any zone delivers wherever the address says (as before zones existed), for free. */
export function hasZones(z: DeliveryZones): boolean {
  return z.polygons.length > 0 || (z.tiers.length > 0 && z.shopLocation !== null);
}

export type ZoneRef =
  { kind: 'polygon'; index: number; name: string } | { kind: 'tier'; index: number; maxKm: number };

export type ZoneMatch =
  | { inside: true; zone: ZoneRef | null; fee: Won; minOrder: Won; roadKm: number | null }
  | { inside: false; nearestMeters: number | null };

/** Road kilometres from the shop, or null when the shop has no pin. */
export function roadKm(z: DeliveryZones, p: LatLng): number | null {
  return z.shopLocation ? (haversineMeters(z.shopLocation, p) / 1000) * z.roadFactor : null;
}

/** Which zone an address falls in (fee and minimum as the owner set them), or how far the nearest is. */
export function findZone(z: DeliveryZones, p: LatLng): ZoneMatch {
  const km = roadKm(z, p);
  if (!hasZones(z)) return { inside: true, zone: null, fee: 0, minOrder: 0, roadKm: km };
  for (let i = 0; i < z.polygons.length; i++) {
    const zone = z.polygons[i]!;
    const [minX, minY, maxX, maxY] = areaBounds(zone.area);
    // Most zones are nowhere near the pin: the box test skips their edges entirely.
    if (p.lng < minX - 1e-7 || p.lng > maxX + 1e-7 || p.lat < minY - 1e-7 || p.lat > maxY + 1e-7) continue;
    if (pointInArea(p, zone.area))
      return {
        inside: true,
        zone: { kind: 'polygon', index: i, name: zone.name },
        fee: zone.fee,
        minOrder: zone.minOrder,
        roadKm: km,
      };
  }
  if (km !== null)
    for (let i = 0; i < z.tiers.length; i++) {
      const tier = z.tiers[i]!;
      if (km <= tier.maxKm)
        return {
          inside: true,
          zone: { kind: 'tier', index: i, maxKm: tier.maxKm },
          fee: tier.fee,
          minOrder: tier.minOrder,
          roadKm: km,
        };
    }
  return { inside: false, nearestMeters: nearestZoneMeters(z, p) };
}

/** Straight-line metres to the nearest zone's edge (a tier's edge is its radius in crow's-line metres). */
function nearestZoneMeters(z: DeliveryZones, p: LatLng): number | null {
  let best = Infinity;
  // Called only once p is known to be outside every polygon: no second inside test is needed.
  for (const zone of z.polygons) best = Math.min(best, distanceToEdgesMeters(p, zone.area));
  const widest = z.tiers.at(-1);
  if (z.shopLocation && widest)
    best = Math.min(
      best,
      Math.max(0, haversineMeters(z.shopLocation, p) - (widest.maxKm * 1000) / z.roadFactor),
    );
  return Number.isFinite(best) ? Math.round(best) : null;
}

export type DeliveryProblem =
  'delivery_location_required' | 'outside_delivery_area' | 'below_delivery_minimum';

export type DeliveryQuote =
  | { ok: true; fee: Won; zone: ZoneRef | null; minOrder: Won; roadKm: number | null; free: boolean }
  | { ok: false; problem: 'delivery_location_required' }
  | { ok: false; problem: 'outside_delivery_area'; nearestMeters: number | null }
  | { ok: false; problem: 'below_delivery_minimum'; minOrder: Won; fee: Won; zone: ZoneRef | null };

/**
 * The delivery fee for items worth `subtotal` to the address at `p`. A shop with zones needs the
 * address's coordinates: without them no fee can be computed, so the order is refused rather than
 * delivered at a guessed price.
 */
export function quoteDelivery(z: DeliveryZones, p: LatLng | null | undefined, subtotal: Won): DeliveryQuote {
  if (!p || !isLatLng(p)) {
    if (hasZones(z)) return { ok: false, problem: 'delivery_location_required' };
    return { ok: true, fee: 0, zone: null, minOrder: 0, roadKm: null, free: false };
  }
  const m = findZone(z, p);
  if (!m.inside) return { ok: false, problem: 'outside_delivery_area', nearestMeters: m.nearestMeters };
  if (subtotal < m.minOrder)
    return { ok: false, problem: 'below_delivery_minimum', minOrder: m.minOrder, fee: m.fee, zone: m.zone };
  const free = z.freeAbove !== null && subtotal >= z.freeAbove;
  return { ok: true, fee: free ? 0 : m.fee, zone: m.zone, minOrder: m.minOrder, roadKm: m.roadKm, free };
}

export type ZonesProblem =
  | { code: 'delivery_tiers_order'; index: number }
  | { code: 'delivery_pin_required' }
  | { code: 'delivery_zone_shape'; index: number };

function ringOk(ring: readonly Position[]): boolean {
  if (ring.length < 4) return false;
  const first = ring[0]!;
  const last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) return false;
  // Three distinct corners at least: a "polygon" folded onto a line has no inside.
  return new Set(ring.map(([x, y]) => `${x},${y}`)).size >= 3;
}

function vertexCount(area: Area): number {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polys.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
}

/**
 * The rules the shape of the data (schemas) cannot say: tiers grow outwards, tiers need the shop's
 * pin to be measured from, every ring is a closed GeoJSON ring and no zone is so detailed that
 * checking one address becomes slow.
 */
export function zonesProblem(z: DeliveryZones): ZonesProblem | null {
  if (z.tiers.length > 0 && !z.shopLocation) return { code: 'delivery_pin_required' };
  for (let i = 1; i < z.tiers.length; i++)
    if (z.tiers[i]!.maxKm <= z.tiers[i - 1]!.maxKm) return { code: 'delivery_tiers_order', index: i };
  for (let i = 0; i < z.polygons.length; i++) {
    const { area } = z.polygons[i]!;
    const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
    const shapeOk =
      polys.length >= 1 &&
      polys.length <= DELIVERY_LIMITS.partsPerZone &&
      polys.every(
        (rings) =>
          rings.length >= 1 && rings.length <= DELIVERY_LIMITS.ringsPerPolygon && rings.every(ringOk),
      ) &&
      vertexCount(area) <= DELIVERY_LIMITS.verticesPerZone;
    if (!shapeOk) return { code: 'delivery_zone_shape', index: i };
  }
  return null;
}

/** Fees and minimums are whole won; a sanity check for data built on a device before it is sent. */
export function zonesWonOk(z: DeliveryZones): boolean {
  return (
    [...z.tiers, ...z.polygons].every((x) => isWon(x.fee) && isWon(x.minOrder)) &&
    (z.freeAbove === null || isWon(z.freeAbove))
  );
}
