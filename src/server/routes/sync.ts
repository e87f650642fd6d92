import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Mutation } from '../../protocol/sync';
import type { DataRefused } from '../storage/types';
import { ApiError } from '../http/errors';
import type { PushNotifier } from '../push/notify';
import { register, type Deps } from '../http/register';
import { findShopContext } from '../sync/orderRows';
import { markShopSeen } from '../shops/presence';
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

/** An operator should hear of data the database refused: it means a gap in the protocol's text rule. */
function logRefusal(req: FastifyRequest) {
  return (err: DataRefused, m: Mutation) =>
    req.log.warn(
      { sqlState: err.sqlState, mutation: m.name, mutationId: m.mutationId },
      'the database refused a mutation; stored as refused (cannot_apply)',
    );
}

export function syncRoutes(app: FastifyInstance, deps: Deps, notifier: PushNotifier): void {
  const { storage, hub, streams } = deps;
  const device = (deviceId: string): Caller => ({ kind: 'device', deviceId });
  const member = (userId: string): Caller => ({ kind: 'shop', userId });

  register(app, deps, 'customerPush', async ({ req, params, body, device: d }) =>
    push(
      storage,
      hub,
      await contextOf(deps, { slug: params.slug }, device(d.deviceId)),
      body,
      notifier,
      logRefusal(req),
    ),
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
      holder: `device:${d.deviceId}`,
      currentVersion: () => headVersion(deps, shopId),
    });
    return reply as never;
  });

  register(app, deps, 'shopPush', async ({ req, body, user }) =>
    push(
      storage,
      hub,
      await contextOf(deps, { id: user.shopId }, member(user.userId)),
      body,
      notifier,
      logRefusal(req),
    ),
  );
  register(app, deps, 'shopPull', async ({ req, body, user }) => {
    const ctx = await contextOf(deps, { id: user.shopId }, member(user.userId));
    // Issue #17: a shop device is connected. Never in the way of the pull itself.
    await markShopSeen(storage, user.shopId).catch((err: unknown) =>
      req.log.warn({ err }, 'could not note that a shop device pulled'),
    );
    return pull(storage, hub, ctx, body);
  });
  register(app, deps, 'shopStream', async ({ req, reply, user }) => {
    await streams.open(req, reply, {
      hub,
      shopId: user.shopId,
      audience: { kind: 'shop' },
      holder: `session:${user.sessionId}`,
      currentVersion: () => headVersion(deps, user.shopId),
    });
    return reply as never;
  });
}
