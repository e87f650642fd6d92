/**
 * From "the server has my order" (a customer's push answered) to "it is on the shop's board" (in the
 * board's local orders table). The server runs as `npm start` would (a child process, PGlite on disk);
 * 100 customer phones (real SyncEngine, fake IndexedDB each, the real HTTP transport) run here; the
 * board (workers/board.ts) runs on its own event loop, subscribed to GET /api/shop/stream.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { enqueue } from '../../src/client/outbox';
import { SyncEngine, type Transport } from '../../src/client/syncEngine';
import { httpTransport } from '../../src/client/transport';
import { openPglite } from '../../src/server/storage/pglite';
import { HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../src/protocol/version';
import { freshDb, makeSyncShop, orderArgs } from '../support/syncWorld';
import { startTestApp } from '../support/testApp';
import { sameOriginFetch } from './fetchBase';
import {
  cpuSeconds,
  percentile,
  round1,
  sleep,
  startChildServer,
  startTsWorker,
  tempDir,
  wallMs,
  type Figures,
} from './lib';
import type { BoardInput, BoardMessage, BoardRequest } from './workers/board';

export interface PokeOptions {
  customers?: number;
  ordersEach?: number;
  /** Pause between one customer's orders, uniform in this range (ms). */
  thinkMs?: [number, number];
}

function waitFor<T extends BoardMessage['type']>(
  w: Worker,
  type: T,
  ms: number,
): Promise<Extract<BoardMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`board: no ${type} in ${ms} ms`)), ms);
    const on = (m: BoardMessage) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      w.off('message', on);
      resolve(m as Extract<BoardMessage, { type: T }>);
    };
    w.on('message', on);
    w.once('error', (e) => (clearTimeout(timer), reject(e)));
  });
}

export async function pokeToBoard(opts: PokeOptions = {}): Promise<Figures> {
  const customers = opts.customers ?? 100;
  const ordersEach = opts.ordersEach ?? 8;
  const [thinkMin, thinkMax] = opts.thinkMs ?? [500, 1500];

  // The shop (open around the clock, no lead time) and its owner's session, written before the
  // server starts; the session stays valid for the server process.
  const dataDir = tempDir('poke');
  const setup = await startTestApp({ name: 'pglite', open: () => openPglite(dataDir) });
  const shop = await makeSyncShop(setup, undefined, 1000);
  await setup.close();

  const server = await startChildServer(dataDir, { SEED_DEMO: '0' });
  const realFetch = globalThis.fetch;
  let board: Worker | undefined;
  try {
    globalThis.fetch = sameOriginFetch(server.url);
    board = startTsWorker(new URL('./workers/board.ts', import.meta.url), {
      base: server.url,
      cookie: shop.ownerCookie,
    } satisfies BoardInput);
    await waitFor(board, 'ready', 60_000);

    const tokens = await Promise.all(
      Array.from({ length: customers }, async () => {
        const res = await fetch('/api/devices', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HEADER_PROTOCOL]: String(PROTOCOL_VERSION) },
          body: '{}',
        });
        if (res.status !== 201) throw new Error(`register ${res.status}`);
        return ((await res.json()) as { token: string }).token;
      }),
    );

    const ackedAt = new Map<string, number>();
    const clients = tokens.map((deviceToken) => {
      const http = httpTransport({ kind: 'customer', slug: shop.slug, deviceToken }, () => 'ko');
      const transport: Transport = {
        pull: (body) => http.pull(body),
        push: async (body) => {
          const res = await http.push(body);
          const at = wallMs();
          for (const r of res.results) {
            const m = body.mutations.find((x) => x.mutationId === r.mutationId);
            if (m?.name === 'placeOrder' && r.status === 'applied') ackedAt.set(m.args.orderId, at);
          }
          return res;
        },
      };
      const db = freshDb();
      return { db, engine: new SyncEngine(db, transport) };
    });
    // Each customer opens the shop's page first (the first sync loads the menu); not measured.
    await Promise.all(clients.map((c) => c.engine.syncOnce()));

    let failures = 0;
    const t0 = performance.now();
    const cpu0 = cpuSeconds(server.pid);
    const elu0 = performance.eventLoopUtilization();
    const own0 = process.cpuUsage();
    await Promise.all(
      clients.map(async ({ db, engine }) => {
        await sleep(Math.random() * (thinkMax - thinkMin));
        for (let i = 0; i < ordersEach; i++) {
          await enqueue(db, 'placeOrder', orderArgs(shop.items.plain, { orderId: randomUUID() }));
          // What the sync runner does after a local write: push, then pull.
          try {
            await engine.syncOnce();
          } catch {
            failures++;
          }
          await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
        }
        db.close();
      }),
    );
    const loadS = (performance.now() - t0) / 1000;
    const serverCores = (cpuSeconds(server.pid) - cpu0) / loadS;
    const phonesBusy = performance.eventLoopUtilization(elu0).utilization;
    const own = process.cpuUsage(own0);
    const benchCores = (own.user + own.system) / 1e6 / loadS;

    const ids = [...ackedAt.keys()];
    board.postMessage({ type: 'finish', ids, waitMs: 15_000 } satisfies BoardRequest);
    const result = await waitFor(board, 'result', 30_000);
    const seen = new Map(result.seen.map(([id, at, began]) => [id, { at, began }]));
    const reached = ids.filter((id) => seen.has(id));
    const lat = reached.map((id) => seen.get(id)!.at - ackedAt.get(id)!);
    // Where the time goes: until the board's pull round that brings the order begins (negative when
    // the poke beat the customer's answer), and that round itself.
    const untilRound = reached.map((id) => seen.get(id)!.began - ackedAt.get(id)!);
    const inRound = reached.map((id) => seen.get(id)!.at - seen.get(id)!.began);
    const missing = ids.length - lat.length;
    console.log(
      `  poke→board: ${ids.length} orders acknowledged from ${customers} phones in ${loadS.toFixed(1)} s` +
        ` (${Math.round(ids.length / loadS)}/s), ${missing} never reached the board, ${failures} failed syncs;` +
        ` board: ${result.pokes} pokes, ${result.pulls} pull requests, ${result.errors} errors\n` +
        `    per order: ack → board's pull round begins p50 ${percentile(untilRound, 50).toFixed(1)} / p99` +
        ` ${percentile(untilRound, 99).toFixed(1)} ms; that round p50 ${percentile(inRound, 50).toFixed(1)} / p99` +
        ` ${percentile(inRound, 99).toFixed(1)} ms\n` +
        `    pull request p50 ${percentile(result.requestMs, 50).toFixed(1)} ms / p99 ` +
        `${percentile(result.requestMs, 99).toFixed(1)} ms; pull round (pullAll) p50 ` +
        `${percentile(result.roundMs, 50).toFixed(1)} ms / p99 ${percentile(result.roundMs, 99).toFixed(1)} ms;` +
        ` server used ${serverCores.toFixed(2)} cores, phones + board ${benchCores.toFixed(2)} cores` +
        ` (phones' event loop ${Math.round(phonesBusy * 100)}% busy)`,
    );
    return {
      poke_to_board_p50_ms: round1(percentile(lat, 50)),
      poke_to_board_p99_ms: round1(percentile(lat, 99)),
      poke_to_board_orders: ids.length,
      ...(missing ? { poke_to_board_missing: missing } : {}),
    };
  } finally {
    globalThis.fetch = realFetch;
    await board?.terminate();
    await server.stop();
  }
}
