import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import { findShopBySlug } from '../shops/queries';
import { pull } from '../sync/pull';
import { push, type SyncContext } from '../sync/push';

/** The shop a customer device is syncing with, from the link it came from. */
async function shopIdOf(deps: Deps, slug: string): Promise<string> {
  const shop = await findShopBySlug(deps.storage, slug);
  if (!shop) throw new ApiError(404, 'shop_not_found');
  return shop.id;
}

async function headVersion(deps: Deps, shopId: string): Promise<number> {
  const [row] = await deps.storage.query<{ version: number }>('select version from shops where id = $1', [
    shopId,
  ]);
  return row?.version ?? 0;
}

export function syncRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, hub, streams } = deps;

  const customer = async (slug: string, deviceId: string): Promise<SyncContext> => ({
    shopId: await shopIdOf(deps, slug),
    caller: { kind: 'device', deviceId },
  });

  register(app, deps, 'customerPush', async ({ params, body, device }) =>
    push(storage, hub, await customer(params.slug, device.deviceId), body),
  );
  register(app, deps, 'customerPull', async ({ params, body, device }) =>
    pull(storage, hub, await customer(params.slug, device.deviceId), body),
  );
  register(app, deps, 'customerStream', async ({ req, reply, params, device }) => {
    const shopId = await shopIdOf(deps, params.slug);
    await streams.open(req, reply, {
      hub,
      shopId,
      audience: { kind: 'device', deviceId: device.deviceId },
      currentVersion: () => headVersion(deps, shopId),
    });
    return reply as never;
  });

  const shop = (user: { shopId: string; userId: string }): SyncContext => ({
    shopId: user.shopId,
    caller: { kind: 'shop', userId: user.userId },
  });
  register(app, deps, 'shopPush', async ({ body, user }) => push(storage, hub, shop(user), body));
  register(app, deps, 'shopPull', async ({ body, user }) => pull(storage, hub, shop(user), body));
  register(app, deps, 'shopStream', async ({ req, reply, user }) => {
    await streams.open(req, reply, {
      hub,
      shopId: user.shopId,
      audience: { kind: 'shop' },
      currentVersion: () => headVersion(deps, user.shopId),
    });
    return reply as never;
  });
}
