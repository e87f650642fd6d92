/**
 * Plane-free geometry on the sphere for a shop's neighbourhood: distances, point-in-polygon and the
 * distance from a point to a drawn zone. Pure numbers in, numbers out: the phone (offline) and the
 * server run exactly this code, so they always agree on which zone an address falls in.
 *
 * Coordinates follow GeoJSON where GeoJSON is involved: a position is [lng, lat].
 */

export interface LatLng {
  lat: number;
  lng: number;
}

/** [lng, lat], as GeoJSON writes a position. */
export type Position = [number, number];
/** Closed rings: the first ring is the outline, the rest are holes. */
export interface GeoPolygon {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface GeoMultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type Area = GeoPolygon | GeoMultiPolygon;

/** The IUGG mean Earth radius: haversine with it is within ~0.5 % of the ellipsoid everywhere. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function isLatLng(p: LatLng): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
}

/** Great-circle distance in metres. */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Where an edge counts: the boundary belongs to the polygon (an address exactly on the line the owner
 * drew is inside), and a hole's boundary belongs to the polygon too (the hole is the open area
 * inside it). So every vertex and edge, of the outline or of a hole, is inside. Positions are
 * compared exactly after this tolerance in degrees (~1 mm), so a point the owner clicked on a
 * vertex is on it whatever rounding the round trip through JSON did.
 */
const ON_EDGE_DEG = 1e-8;

function onSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): boolean {
  if (x < Math.min(x1, x2) - ON_EDGE_DEG || x > Math.max(x1, x2) + ON_EDGE_DEG) return false;
  if (y < Math.min(y1, y2) - ON_EDGE_DEG || y > Math.max(y1, y2) + ON_EDGE_DEG) return false;
  const dx = x2 - x1;
  const dy = y2 - y1;
  // Math.hypot is several times slower than a square root in V8, and this runs for every edge.
  const len = Math.sqrt(dx * dx + dy * dy);
  if (len === 0) return Math.sqrt((x - x1) ** 2 + (y - y1) ** 2) <= ON_EDGE_DEG;
  // Distance from the line, in degrees.
  return Math.abs(dx * (y - y1) - dy * (x - x1)) / len <= ON_EDGE_DEG;
}

/** 'on' the ring's boundary, 'in' strictly inside, 'out' strictly outside (even–odd crossings). */
export function ringSide(p: LatLng, ring: readonly Position[]): 'in' | 'on' | 'out' {
  const x = p.lng;
  const y = p.lat;
  const n = ring.length;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (onSegment(x, y, xj, yj, xi, yi)) return 'on';
    // Half-open rule (yi > y) !== (yj > y): a ray through a vertex is counted once, never twice.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'in' : 'out';
}

function inPolygonRings(p: LatLng, rings: readonly (readonly Position[])[]): boolean {
  const [outline, ...holes] = rings;
  if (!outline) return false;
  const side = ringSide(p, outline);
  if (side === 'out') return false;
  if (side === 'on') return true;
  return holes.every((h) => ringSide(p, h) !== 'in');
}

/** Inside or on the boundary of a GeoJSON Polygon or MultiPolygon (holes excluded). */
export function pointInArea(p: LatLng, area: Area): boolean {
  if (area.type === 'Polygon') return inPolygonRings(p, area.coordinates);
  return area.coordinates.some((rings) => inPolygonRings(p, rings));
}

/**
 * The bounding box [minLng, minLat, maxLng, maxLat], for a cheap "cannot be inside" test first.
 * Remembered per area object: the zones a phone or the server holds are checked again and again.
 */
const boundsOf = new WeakMap<Area, [number, number, number, number]>();
export function areaBounds(area: Area): [number, number, number, number] {
  const known = boundsOf.get(area);
  if (known) return known;
  const b = computeBounds(area);
  boundsOf.set(area, b);
  return b;
}

function computeBounds(area: Area): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  for (const rings of polys)
    for (const [x, y] of rings[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  return [minX, minY, maxX, maxY];
}

/**
 * Metres from p to the nearest edge of the area (0 when inside). Edges are measured in a flat
 * projection centred on p: at a city's scale (a few km) that is within a fraction of a percent, and
 * the figure is only shown to say "the nearest delivery area is 600 m away".
 */
export function distanceToAreaMeters(p: LatLng, area: Area): number {
  return pointInArea(p, area) ? 0 : distanceToEdgesMeters(p, area);
}

/** Metres from p to the nearest edge of the area, inside or not. */
export function distanceToEdgesMeters(p: LatLng, area: Area): number {
  const kx = EARTH_RADIUS_M * RAD * Math.cos(p.lat * RAD);
  const ky = EARTH_RADIUS_M * RAD;
  let best = Infinity; // squared metres until the end
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  for (const rings of polys)
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const ax = (ring[j]![0] - p.lng) * kx;
        const ay = (ring[j]![1] - p.lat) * ky;
        const bx = (ring[i]![0] - p.lng) * kx;
        const by = (ring[i]![1] - p.lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        const ex = ax + t * dx;
        const ey = ay + t * dy;
        const d2 = ex * ex + ey * ey;
        if (d2 < best) best = d2;
      }
  return Math.sqrt(best);
}
