import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Serves the built PWA. Hash-named files under /assets/ never change, so they are cached for a year;
 * everything else (index.html, the service worker, the manifest) must be revalidated, or a phone
 * could keep an old app forever.
 */
export async function installStatic(app: FastifyInstance, dir: string | undefined) {
  const root = dir ? resolve(dir) : undefined;
  if (!root || !existsSync(resolve(root, 'index.html'))) return undefined;
  await app.register(fastifyStatic, {
    root,
    // One route per built file (a new build means a restart anyway); every other GET, "/" included,
    // falls through to the app shell below instead of a directory refusal.
    wildcard: false,
    index: false,
    // Our setHeaders decides caching for every file, including the shell sent by the fallback.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // /s/<slug>, /shop, /invite… are client-side pages: answer them with the app shell. A missing
  // file with an extension stays a 404, so a stale chunk name fails loudly instead of getting HTML.
  return (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    if (/\.[a-z0-9]+$/i.test(path)) return reply.status(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
}
