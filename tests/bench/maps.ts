/**
 * Maps and delivery (issue 6): the gzip size of the lazily loaded map chunk (Leaflet and the map
 * module, fetched only when a map is on screen), and the time to compute one delivery fee against
 * 20 drawn zones of 200 corners each — what a phone does on every pin drop and the server on every
 * delivery order. Runs alone too: `npx tsx tests/bench/maps.ts` (STATIC_DIR=dist-x for a build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { quoteDelivery, type DeliveryZones, type PolygonZone } from '../../src/domain/deliveryZones';
import type { Position } from '../../src/domain/geo';
import { percentile, round1, type Figures } from './lib';

/**
 * The built map chunk(s): Vite names the chunk after src/map/slippyMap.ts. (Not "leaflet…": the
 * first-load bench flags any script that mentions Leaflet, and the menu's chunk names this one.)
 */
export function mapChunkFigures(staticDir: string): Figures {
  const assets = join(staticDir, 'assets');
  const files = readdirSync(assets).filter((f) => /^slippyMap-.*\.(js|css)$/.test(f));
  const gz = (ext: string) =>
    files
      .filter((f) => f.endsWith(ext))
      .reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0);
  if (!files.some((f) => f.endsWith('.js'))) throw new Error(`no slippyMap chunk in ${assets}`);
  return { map_chunk_js_gz_kib: round1(gz('.js') / 1024), map_chunk_css_gz_kib: round1(gz('.css') / 1024) };
}

/** mulberry32: seeded, so every run measures the same points. */
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

const CENTER = { lat: 37.5663, lng: 126.978 };

/**
 * 20 wobbly rings of 200 corners around one neighbourhood, overlapping, so most points pass the
 * bounding-box test and walk the edges: the slow path, not the easy one.
 */
function benchZones(rand: () => number): DeliveryZones {
  const polygons: PolygonZone[] = Array.from({ length: 20 }, (_, z) => {
    const cx = CENTER.lng + (rand() - 0.5) * 0.04;
    const cy = CENTER.lat + (rand() - 0.5) * 0.03;
    const ring: Position[] = Array.from({ length: 199 }, (_, i) => {
      const a = (i / 199) * 2 * Math.PI;
      const r = 0.004 + 0.002 * rand();
      return [cx + Math.cos(a) * r * 1.25, cy + Math.sin(a) * r];
    });
    ring.push(ring[0]!);
    return { name: `zone ${z}`, area: { type: 'Polygon', coordinates: [ring] }, fee: 3000, minOrder: 0 };
  });
  return { shopLocation: CENTER, roadFactor: 1.3, tiers: [], polygons, freeAbove: null };
}

export function feeComputeFigures(samples = 20_000): Figures {
  const rand = prng(6);
  const zones = benchZones(rand);
  const points = Array.from({ length: samples }, () => ({
    lat: CENTER.lat + (rand() - 0.5) * 0.05,
    lng: CENTER.lng + (rand() - 0.5) * 0.07,
  }));
  for (const p of points.slice(0, 2000)) quoteDelivery(zones, p, 20_000); // warm up the JIT
  const us: number[] = [];
  const cpu: number[] = [];
  let outside = 0;
  for (const p of points) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const q = quoteDelivery(zones, p, 20_000);
    us.push(Number(process.hrtime.bigint() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push(c.user + c.system);
    if (!q.ok) outside++;
  }
  // Wall time includes being descheduled on a busy machine (see bench_load_avg_1m); CPU time does not.
  return {
    fee_compute_us_p50: round1(percentile(us, 50)),
    fee_compute_us_p99: round1(percentile(us, 99)),
    fee_compute_cpu_us_p99: round1(percentile(cpu, 99)),
    fee_compute_outside_share: round1((outside / samples) * 100),
  };
}

export async function mapFigures(staticDir = process.env.STATIC_DIR ?? 'dist'): Promise<Figures> {
  return { ...mapChunkFigures(staticDir), ...feeComputeFigures() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await mapFigures());
