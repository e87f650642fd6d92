import { haversineMeters, type LatLng } from './geo';

/**
 * A suggested visiting order for the day's deliveries: nearest neighbour from the shop, then 2-opt
 * (reverse any stretch that makes the ride shorter) until nothing improves. The ride is open: it
 * starts at the shop and ends at the last stop. A suggestion for a rider, not an optimum; bounded so
 * a busy day's 200 stops still answer at once on a tablet.
 */

export const MAX_STOPS = 300;
const MAX_PASSES = 50;

/** Metres ridden from `start` through the stops in `order` (indexes into `stops`). */
export function pathMeters(start: LatLng, stops: readonly LatLng[], order: readonly number[]): number {
  let total = 0;
  let at = start;
  for (const i of order) {
    total += haversineMeters(at, stops[i]!);
    at = stops[i]!;
  }
  return total;
}

function nearestNeighbour(d: (a: number, b: number) => number, n: number): number[] {
  const left = new Set(Array.from({ length: n }, (_, i) => i));
  const order: number[] = [];
  let at = -1;
  while (left.size > 0) {
    let best = -1;
    let bestD = Infinity;
    for (const j of left) {
      const dj = d(at, j);
      if (dj < bestD) [best, bestD] = [j, dj];
    }
    order.push(best);
    left.delete(best);
    at = best;
  }
  return order;
}

/** Improves `order` in place by 2-opt moves on the open path (the shop, -1, is fixed at the start). */
function twoOpt(d: (a: number, b: number) => number, order: number[]): void {
  const n = order.length;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i < n - 1; i++) {
      const a = i === 0 ? -1 : order[i - 1]!;
      const b = order[i]!;
      for (let k = i + 1; k < n; k++) {
        const c = order[k]!;
        const e = k + 1 < n ? order[k + 1]! : null;
        // Reversing order[i..k]: edges (a,b) and (c,e) become (a,c) and (b,e); the last stop has no e.
        const before = d(a, b) + (e === null ? 0 : d(c, e));
        const after = d(a, c) + (e === null ? 0 : d(b, e));
        if (after < before - 1e-6) {
          order.splice(i, k - i + 1, ...order.slice(i, k + 1).reverse());
          improved = true;
        }
      }
    }
    if (!improved) return;
  }
}

/**
 * Indexes into `stops` in the suggested order. Never longer than the order given: both the nearest
 * neighbour tour and the input order are improved by 2-opt, and the shorter wins.
 */
export function visitingOrder(start: LatLng, stops: readonly LatLng[]): number[] {
  const n = Math.min(stops.length, MAX_STOPS);
  if (stops.length > MAX_STOPS) return stops.map((_, i) => i);
  const matrix = Array.from({ length: n + 1 }, () => new Float64Array(n + 1));
  const at = (i: number) => (i < 0 ? start : stops[i]!);
  for (let i = -1; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = haversineMeters(at(i), at(j));
      matrix[i + 1]![j + 1] = m;
      matrix[j + 1]![i + 1] = m;
    }
  const d = (a: number, b: number) => matrix[a + 1]![b + 1]!;
  const fromNearest = nearestNeighbour(d, n);
  twoOpt(d, fromNearest);
  const fromInput = Array.from({ length: n }, (_, i) => i);
  twoOpt(d, fromInput);
  const len = (o: number[]) => o.reduce((s, j, i) => s + d(i === 0 ? -1 : o[i - 1]!, j), 0);
  return len(fromNearest) <= len(fromInput) ? fromNearest : fromInput;
}
