import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of Vite's build manifest (chunks.json) we read: each chunk's file and static imports. */
type Manifest = Record<string, { file: string; imports?: string[] }>;

/** The customer's shop page: the screen a phone opens from a QR code, where every round trip shows. */
const CUSTOMER_SCREEN = 'src/app/customer/CustomerShop.tsx';

/**
 * The files a lazily loaded screen needs beyond what index.html already loads, each once. Announced
 * early, the phone fetches them alongside the entry script instead of one round trip after it.
 */
export function screenChunks(manifest: Manifest, screen: string): string[] {
  const walk = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return;
    into.add(chunk.file);
    for (const i of chunk.imports ?? []) walk(i, into);
  };
  const entry = new Set<string>();
  walk('index.html', entry);
  const needed = new Set<string>();
  walk(screen, needed);
  return [...needed].filter((f) => !entry.has(f));
}

/**
 * The Link header for a customer page, from the build's manifest; undefined when the build has none
 * (then the page simply loads its chunks as it finds them).
 */
export function customerPreloadHeader(root: string): string | undefined {
  const path = join(root, 'chunks.json');
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const files = screenChunks(manifest, CUSTOMER_SCREEN);
  // `crossorigin` as on Vite's own module tags, so the preloaded module is the one the import uses.
  return files.length ? files.map((f) => `</${f}>; rel=modulepreload; crossorigin`).join(', ') : undefined;
}
