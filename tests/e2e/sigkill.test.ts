import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDb } from '../../src/client/db';
import { clientIdOf, enqueue } from '../../src/client/outbox';
import { orderDisplay } from '../../src/client/orderState';
import { SyncEngine, type Transport } from '../../src/client/syncEngine';
import { fetchTransport, registerDeviceOver } from '../support/httpTransport';
import { startProcess, type Started } from '../support/process';
import { ALWAYS_OPEN, freshDb, orderArgs } from '../support/syncWorld';

const adminUrl = process.env.TEST_DATABASE_URL;

const CLIENTS = 8;
const KILLS = 24;
/** Orders one client places at most while the server is being killed. */
const MAX_ORDERS_PER_CLIENT = 80;
/** Bounds on each phase, so a hang fails the test instead of stalling the run. */
const CHAOS_MS = 120_000;
const CONVERGE_MS = 30_000;
const SLUG = 'uri-banchan';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

interface Client {
  db: ClientDb;
  engine: SyncEngine;
  clientId: string;
  deviceId: string;
  /** Every order id this device wrote into its outbox. */
  written: string[];
  /** Order ids some push result said 'applied' for: the server promised to keep these. */
  acked: Set<string>;
  /** Order ids some push result refused, with the code. */
  refused: Map<string, string>;
  /** The highest outbox seq this device ever wrote. */
  maxSeq: number;
  syncErrors: number;
  /** Pushes that failed after reaching a server (killed mid-request), not merely refused. */
  cutPushes: number;
}

/** Wraps a transport to note which orders the server acknowledged (or refused) in a push answer. */
function recording(inner: Transport, c: Pick<Client, 'acked' | 'refused' | 'cutPushes'>): Transport {
  return {
    async push(req) {
      let res: Awaited<ReturnType<Transport['push']>>;
      try {
        res = await inner.push(req);
      } catch (e) {
        // Refused connections never reached a server; anything else was cut while in flight.
        if ((e as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') c.cutPushes++;
        throw e;
      }
      const orderOf = new Map(
        req.mutations.map((m) => [m.mutationId, 'orderId' in m.args ? m.args.orderId : null]),
      );
      for (const r of res.results) {
        const orderId = orderOf.get(r.mutationId);
        if (!orderId) continue;
        if (r.status === 'applied') c.acked.add(orderId);
        else c.refused.set(orderId, r.code ?? '');
      }
      return res;
    },
    pull: (req) => inner.pull(req),
  };
}

/**
 * S1–S7 under the harshest failure a server process can meet: SIGKILL at random moments, with
 * customer devices placing orders throughout. A real `npm start` process on its own PostgreSQL
 * database is killed and restarted on a new port again and again; afterwards no acknowledged order
 * is lost, none is doubled, and every client's last_seq matches its mutations with no gap.
 */
describe.runIf(adminUrl)('SIGKILL loop against a real server process', () => {
  const dbName = `dangol_sigkill_${randomBytes(4).toString('hex')}`;
  let url = '';
  let server: Started | undefined;
  let base = '';

  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const query = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  };

  /** Starts `npm start`'s entry point and points every client at its (new) port. */
  const start = async () => {
    server = startProcess('node', ['src/server/start.mjs'], {
      DATABASE_URL: url,
      PORT: '0',
      SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: '1',
    });
    const link = (await server.waitFor(/Customer link:\s+(\S+)/, 60_000))[1]!;
    // The banner says localhost; the server listens on 127.0.0.1 only.
    base = `http://127.0.0.1:${new URL(link).port}`;
  };

  beforeAll(async () => {
    await admin(`create database ${dbName}`);
    const u = new URL(adminUrl!);
    u.pathname = `/${dbName}`;
    url = u.toString();
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await admin(`drop database if exists ${dbName} with (force)`);
  });

  it('no acknowledged order is lost or doubled; last_seq has no gaps', { timeout: 240_000 }, async () => {
    const t0 = Date.now();
    await start();
    // The demo shop keeps real hours; open it around the clock so the test never depends on the time.
    await query(
      `update shops set hours = $2::jsonb, lead_minutes = 0, closed_dates = '[]'::jsonb where slug = $1`,
      [SLUG, JSON.stringify(ALWAYS_OPEN)],
    );
    const menu = (await (await fetch(`${base}/api/shops/${SLUG}`)).json()) as {
      items: { id: string; name: string; optionGroups: unknown[]; dailyQuota: number | null }[];
    };
    const plain = menu.items.filter((i) => i.optionGroups.length === 0 && i.dailyQuota === null);
    expect(plain.map((i) => i.name)).toContain('멸치볶음');

    const clients: Client[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const { deviceId, token } = await registerDeviceOver(base);
      const db = freshDb(`sigkill-${i}`);
      const c: Client = {
        db,
        engine: undefined as never,
        clientId: await clientIdOf(db),
        deviceId,
        written: [],
        acked: new Set(),
        refused: new Map(),
        maxSeq: 0,
        syncErrors: 0,
        cutPushes: 0,
      };
      c.engine = new SyncEngine(
        db,
        recording(
          fetchTransport(() => base, SLUG, token),
          c,
        ),
      );
      clients.push(c);
    }

    const placeOne = async (c: Client) => {
      const item = plain[between(0, plain.length - 1)]!;
      const args = orderArgs(item.id, {
        lines: [{ itemId: item.id, quantity: between(1, 3), optionIds: [] }],
      });
      const entry = await enqueue(c.db, 'placeOrder', args);
      c.written.push(args.orderId);
      c.maxSeq = Math.max(c.maxSeq, entry.seq);
    };

    // Chaos: each device places orders and syncs in two independent loops (a person taps "order"
    // while a sync is in flight); errors are expected, the server keeps dying.
    let chaos = true;
    const chaosDeadline = Date.now() + CHAOS_MS;
    const running = () => chaos && Date.now() < chaosDeadline;
    const loops = clients.flatMap((c) => [
      (async () => {
        while (running() && c.written.length < MAX_ORDERS_PER_CLIENT) {
          await placeOne(c);
          // Paced so that orders keep arriving across the whole run of kills.
          await sleep(between(200, 1200));
        }
      })(),
      (async () => {
        while (running()) {
          let failed = false;
          try {
            await c.engine.syncOnce();
          } catch {
            c.syncErrors++;
            failed = true;
          }
          // A short back-off while the server is down, so retries do not starve its restart of CPU.
          await sleep(failed ? between(20, 80) : between(5, 40));
        }
      })(),
    ]);

    let kills = 0;
    try {
      for (let i = 0; i < KILLS && Date.now() < chaosDeadline; i++) {
        await sleep(between(50, 400));
        await server!.stop('SIGKILL');
        kills++;
        await start();
      }
    } finally {
      chaos = false;
      await Promise.all(loops);
    }
    expect(kills).toBeGreaterThanOrEqual(20);

    // Calm: the server stays up; every device syncs until its outbox is empty (bounded).
    const convergeDeadline = Date.now() + CONVERGE_MS;
    for (const c of clients) {
      for (;;) {
        try {
          await c.engine.syncOnce();
        } catch (e) {
          if (Date.now() > convergeDeadline) throw e;
        }
        if ((await c.db.outbox.count()) === 0) break;
        if (Date.now() > convergeDeadline) break;
        await sleep(50);
      }
    }
    // One more round each, so every device has pulled after the last push of any device.
    for (const c of clients) await c.engine.syncOnce();
    for (const c of clients) expect(await c.db.outbox.count(), `outbox of ${c.clientId}`).toBe(0);

    // --- The server's side ---
    const written = clients.flatMap((c) => c.written);
    const acked = clients.flatMap((c) => [...c.acked]);
    expect(new Set(written).size).toBe(written.length);

    // No acknowledged order lost: each is in `orders` exactly once.
    const ackedRows = await query<{ id: string; n: number }>(
      'select id, count(*)::int as n from orders where id = any($1::uuid[]) group by id',
      [acked],
    );
    expect(ackedRows.length).toBe(new Set(acked).size);
    expect(ackedRows.every((r) => r.n === 1)).toBe(true);

    // None doubled.
    expect(await query('select id, count(*)::int as n from orders group by id having count(*) > 1')).toEqual(
      [],
    );

    // Everything any device wrote converged: on the server once, or refused and shown as such.
    const refused = clients.flatMap((c) => [...c.refused.keys()]);
    const serverOrders = await query<{
      id: string;
      device_id: string;
      total: number;
      status: string;
      version: number;
      lines: unknown;
    }>('select id, device_id, total, status, version::int as version, lines from orders');
    expect(serverOrders.length).toBe(written.length - refused.length);
    const onServer = new Map(serverOrders.map((o) => [o.id, o]));
    for (const id of written) expect(onServer.has(id) !== refused.includes(id), id).toBe(true);

    // last_seq: equal to the highest seq stored for that client, with 1..last_seq all present, and
    // to the highest seq the device ever wrote.
    const syncClients = await query<{ client_id: string; last_seq: number; max_seq: number; n: number }>(
      `select c.client_id, c.last_seq::int as last_seq, coalesce(max(m.seq), 0)::int as max_seq,
              count(distinct m.seq)::int as n
         from sync_clients c left join mutations m on m.client_id = c.client_id
        group by c.client_id, c.last_seq`,
    );
    expect(syncClients.map((r) => r.client_id).sort()).toEqual(clients.map((c) => c.clientId).sort());
    for (const row of syncClients) {
      const c = clients.find((x) => x.clientId === row.client_id)!;
      expect(row, `sync_clients ${row.client_id}`).toEqual({
        client_id: c.clientId,
        last_seq: c.maxSeq,
        max_seq: c.maxSeq,
        n: c.maxSeq,
      });
      expect(c.maxSeq).toBe(c.written.length);
    }

    // --- Each device's side ---
    for (const c of clients) {
      const locals = await c.db.orders.toArray();
      expect(locals.map((l) => l.id).sort()).toEqual([...c.written].sort());
      for (const l of locals) {
        const shown = orderDisplay(l);
        const row = onServer.get(l.id);
        if (c.refused.has(l.id)) {
          expect(shown.state, l.id).toBe('refused');
          expect(shown.code, l.id).toBeTruthy();
          expect(row, l.id).toBeUndefined();
          continue;
        }
        expect(['sent', 'received'], l.id).toContain(shown.state);
        expect(shown.changePending).toBe(false);
        expect(row, l.id).toBeDefined();
        expect(row!.device_id).toBe(c.deviceId);
        expect(l.server, l.id).toMatchObject({
          id: row!.id,
          total: row!.total,
          status: row!.status,
          version: row!.version,
          lines: row!.lines,
        });
      }
    }

    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    const errors = clients.reduce((n, c) => n + c.syncErrors, 0);
    const cut = clients.reduce((n, c) => n + c.cutPushes, 0);
    console.log(
      `sigkill: ${kills} kills, ${written.length} orders written, ${new Set(acked).size} acknowledged, ` +
        `${refused.length} refused, ${serverOrders.length} on server, ${errors} failed syncs (${cut} pushes cut in flight), ${seconds} s`,
    );
  });
});
