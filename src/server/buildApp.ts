import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { answerError, installErrorHandling, clientErrorAnswer } from './http/errors';
import type { Deps } from './http/register';
import { installSecurity, securityHeaders, type SecurityOptions } from './http/security';
import { installStatic } from './http/static';
import { accountRoutes } from './routes/accounts';
import { dataRoutes } from './routes/data';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { menuRoutes } from './routes/menu';
import { deliveryRoutes } from './routes/delivery';
import { PushNotifier } from './push/notify';
import { vapidSubject } from './push/vapid';
import { pushRoutes } from './routes/push';
import { shopRoutes } from './routes/shop';
import { staffRoutes } from './routes/staff';
import { syncRoutes } from './routes/sync';
import { voucherRoutes } from './routes/vouchers';
import { LocalPokeHub } from './sync/localPokeHub';
import { openPgPokeHub } from './sync/pgPokeHub';
import type { PokeHub } from './sync/pokeHub';
import { PokeStreams } from './sync/stream';
import { TransferSweeper, type SweeperOptions } from './payments/transferSweeper';
import { AutoRejectSweeper, type AutoRejectOptions } from './jobs/autoRejectSweeper';
import type { Storage } from './storage/types';

/** Large enough for any order or settings change; anything bigger is a mistake or an attack. */
export const BODY_LIMIT = 64 * 1024;

export interface BuildOptions {
  storage: Storage;
  config: Config;
  logger?: boolean;
  /** Sees every route as it is registered (the security matrix checks none is left out). */
  onRoute?: (method: string, url: string) => void;
  /** Where pokes travel; by default LISTEN/NOTIFY when DATABASE_URL is set, else in-process. */
  pokeHub?: PokeHub;
  /** Sends order notifications (Web Push); tests pass their own to await its sends. */
  pushNotifier?: PushNotifier;
  /** The job that cancels overdue bank transfers (#16): its clock and pace, or false for none. */
  transferSweep?: Pick<SweeperOptions, 'intervalMs' | 'now'> | false;
  /** The job that rejects orders nobody answered in the shop's minutes (#17): its clock and pace, or false. */
  autoReject?: Pick<AutoRejectOptions, 'intervalMs' | 'now'> | false;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            // Credentials never reach a log line, whatever a future serializer includes.
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'req.headers["x-dangol-device"]',
              'res.headers["set-cookie"]',
            ],
          },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // Fail requests on a closing server with 503 so a load balancer retries elsewhere.
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (err, req, reply) => void answerError(err, req, reply),
    // Issue #15: a client that stalls sending its request is cut off. Node's requestTimeout covers
    // receiving the request (headers and body) only, never the answer, so event streams live on.
    requestTimeout: config.timeouts.requestMs,
    keepAliveTimeout: config.timeouts.keepAliveMs,
    // A socket on which nothing at all moves (not even a stream's heartbeat) is closed.
    connectionTimeout: config.timeouts.idleMs,
    // Node's own refusals (a stalled request, oversized headers, bytes that are not HTTP) as {code, message}.
    clientErrorHandler: (err, socket) => clientErrorAnswer(err, socket),
  });
  app.server.headersTimeout = Math.min(config.timeouts.headersMs, config.timeouts.requestMs);
  // How often Node looks for stalled requests (30 s by default, which would double the timeout); read
  // when the server starts listening. Not in @types/node as a property, only as a createServer option.
  (app.server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = Math.max(
    50,
    Math.min(5_000, Math.floor(app.server.headersTimeout / 4)),
  );
  if (opts.onRoute) {
    const seen = opts.onRoute;
    app.addHook('onRoute', (r) => [r.method].flat().forEach((m) => seen(m, r.url)));
  }
  // Only JSON: text/plain is the one body type a cross-site form could still send.
  app.removeContentTypeParser('text/plain');
  // Shutting down: a request already in flight gets its answer, then its keep-alive connection is
  // closed; otherwise the process would wait out the keep-alive timeout before it could exit.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  await app.register(fastifyCookie);
  const hub =
    opts.pokeHub ??
    (config.databaseUrl ? await openPgPokeHub({ url: config.databaseUrl }) : new LocalPokeHub());
  const security: SecurityOptions = {
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
    tileUrl: config.tiles?.tileUrl,
    geocoderUrl: config.geocoderUrl,
    port: config.port,
  };
  const streams = new PokeStreams({ headers: securityHeaders(security), caps: config.streams });
  app.addHook('preClose', async () => streams.closeAll());
  // A hub we opened is ours to close; one passed in belongs to the caller.
  if (!opts.pokeHub) app.addHook('onClose', async () => hub.close());
  const deps: Deps = { storage: opts.storage, config, hub, streams };
  const notifier =
    opts.pushNotifier ??
    new PushNotifier(opts.storage, { subject: vapidSubject(config), log: app.log.child({ part: 'push' }) });
  // The VAPID key pair is made on the first start, not on some customer's first tap.
  await notifier.vapidKeys();
  // Ours to close: sends still out get a moment, and are abandoned rather than holding up the exit.
  if (!opts.pushNotifier) app.addHook('onClose', async () => notifier.close());
  if (opts.transferSweep !== false) {
    const sweeper = new TransferSweeper({
      storage: opts.storage,
      hub,
      log: app.log.child({ part: 'transfer-sweep' }),
      onCancelled: (orderId) => notifier.mutationApplied('transferDeadline', orderId),
      ...opts.transferSweep,
    });
    // Stopped (and its sweep in progress awaited) before the hub and the storage close.
    app.addHook('preClose', async () => sweeper.stop());
    app.addHook('onReady', async () => sweeper.start());
  }
  if (opts.autoReject !== false) {
    const rejecter = new AutoRejectSweeper({
      storage: opts.storage,
      hub,
      log: app.log.child({ part: 'auto-reject' }),
      onRejected: (orderId) => notifier.mutationApplied('autoReject', orderId),
      ...opts.autoReject,
    });
    // Like the transfer sweeper: stopped, its run awaited, before the hub and the storage close.
    app.addHook('preClose', async () => rejecter.stop());
    app.addHook('onReady', async () => rejecter.start());
  }
  installSecurity(app, security);
  const spaFallback = await installStatic(app, config.staticDir);
  installErrorHandling(app, spaFallback);
  healthRoutes(app, deps);
  accountRoutes(app, deps);
  staffRoutes(app, deps);
  shopRoutes(app, deps);
  menuRoutes(app, deps);
  deliveryRoutes(app, deps);
  deviceRoutes(app, deps);
  syncRoutes(app, deps, notifier);
  pushRoutes(app, deps, notifier);
  dataRoutes(app, deps);
  voucherRoutes(app, deps);
  return app;
}
