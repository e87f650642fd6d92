import type { FastifyInstance } from 'fastify';
import { registerDevice } from '../auth/devices';
import { enforce } from '../auth/rateLimit';
import { register, type Deps } from '../http/register';

export function deviceRoutes(app: FastifyInstance, deps: Deps): void {
  register(app, deps, 'registerDevice', async ({ req, reply }) => {
    await enforce(deps.storage, `device-ip:${req.ip}`, deps.config.limits.devicePerIp);
    reply.status(201);
    return registerDevice(deps.storage);
  });
  register(app, deps, 'device', async ({ device }) => ({
    deviceId: device.deviceId,
    createdAt: device.createdAt.toISOString(),
  }));
}
