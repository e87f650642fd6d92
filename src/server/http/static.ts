import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { customerPreloadHeader } from './preloads';

/** The kinds of file a build or the shop's uploads contain (and their precompressed copies). */
const STATIC_FILE =
  /\.(?:js|mjs|css|map|html|json|webmanifest|txt|xml|ico|png|jpe?g|webp|gif|avif|svg|woff2?|br|gz)$/i;

/** A shop's customer pages (menu, cart, order, chat); not its voucher wallet, a screen of its own. */
const CUSTOMER_PAGE = /^\/s\/[^/]+(?:\/(?!v(?:\/|$)).*)?$/;

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
    // The build wrote .br and .gz beside each text file (vite.config.ts): sent as they are.
    preCompressed: true,
    // Our setHeaders decides caching for every file, including the shell sent by the fallback.
    cacheControl: false,
    setHeaders(res, path) {
      // A cache between us and the phone must not hand a brotli body to a browser that asked for gzip.
      res.setHeader('vary', 'accept-encoding');
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // /s/<slug>, /shop, /invite… are client-side pages: answer them with the app shell. A missing
  // file of a kind the build makes stays a 404, so a stale chunk name fails loudly instead of
  // getting HTML. Only those kinds: a voucher link ends in "<claims>.<signature>", and one signature
  // in 15 has no "-" or "_", which made "any dot" rules answer a gift's first opening with 404.
  const customerPreloads = customerPreloadHeader(root);
  return (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    if (STATIC_FILE.test(path)) return reply.status(404).type('text/plain').send('Not found');
    if (customerPreloads && CUSTOMER_PAGE.test(path)) reply.header('link', customerPreloads);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
}
