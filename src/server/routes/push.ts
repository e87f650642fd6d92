import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import type { PushNotifier } from '../push/notify';
import { deleteSubscription, endpointAllowed, shopIdBySlug, upsertSubscription } from '../push/subscriptions';

/**
 * A customer device opts in to (or out of) notifications about its orders at one shop. A device
 * only ever reads or writes its own rows; nothing here says whether anyone else subscribed.
 */
export function pushRoutes(app: FastifyInstance, deps: Deps, notifier: PushNotifier): void {
  const { storage, config } = deps;
  const shopOf = async (slug: string) => {
    const shopId = await shopIdBySlug(storage, slug);
    if (!shopId) throw new ApiError(404, 'shop_not_found');
    return shopId;
  };

  register(app, deps, 'pushKey', async () => ({ publicKey: (await notifier.vapidKeys()).publicKey }));

  register(app, deps, 'pushSubscribe', async ({ params, body, device }) => {
    const shopId = await shopOf(params.slug);
    if (!endpointAllowed(body.endpoint, config)) throw new ApiError(400, 'invalid_input', ['endpoint']);
    await storage.transaction((tx) => upsertSubscription(tx, { shopId, deviceId: device.deviceId, ...body }));
    return { ok: true };
  });

  // Idempotent: unsubscribing twice, or an endpoint this device never registered, is still "done".
  register(app, deps, 'pushUnsubscribe', async ({ params, body, device }) => {
    const shopId = await shopOf(params.slug);
    await deleteSubscription(storage, { shopId, deviceId: device.deviceId, endpoint: body.endpoint });
    return { ok: true };
  });
}
