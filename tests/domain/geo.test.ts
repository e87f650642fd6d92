import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  distanceToAreaMeters,
  haversineMeters,
  pointInArea,
  ringSide,
  type Area,
  type Position,
} from '../../src/domain/geo';

const CITY_HALL = { lat: 37.5662952, lng: 126.9779451 };
const GANGNAM = { lat: 37.497942, lng: 127.027621 };
const BUSAN_STATION = { lat: 35.1151, lng: 129.0415 };

describe('haversine', () => {
  // Reference figures: Vincenty's inverse formula on the WGS84 ellipsoid (computed independently).
  it('Seoul City Hall ↔ Gangnam Station within 0.5 % of the geodesic 8,765 m', () => {
    const d = haversineMeters(CITY_HALL, GANGNAM);
    expect(Math.abs(d - 8765.35) / 8765.35).toBeLessThan(0.005);
  });
  it('Seoul City Hall ↔ Busan Station within 0.5 % of the geodesic 329.07 km', () => {
    const d = haversineMeters(CITY_HALL, BUSAN_STATION);
    expect(Math.abs(d - 329_069.68) / 329_069.68).toBeLessThan(0.005);
  });
  it('is symmetric, zero on itself, and obeys the triangle inequality', () => {
    const pt = fc.record({
      lat: fc.double({ min: 33, max: 39, noNaN: true }),
      lng: fc.double({ min: 124, max: 132, noNaN: true }),
    });
    fc.assert(
      fc.property(pt, pt, pt, (a, b, c) => {
        expect(haversineMeters(a, a)).toBe(0);
        expect(Math.abs(haversineMeters(a, b) - haversineMeters(b, a))).toBeLessThan(1e-6);
        expect(haversineMeters(a, c)).toBeLessThanOrEqual(
          haversineMeters(a, b) + haversineMeters(b, c) + 1e-6,
        );
      }),
    );
  });
});

// A 2×2 square (degrees) with a 1×1 hole in the middle, around (127, 37).
const outline: Position[] = [
  [126, 36],
  [128, 36],
  [128, 38],
  [126, 38],
  [126, 36],
];
const hole: Position[] = [
  [126.5, 36.5],
  [127.5, 36.5],
  [127.5, 37.5],
  [126.5, 37.5],
  [126.5, 36.5],
];
const withHole: Area = { type: 'Polygon', coordinates: [outline, hole] };
const at = (lng: number, lat: number) => ({ lat, lng });

describe('point in polygon', () => {
  it('counts every vertex of the outline and of a hole as inside', () => {
    for (const [x, y] of [...outline, ...hole]) expect(pointInArea(at(x, y), withHole)).toBe(true);
  });
  it('counts points on edges (outline and hole) as inside', () => {
    for (const p of [at(127, 36), at(128, 37), at(126, 37.3), at(127, 36.5), at(127.5, 37), at(126.9, 37.5)])
      expect(pointInArea(p, withHole)).toBe(true);
  });
  it('is outside in the hole and outside the outline, inside between them', () => {
    expect(pointInArea(at(127, 37), withHole)).toBe(false);
    expect(pointInArea(at(127.2, 37.2), withHole)).toBe(false);
    expect(pointInArea(at(125.9, 37), withHole)).toBe(false);
    expect(pointInArea(at(127, 38.01), withHole)).toBe(false);
    expect(pointInArea(at(126.2, 37), withHole)).toBe(true);
    expect(pointInArea(at(127.8, 37.9), withHole)).toBe(true);
  });
  it('does not double count a ray through a vertex', () => {
    // A diamond: a horizontal ray from (x, 37) passes exactly through the vertices (126,37) and (128,37).
    const diamond: Position[] = [
      [127, 36],
      [128, 37],
      [127, 38],
      [126, 37],
      [127, 36],
    ];
    expect(ringSide(at(127, 37), diamond)).toBe('in');
    expect(ringSide(at(125, 37), diamond)).toBe('out');
    expect(ringSide(at(128.5, 37), diamond)).toBe('out');
    expect(ringSide(at(126, 37), diamond)).toBe('on');
  });
  it('a MultiPolygon is inside when any part is', () => {
    const multi: Area = {
      type: 'MultiPolygon',
      coordinates: [
        [outline, hole],
        [
          [
            [126.8, 36.8],
            [127.2, 36.8],
            [127.2, 37.2],
            [126.8, 37.2],
            [126.8, 36.8],
          ],
        ],
      ],
    };
    expect(pointInArea(at(127, 37), multi)).toBe(true); // an island inside the hole
    expect(pointInArea(at(127.3, 37.3), multi)).toBe(false);
  });
  it('agrees with the square formula for random points in a rectangle with a hole', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 125.5, max: 128.5, noNaN: true }),
        fc.double({ min: 35.5, max: 38.5, noNaN: true }),
        (x, y) => {
          const inOuter = x >= 126 && x <= 128 && y >= 36 && y <= 38;
          const inHoleOpen = x > 126.5 && x < 127.5 && y > 36.5 && y < 37.5;
          expect(pointInArea(at(x, y), withHole)).toBe(inOuter && !inHoleOpen);
        },
      ),
    );
  });
});

describe('distance to an area', () => {
  it('is zero inside and the distance to the nearest edge outside', () => {
    expect(distanceToAreaMeters(at(126.2, 37), withHole)).toBe(0);
    // 0.01° of latitude north of the top edge ≈ 1,112 m.
    const d = distanceToAreaMeters(at(127, 38.01), withHole);
    expect(Math.abs(d - 1112)).toBeLessThan(5);
    // In the hole: the hole's edge is the nearest part of the area.
    const inHole = distanceToAreaMeters(at(127, 37.49), withHole);
    expect(Math.abs(inHole - 1112)).toBeLessThan(5);
  });
});
