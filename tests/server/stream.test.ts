import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import { MAX_NOTIFY_BYTES, notifyPayloads, openPgPokeHub } from '../../src/server/sync/pgPokeHub';
import type { PokeEvent, PokeHub } from '../../src/server/sync/pokeHub';
import { PokeStreams } from '../../src/server/sync/stream';

const WAIT = { timeout: 5_000, interval: 10 };

const poke = (shopId: string, version: number, deviceIds: string[] = [], isPublic = false): PokeEvent => ({
  shopId,
  version,
  deviceIds,
  public: isPublic,
});

/** Versions of the events in an SSE text, checking that each id matches its data. */
function versionsIn(text: string): number[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('data: '))
    .map((block) => {
      const id = /^id: (\d+)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as { version: number };
      expect(Number(id)).toBe(data.version);
      return data.version;
    });
}

describe('LocalPokeHub', () => {
  it('delivers to that shop only, survives a throwing listener, and stops after unsubscribe', async () => {
    const hub = new LocalPokeHub();
    const got: number[] = [];
    hub.subscribe('s1', () => {
      throw new Error('broken stream');
    });
    const off = hub.subscribe('s1', (e) => got.push(e.version));
    hub.subscribe('s2', (e) => got.push(-e.version));
    expect(() => hub.publish(poke('s1', 1))).not.toThrow();
    off();
    hub.publish(poke('s1', 2));
    expect(got).toEqual([1]);
    await hub.close();
    hub.publish(poke('s2', 3));
    expect(got).toEqual([1]);
  });
});

describe('poke stream', () => {
  let app: FastifyInstance;
  let port: number;
  let hub: LocalPokeHub;
  let streams: PokeStreams;
  let subscriptions: number;
  let version: number;
  let gate: Promise<void> | null;
  let served: { res: http.ServerResponse; writes: number; rawWrite: (chunk: string) => boolean }[];
  const clients: http.ClientRequest[] = [];
  const sockets: net.Socket[] = [];

  const closeWithin = (ms: number) =>
    Promise.race([
      app.close(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('app.close() hung')), ms).unref()),
    ]);

  beforeEach(async () => {
    hub = new LocalPokeHub();
    streams = new PokeStreams();
    subscriptions = 0;
    version = 1;
    gate = null;
    served = [];
    // Counts live subscriptions, to see that a closed stream let go of the hub.
    const counted: PokeHub = {
      publish: (e) => hub.publish(e),
      subscribe: (shopId, fn) => {
        subscriptions++;
        const off = hub.subscribe(shopId, fn);
        return () => {
          subscriptions--;
          off();
        };
      },
      close: () => hub.close(),
    };
    app = Fastify({ logger: false });
    app.addHook('preClose', async () => streams.closeAll());
    app.get('/shops/:shopId/stream', async (req, reply) => {
      const { shopId } = req.params as { shopId: string };
      const q = req.query as { device?: string; hb?: string };
      const rawWrite = reply.raw.write.bind(reply.raw) as (chunk: string) => boolean;
      const entry = { res: reply.raw, writes: 0, rawWrite };
      served.push(entry);
      reply.raw.write = ((chunk: string) => {
        entry.writes++;
        return rawWrite(chunk);
      }) as typeof reply.raw.write;
      await streams.open(req, reply, {
        hub: counted,
        shopId,
        audience: q.device ? { kind: 'device', deviceId: q.device } : { kind: 'shop' },
        currentVersion: async () => {
          await gate;
          if (version < 0) throw new Error('database down');
          return version;
        },
        heartbeatMs: q.hb ? Number(q.hb) : 60_000,
        holder: q.device ?? 'shop',
      });
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.destroy();
    await app.close();
  });

  async function connect(path: string) {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false });
    req.on('error', () => {});
    clients.push(req);
    const [res] = (await once(req, 'response', { signal: AbortSignal.timeout(5_000) })) as [
      http.IncomingMessage,
    ];
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    const ended = new Promise<void>((resolve) => res.once('close', resolve));
    return { res, ended, text: () => text, versions: () => versionsIn(text), close: () => req.destroy() };
  }

  it('answers with the SSE headers, the retry delay, then the current version', async () => {
    version = 7;
    const c = await connect('/shops/s1/stream');
    expect(c.res.statusCode).toBe(200);
    expect(c.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(c.res.headers['cache-control']).toBe('no-store');
    expect(c.res.headers['x-accel-buffering']).toBe('no');
    expect(c.res.headers['x-content-type-options']).toBe('nosniff');
    await vi.waitFor(() => expect(c.versions()).toEqual([7]), WAIT);
    expect(c.text()).toBe('retry: 3000\n\nid: 7\ndata: {"version":7}\n\n');
  });

  it('pokes a shop member on every change of its shop, and on none of another shop', async () => {
    const c = await connect('/shops/s1/stream');
    await vi.waitFor(() => expect(c.versions()).toEqual([1]), WAIT);
    hub.publish(poke('s2', 2, [], true));
    hub.publish(poke('s1', 3, ['d-x']));
    hub.publish(poke('s1', 4, [], true));
    hub.publish(poke('s1', 5));
    await vi.waitFor(() => expect(c.versions()).toEqual([1, 3, 4, 5]), WAIT);
  });

  it("S13: a device hears its own and public changes, never another device's", async () => {
    const c = await connect('/shops/s1/stream?device=d-a');
    await vi.waitFor(() => expect(c.versions()).toEqual([1]), WAIT);
    hub.publish(poke('s1', 2, ['d-b']));
    hub.publish(poke('s1', 3, ['d-a']));
    hub.publish(poke('s1', 4, [], true));
    hub.publish(poke('s1', 5, ['d-b', 'd-c']));
    hub.publish(poke('s1', 6));
    hub.publish(poke('s1', 7, ['d-b', 'd-a']));
    await vi.waitFor(() => expect(c.versions().at(-1)).toBe(7), WAIT);
    expect(c.versions()).toEqual([1, 3, 4, 7]);
  });

  it('never repeats a version or goes back (split notifications, out-of-order arrival)', async () => {
    version = 3;
    const c = await connect('/shops/s1/stream');
    await vi.waitFor(() => expect(c.versions()).toEqual([3]), WAIT);
    hub.publish(poke('s1', 2));
    hub.publish(poke('s1', 3));
    hub.publish(poke('s1', 5));
    hub.publish(poke('s1', 5));
    hub.publish(poke('s1', 4));
    hub.publish(poke('s1', 6));
    await vi.waitFor(() => expect(c.versions().at(-1)).toBe(6), WAIT);
    expect(c.versions()).toEqual([3, 5, 6]);
  });

  it('misses nothing committed while the current version is being read', async () => {
    let open = () => {};
    gate = new Promise((resolve) => (open = resolve));
    version = 3;
    const c = await connect('/shops/s1/stream');
    await vi.waitFor(() => expect(subscriptions).toBe(1), WAIT);
    hub.publish(poke('s1', 2));
    hub.publish(poke('s1', 4));
    open();
    await vi.waitFor(() => expect(c.versions()).toEqual([3, 4]), WAIT);
  });

  it('ends the stream when the current version cannot be read, so the client retries', async () => {
    version = -1;
    const c = await connect('/shops/s1/stream');
    await c.ended;
    expect(c.text()).toBe('retry: 3000\n\n');
    await vi.waitFor(() => expect(streams.size).toBe(0), WAIT);
    expect(subscriptions).toBe(0);
  });

  it('sends a heartbeat comment so proxies keep the stream open', async () => {
    const c = await connect('/shops/s1/stream?hb=50');
    await vi.waitFor(() => expect(c.text().split(': ping\n\n').length).toBeGreaterThan(2), WAIT);
    expect(c.versions()).toEqual([1]);
  });

  it('forgets a stream, and its subscription, when the client goes away', async () => {
    const c = await connect('/shops/s1/stream?hb=50');
    const d = await connect('/shops/s1/stream?device=d-a');
    await vi.waitFor(() => expect(streams.size).toBe(2), WAIT);
    expect(subscriptions).toBe(2);
    c.close();
    await vi.waitFor(() => expect(streams.size).toBe(1), WAIT);
    expect(subscriptions).toBe(1);
    hub.publish(poke('s1', 2, ['d-a']));
    await vi.waitFor(() => expect(d.versions()).toEqual([1, 2]), WAIT);
  });

  it('closeAll() ends every open stream, so app.close() finishes promptly', async () => {
    const a = await connect('/shops/s1/stream');
    const b = await connect('/shops/s2/stream?device=d-a');
    await vi.waitFor(() => expect(a.versions()).toEqual([1]), WAIT);
    await vi.waitFor(() => expect(b.versions()).toEqual([1]), WAIT);
    const started = Date.now();
    await closeWithin(3_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    await Promise.all([a.ended, b.ended]);
    expect(a.res.complete && b.res.complete).toBe(true);
    expect(streams.size).toBe(0);
    expect(subscriptions).toBe(0);
  });

  /** A raw client that reads the first event, then stops reading until the server feels it. */
  async function stalledClient() {
    const socket = net.connect({ host: '127.0.0.1', port });
    sockets.push(socket);
    socket.on('error', () => {});
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk.replace(/x+/g, '')));
    socket.write('GET /shops/s1/stream?hb=20 HTTP/1.1\r\nhost: localhost\r\n\r\n');
    await vi.waitFor(() => expect(received).toContain('data: {"version":1}'), WAIT);
    socket.pause();
    const stream = served[0]!;
    // Padding as an SSE comment, bypassing the stream, until the kernel's buffers are full as well and
    // nothing drains any more: then the client has really stopped reading.
    const padding = `: ${'x'.repeat(1 << 20)}\n\n`;
    for (let i = 0; i < 200 && !(stream.res.writableLength > 0 && stream.res.writableNeedDrain); i++) {
      stream.rawWrite(padding);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(stream.res.writableNeedDrain).toBe(true);
    hub.publish(poke('s1', 2));
    const version = 2;
    return { socket, stream, version, received: () => received };
  }

  it('coalesces pokes for a client that stopped reading: no queue, only the newest version later', async () => {
    const stalled = await stalledClient();
    const { socket, stream } = stalled;
    const writesWhenBlocked = stream.writes;
    const bufferedWhenBlocked = stream.res.writableLength;
    let v = stalled.version;
    for (let i = 0; i < 20_000; i++) hub.publish(poke('s1', ++v));
    // Long enough for several heartbeats, which must not pile up either.
    await new Promise((r) => setTimeout(r, 100));
    expect(stream.writes).toBe(writesWhenBlocked);
    expect(stream.res.writableLength).toBe(bufferedWhenBlocked);
    socket.resume();
    await vi.waitFor(() => expect(stalled.received()).toContain(`data: {"version":${v}}`), {
      ...WAIT,
      timeout: 20_000,
    });
    const delivered = [...stalled.received().matchAll(/data: \{"version":(\d+)\}/g)].map((m) => Number(m[1]));
    expect(delivered.filter((d) => d > 2)).toEqual([v]);
  });

  it('closeAll() also ends a stream whose client stopped reading', async () => {
    const { stream } = await stalledClient();
    const socket = stream.res.socket!;
    streams.closeAll();
    expect(streams.size).toBe(0);
    // Its connection must go too, though what is queued for it can never be delivered.
    await vi.waitFor(() => expect(socket.destroyed).toBe(true), WAIT);
    await closeWithin(3_000);
  });
});

describe('NOTIFY payloads', () => {
  it('split a long device list into payloads under the limit, losing none', () => {
    const ids = Array.from({ length: 500 }, () => randomUUID());
    const payloads = notifyPayloads(poke('shop-é', 9, ids, true));
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) {
      expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_NOTIFY_BYTES);
      expect(JSON.parse(p)).toMatchObject({ shopId: 'shop-é', version: 9, public: true });
    }
    expect(payloads.flatMap((p) => (JSON.parse(p) as PokeEvent).deviceIds)).toEqual(ids);
    expect(notifyPayloads(poke('s', 1))).toEqual([
      '{"shopId":"s","version":1,"deviceIds":[],"public":false}',
    ]);
  });

  it('refuse a channel that is not a plain lower-case identifier', async () => {
    for (const channel of ['Poke', 'poke; drop table x', '1poke', '']) {
      await expect(openPgPokeHub({ url: 'postgres://127.0.0.1:1/none', channel })).rejects.toThrow(
        'bad poke channel name',
      );
    }
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;

describe.runIf(pgUrl)('PostgreSQL poke hub', () => {
  // Unique per run, so parallel runs on one database never hear each other.
  const channel = `dangol_poke_test_${randomBytes(6).toString('hex')}`;
  let a: PokeHub;
  let b: PokeHub;

  beforeAll(async () => {
    a = await openPgPokeHub({ url: pgUrl!, channel });
    b = await openPgPokeHub({ url: pgUrl!, channel });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('a poke published in one process reaches subscribers in both, exactly once', async () => {
    const inA: number[] = [];
    const inB: number[] = [];
    const offA = a.subscribe('s1', (e) => inA.push(e.version));
    const offB = b.subscribe('s1', (e) => inB.push(e.version));
    const other: number[] = [];
    const offOther = b.subscribe('s2', (e) => other.push(e.version));
    try {
      a.publish(poke('s1', 1, ['d-a']));
      await vi.waitFor(() => expect([inA, inB]).toEqual([[1], [1]]), WAIT);
      // NOTIFYs arrive in commit order: once the second is here, a duplicate of the first would be too.
      b.publish(poke('s1', 2, [], true));
      await vi.waitFor(
        () =>
          expect([inA, inB]).toEqual([
            [1, 2],
            [1, 2],
          ]),
        WAIT,
      );
      expect(other).toEqual([]);
    } finally {
      offA();
      offB();
      offOther();
    }
  });

  it('a long device list arrives complete across several notifications', async () => {
    const ids = Array.from({ length: 500 }, () => randomUUID());
    const got: PokeEvent[] = [];
    const off = b.subscribe('s-long', (e) => got.push(e));
    try {
      a.publish(poke('s-long', 3, ids));
      await vi.waitFor(() => expect(got.flatMap((e) => e.deviceIds).length).toBe(500), WAIT);
      expect(got.length).toBeGreaterThan(1);
      expect(new Set(got.flatMap((e) => e.deviceIds))).toEqual(new Set(ids));
      expect(got.every((e) => e.shopId === 's-long' && e.version === 3 && !e.public)).toBe(true);
    } finally {
      off();
    }
  });

  it('listens again after its connection is killed', async () => {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      const killed = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where query = $1',
        [`listen ${channel}`],
      );
      expect(killed.rowCount).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.end();
    }
    const got: number[] = [];
    const off = b.subscribe('s-again', (e) => got.push(e.version));
    try {
      let v = 0;
      await vi.waitFor(
        () => {
          a.publish(poke('s-again', ++v));
          expect(got.length).toBeGreaterThan(0);
        },
        { timeout: 15_000, interval: 100 },
      );
    } finally {
      off();
    }
  });

  it('close() resolves, and a closed hub publishes and delivers nothing', async () => {
    const c = await openPgPokeHub({ url: pgUrl!, channel });
    const got: number[] = [];
    c.subscribe('s-closed', (e) => got.push(e.version));
    await c.close();
    expect(() => c.publish(poke('s-closed', 1))).not.toThrow();
    a.publish(poke('s-closed', 2));
    const seen: number[] = [];
    const off = a.subscribe('s-closed', (e) => seen.push(e.version));
    a.publish(poke('s-closed', 3));
    await vi.waitFor(() => expect(seen).toContain(3), WAIT);
    off();
    expect(got).toEqual([]);
  });
});
