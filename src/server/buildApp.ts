import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { installErrorHandling } from './http/errors';
import type { Deps } from './http/register';
import { installSecurity } from './http/security';
import { installStatic } from './http/static';
import { accountRoutes } from './routes/accounts';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { shopRoutes } from './routes/shop';
import { staffRoutes } from './routes/staff';
import type { Storage } from './storage/types';

/** Large enough for any order or settings change; anything bigger is a mistake or an attack. */
export const BODY_LIMIT = 64 * 1024;

export async function buildApp(opts: {
  storage: Storage;
  config: Config;
  logger?: boolean;
}): Promise<FastifyInstance> {
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
  });
  // Only JSON: text/plain is the one body type a cross-site form could still send.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  const deps: Deps = { storage: opts.storage, config };
  installSecurity(app, { publicUrl: config.publicUrl });
  const spaFallback = await installStatic(app, config.staticDir);
  installErrorHandling(app, spaFallback);
  healthRoutes(app, deps);
  accountRoutes(app, deps);
  staffRoutes(app, deps);
  shopRoutes(app, deps);
  deviceRoutes(app, deps);
  return app;
}
