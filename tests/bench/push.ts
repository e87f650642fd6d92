/**
 * Durable orders per second through the real push route: buildApp on a loopback port, PGlite on disk
 * (a temp DATA_DIR) or a fresh schema on PostgreSQL; load from a worker thread (workers/pushLoad.ts).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS } from '../../src/server/config';
import { openPglite } from '../../src/server/storage/pglite';
import { openPostgres } from '../../src/server/storage/postgres';
import type { Storage } from '../../src/server/storage/types';
import { makeSyncShop, today } from '../support/syncWorld';
import { startTestApp } from '../support/testApp';
import { dropSchema, percentile, round1, startTsWorker, tempDir, type Figures } from './lib';
import { profiled, statementMs, topStatements, type StorageProfile } from './profiledStorage';
import type { PushLoadInput, PushLoadOutput } from './workers/pushLoad';

type Msg = { type: 'start' } | { type: 'end' } | { type: 'result'; out: PushLoadOutput };

function runLoad(input: PushLoadInput, onStart: () => void, onEnd: () => void): Promise<PushLoadOutput> {
  const w = startTsWorker(new URL('./workers/pushLoad.ts', import.meta.url), input);
  const limit = input.warmupMs + input.durationMs + 60_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new Error('push load timed out'));
    }, limit);
    w.on('message', (m: Msg) => {
      if (m.type === 'start') onStart();
      else if (m.type === 'end') onEnd();
      else {
        clearTimeout(timer);
        void w.terminate();
        resolve(m.out);
      }
    });
    w.once('error', (e) => (clearTimeout(timer), reject(e)));
    w.once('exit', () => (clearTimeout(timer), reject(new Error('push load exited without a result'))));
  });
}

export async function pushThroughput(
  kind: 'pglite' | 'pg',
  pgUrl?: string,
  opts: { concurrency?: number; warmupMs?: number; durationMs?: number } = {},
): Promise<Figures> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const open = (): Promise<Storage> =>
    kind === 'pg' ? openPostgres({ url: pgUrl!, schema }) : openPglite(tempDir('push'));
  const inner = await open();
  const prof = profiled(inner);
  const t = await startTestApp(
    { name: kind === 'pg' ? 'postgres' : 'pglite', open: async () => prof.storage },
    {
      // Hundreds of phones behind one loopback address: lift the per-address signup limit only.
      limits: { ...DEFAULT_LIMITS, devicePerIp: { max: 1_000_000, windowSec: 600 } },
      // As deployed on PostgreSQL: pokes go through LISTEN/NOTIFY.
      ...(kind === 'pg' ? { databaseUrl: pgUrl } : {}),
    },
  );
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const shop = await makeSyncShop(t, undefined, 1000);
    const concurrency = opts.concurrency ?? 50;
    let snapshot: StorageProfile | undefined;
    let elu0 = performance.eventLoopUtilization();
    let elu = elu0;
    let cpu0 = process.cpuUsage();
    let cpu = cpu0;
    const out = await runLoad(
      {
        base: `http://127.0.0.1:${port}`,
        slug: shop.slug,
        itemId: shop.items.plain,
        date: today(),
        concurrency,
        devices: concurrency * 4,
        ordersPerDevice: 10,
        warmupMs: opts.warmupMs ?? 1_500,
        durationMs: opts.durationMs ?? 8_000,
      },
      () => {
        prof.reset();
        elu0 = performance.eventLoopUtilization();
        cpu0 = process.cpuUsage();
      },
      () => {
        snapshot = { ...prof.profile, byStatement: new Map(prof.profile.byStatement) };
        elu = performance.eventLoopUtilization(elu0);
        cpu = process.cpuUsage(cpu0);
      },
    );
    const rate = out.applied / (out.windowMs / 1000);
    const p = snapshot ?? prof.profile;
    const n = Math.max(1, out.applied);
    const txMs = p.transactions ? p.txMs / p.transactions : NaN;
    const commitMs = p.transactions ? p.txCommitMs / p.transactions : NaN;
    const holdMs = p.shopLocks ? p.shopLockMs / p.shopLocks : NaN;
    const [{ count }] = (await inner.query<{ count: number }>(
      'select count(*)::int as count from orders where shop_id = $1',
      [shop.id],
    )) as [{ count: number }];
    console.log(
      `  push ${kind}: ${out.applied} applied in ${out.windowMs} ms window (${count} orders stored in all),` +
        ` other answers ${JSON.stringify(out.other)}\n` +
        `    ${(p.queries / n).toFixed(1)} statements/order, ${(p.transactions / n).toFixed(2)} transactions/order,` +
        ` a transaction takes ${txMs.toFixed(2)} ms (commit ${commitMs.toFixed(2)} ms), holding the shop's row` +
        ` lock ${holdMs.toFixed(2)} ms (one holder at a time ⇒ ceiling ≈ ${Math.round(1000 / holdMs)}/s);` +
        ` statements take ${(statementMs(p) / n).toFixed(2)} ms/order in all (waits included)\n` +
        `    server event loop ${Math.round(elu.utilization * 100)}% busy; this process (server + load worker)` +
        ` used ${((cpu.user + cpu.system) / 1000 / out.windowMs).toFixed(2)} cores\n` +
        `    ${topStatements(p, n)}`,
    );
    return {
      [`push_orders_per_s_${kind}`]: Math.round(rate),
      [`push_p99_ms_${kind}`]: round1(percentile(out.latencyMs, 99)),
      [`push_statements_per_order_${kind}`]: round1(p.queries / n),
      [`push_lock_hold_ms_${kind}`]: round1(holdMs),
    };
  } finally {
    await t.close();
    if (kind === 'pg') await dropSchema(pgUrl!, schema);
  }
}
