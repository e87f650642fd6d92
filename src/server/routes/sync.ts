import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors';
import type { PushNotifier } from '../push/notify';
import { register, type Deps } from '../http/register';
import { findShopContext } from '../sync/orderRows';
import { pull } from '../sync/pull';
import { push, type SyncContext } from '../sync/push';
import type { Caller } from '../sync/applyMutation';

/** The shop a request syncs with — from a customer's link (slug) or a member's session (id) — in one query. */
async function contextOf(
  deps: Deps,
  by: { slug: string } | { id: string },
  caller: Caller,
): Promise<SyncContext> {
  const shop = await findShopContext(deps.storage, by);
  if (!shop) throw new ApiError(404, 'shop_not_found');
  return { shopId: shop.id, schedule: shop.schedule, caller };
}

async function headVersion(deps: Deps, shopId: string): Promise<number> {
  const [row] = await deps.storage.query<{ version: number }>('select version from shops where id = $1', [
    shopId,
  ]);
  return row?.version ?? 0;
}

export function syncRoutes(app: FastifyInstance, deps: Deps, notifier: PushNotifier): void {
  const { storage, hub, streams } = deps;
  const device = (deviceId: string): Caller => ({ kind: 'device', deviceId });
  const member = (userId: string): Caller => ({ kind: 'shop', userId });

  register(app, deps, 'customerPush', async ({ params, body, device: d }) =>
    push(storage, hub, await contextOf(deps, { slug: params.slug }, device(d.deviceId)), body, notifier),
  );
  register(app, deps, 'customerPull', async ({ params, body, device: d }) =>
    pull(storage, hub, await contextOf(deps, { slug: params.slug }, device(d.deviceId)), body),
  );
  register(app, deps, 'customerStream', async ({ req, reply, params, device: d }) => {
    const { shopId } = await contextOf(deps, { slug: params.slug }, device(d.deviceId));
    await streams.open(req, reply, {
      hub,
      shopId,
      audience: { kind: 'device', deviceId: d.deviceId },
      currentVersion: () => headVersion(deps, shopId),
    });
    return reply as never;
  });

  register(app, deps, 'shopPush', async ({ body, user }) =>
    push(storage, hub, await contextOf(deps, { id: user.shopId }, member(user.userId)), body, notifier),
  );
  register(app, deps, 'shopPull', async ({ body, user }) =>
    pull(storage, hub, await contextOf(deps, { id: user.shopId }, member(user.userId)), body),
  );
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
