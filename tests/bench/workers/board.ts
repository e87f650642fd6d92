/**
 * Worker: the shop's order board, on its own event loop as it would be on its own tablet. Real
 * SyncEngine on a fake IndexedDB, the real HTTP transport and the real poke-stream reader; on each
 * poke newer than its cursor it pulls (coalesced, as the sync runner does). It notes when each order
 * is first in its local `orders` table and reports that on request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPokeStream } from '../../../src/client/pokeStream';
import { SyncEngine, type Transport } from '../../../src/client/syncEngine';
import { httpTransport } from '../../../src/client/transport';
import { freshDb } from '../../support/syncWorld';
import { sameOriginFetch } from '../fetchBase';
import { sleep, wallMs } from '../lib';

export interface BoardInput {
  base: string;
  cookie: string;
}
export type BoardRequest = { type: 'finish'; ids: string[]; waitMs: number };
export type BoardMessage =
  | { type: 'ready' }
  | {
      type: 'result';
      /** Order id, when it was first in the table, and when the pull round that brought it began. */
      seen: [string, number, number][];
      pulls: number;
      pokes: number;
      errors: number;
      /** Each pull request's time (request, server, parsing), and each pullAll's time in all. */
      requestMs: number[];
      roundMs: number[];
    };

const { base, cookie } = workerData as BoardInput;
// The browser resolves the client's relative URLs against the page and sends the session cookie.
globalThis.fetch = sameOriginFetch(base, cookie);

const db = freshDb();
const http = httpTransport({ kind: 'shop' }, () => 'ko');
let arrived: string[] = [];
let pulls = 0;
const requestMs: number[] = [];
const roundMs: number[] = [];
const transport: Transport = {
  push: (body) => http.push(body),
  pull: async (body) => {
    pulls++;
    const t = performance.now();
    const res = await http.pull(body);
    requestMs.push(performance.now() - t);
    for (const o of res.orders) arrived.push(o.id);
    return res;
  },
};
const engine = new SyncEngine(db, transport);
const seen = new Map<string, [number, number]>();
let wanted = false;
let running = false;
let pokes = 0;
let errors = 0;

async function run(): Promise<void> {
  if (running) return;
  running = true;
  while (wanted) {
    wanted = false;
    try {
      const t = performance.now();
      const began = wallMs();
      await engine.pullAll();
      roundMs.push(performance.now() - t);
      const at = wallMs();
      const ids = arrived;
      arrived = [];
      // Committed before pullAll resolved; read back to be sure they are really in the table.
      const rows = await db.orders.bulkGet(ids);
      for (const r of rows) if (r && !seen.has(r.id)) seen.set(r.id, [at, began]);
    } catch {
      errors++;
      await sleep(100);
      wanted = true;
    }
  }
  running = false;
}
const kick = () => {
  wanted = true;
  void run();
};

await engine.pullAll();
let ready = false;
const stop = openPokeStream('/api/shop/stream', {
  onPoke: async (version) => {
    pokes++;
    const cursor = (await db.getMeta<number>('cursor')) ?? 0;
    if (version > cursor) kick();
  },
  onState: (connected) => {
    if (connected && !ready) {
      ready = true;
      parentPort!.postMessage({ type: 'ready' } satisfies BoardMessage);
    }
  },
});

parentPort!.on('message', async (m: BoardRequest) => {
  if (m.type !== 'finish') return;
  const until = performance.now() + m.waitMs;
  while (performance.now() < until && m.ids.some((id) => !seen.has(id))) await sleep(50);
  stop();
  parentPort!.postMessage({
    type: 'result',
    seen: [...seen].map(([id, [at, began]]) => [id, at, began]),
    pulls,
    pokes,
    errors,
    requestMs,
    roundMs,
  } satisfies BoardMessage);
});
