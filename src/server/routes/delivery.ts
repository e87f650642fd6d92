import type { FastifyInstance } from 'fastify';
import { register, type Deps } from '../http/register';
import { loadDeliveryZones, mapConfig, saveDeliveryZones } from '../shops/delivery';

/** The shop's pin and delivery zones (issue 6): any member reads them, the owner changes them. */
export function deliveryRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, hub, config } = deps;

  register(app, deps, 'deliverySettings', async ({ user }) => ({
    delivery: await loadDeliveryZones(storage, user.shopId),
    map: mapConfig(config),
  }));

  register(app, deps, 'updateDelivery', async ({ user, body }) => {
    const { zones, version } = await saveDeliveryZones(storage, user.shopId, body);
    // S8: public, since every customer's fee depends on it; phones pull and get the new zones.
    hub.publish({ shopId: user.shopId, version, deviceIds: [], public: true });
    return { delivery: zones, map: mapConfig(config) };
  });
}
