/**
 * How many poke streams one server process holds, and its memory while it does. The server runs as
 * `npm start` would (child process, PGlite on disk), so its RSS is its own; the phones are sockets
 * from this process, each a registered device with its own GET /api/s/:slug/stream.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { registerDevice } from '../../src/server/auth/devices';
import { DEMO_SHOP } from '../../src/server/seed/demoMenu';
import { seedDemoShop } from '../../src/server/seed/seedDemo';
import { migrate } from '../../src/server/storage/migrate';
import { openPglite } from '../../src/server/storage/pglite';
import { HEADER_DEVICE, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../src/protocol/version';
import { rssMb, sleep, startChildServer, tempDir, type Figures } from './lib';

function openFileLimit(): number {
  return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
}

export async function sseClients(target = 5_000, batch = 250, maxMs = 120_000): Promise<Figures> {
  const limit = openFileLimit();
  // Each stream costs this process one descriptor and the server one; keep some for everything else.
  const want = Math.min(target, limit - 200);
  if (want < target) console.log(`  sse: ulimit -n is ${limit}, so opening ${want} streams, not ${target}`);

  // Phones registered ahead (the signup route's per-address limit is not what is measured here).
  const dataDir = tempDir('sse');
  const storage = await openPglite(dataDir);
  await migrate(storage);
  await seedDemoShop(storage);
  const tokens = await storage.transaction(async (tx) => {
    const out: string[] = [];
    for (let i = 0; i < want; i++) out.push((await registerDevice(tx)).token);
    return out;
  });
  await storage.close();

  // Every phone here shares one loopback address: lift the per-address stream cap (issue #15).
  const server = await startChildServer(dataDir, { STREAMS_PER_ADDRESS: String(want + 100) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const open = new Set<http.IncomingMessage>();
  let failed = 0;
  try {
    const rssBefore = rssMb(server.pid);
    const url = `${server.url}/api/s/${DEMO_SHOP.slug}/stream`;
    const connect = (token: string) =>
      new Promise<void>((resolve) => {
        const req = http.get(url, {
          agent,
          headers: {
            accept: 'text/event-stream',
            [HEADER_DEVICE]: token,
            [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
          },
        });
        const fail = () => (failed++, req.destroy(), resolve());
        const timer = setTimeout(fail, 30_000);
        req.on('error', () => (clearTimeout(timer), fail()));
        req.on('response', (res) => {
          if (res.statusCode !== 200) return void (clearTimeout(timer), res.resume(), fail());
          res.setEncoding('utf8');
          let text = '';
          const onData = (chunk: string) => {
            text += chunk;
            // Open = the server has sent the first event (the version to pull from).
            if (!text.includes('data:')) return;
            clearTimeout(timer);
            res.off('data', onData);
            res.resume();
            open.add(res);
            res.on('close', () => open.delete(res));
            resolve();
          };
          res.on('data', onData);
        });
      });

    const t0 = performance.now();
    for (let i = 0; i < tokens.length && performance.now() - t0 < maxMs; i += batch) {
      await Promise.all(tokens.slice(i, i + batch).map(connect));
    }
    const openMs = performance.now() - t0;
    // Let the server settle with every stream open, then look at it.
    await sleep(3_000);
    const held = open.size;
    const rss = rssMb(server.pid);
    console.log(
      `  sse: ${held} of ${want} streams open after ${(openMs / 1000).toFixed(1)} s (${failed} failed);` +
        ` server RSS ${rssBefore} MB before, ${rss} MB with them open`,
    );
    return {
      sse_clients_held: held,
      sse_rss_mb: Math.round(rss),
      sse_rss_idle_mb: Math.round(rssBefore),
      ...(want < target ? { sse_fd_limit: limit } : {}),
    };
  } finally {
    for (const res of open) res.destroy();
    agent.destroy();
    await server.stop();
  }
}
