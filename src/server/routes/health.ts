import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../protocol/version';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';

/** Healthy means the database answers: a load balancer must not send orders to a process that cannot save them. */
export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  register(app, deps, 'health', async () => {
    try {
      await deps.storage.ping();
    } catch {
      throw new ApiError(503, 'unavailable');
    }
    return { ok: true, database: deps.storage.driver, protocol: PROTOCOL_VERSION };
  });
}
