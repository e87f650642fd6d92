/** The ceiling for comparison: a trivial route on a bare Fastify app, measured like the real routes. */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { runTsWorker, type Figures } from './lib';

export async function bareFastify(durationS = 5, connections = 50): Promise<Figures> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    const r = await runTsWorker<{ rps: number; errors: number }>(
      new URL('./workers/autocannon.ts', import.meta.url),
      { url: `http://127.0.0.1:${port}/`, connections, durationS },
      (durationS + 30) * 1000,
    );
    return { bare_fastify_rps: Math.round(r.rps), ...(r.errors ? { bare_fastify_errors: r.errors } : {}) };
  } finally {
    await app.close();
  }
}
