import { describe, expect, it } from 'vitest';
import { pathMeters, visitingOrder } from '../../src/domain/route';

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHOP = { lat: 37.5663, lng: 126.978 };

describe('visiting order', () => {
  it('is a permutation of the stops and never longer than the given order (200 seeded cases)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(seed);
      const n = 1 + Math.floor(rand() * 25);
      const stops = Array.from({ length: n }, () => ({
        lat: SHOP.lat + (rand() - 0.5) * 0.06,
        lng: SHOP.lng + (rand() - 0.5) * 0.08,
      }));
      const order = visitingOrder(SHOP, stops);
      expect(
        [...order].sort((a, b) => a - b),
        `seed ${seed}`,
      ).toEqual(stops.map((_, i) => i));
      const given = stops.map((_, i) => i);
      expect(pathMeters(SHOP, stops, order), `seed ${seed}`).toBeLessThanOrEqual(
        pathMeters(SHOP, stops, given) + 1e-6,
      );
    }
  });
  it('rides a line of stops outwards in order, whatever order they came in', () => {
    const line = [5, 1, 4, 2, 3].map((k) => ({ lat: SHOP.lat + k * 0.005, lng: SHOP.lng }));
    expect(visitingOrder(SHOP, line).map((i) => line[i]!.lat)).toEqual(
      [...line].map((p) => p.lat).sort((a, b) => a - b),
    );
  });
  it('handles no stops and one stop', () => {
    expect(visitingOrder(SHOP, [])).toEqual([]);
    expect(visitingOrder(SHOP, [SHOP])).toEqual([0]);
  });
});
