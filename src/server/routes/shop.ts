import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import { loadSchedule, ORDER_COLUMNS, toOrder, type OrderRow } from '../sync/orderRows';
import { shareSecretMatches } from '../sync/shareLink';
import { SHOP_ID_BY_SLUG } from '../shops/slugs';
import { loadTaken } from '../shops/taken';
import { updateSettings } from '../shops/updateSettings';
import { loadDeliveryZones, mapConfig } from '../shops/delivery';
import { findShopBySlug, loadMenu, loadSettings } from '../shops/queries';
import { loadShopAway } from '../shops/presence';

export function shopRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, hub } = deps;

  register(app, deps, 'publicShop', async ({ params }) => {
    const shop = await findShopBySlug(storage, params.slug);
    if (!shop) throw new ApiError(404, 'shop_not_found');
    const { id, ...settings } = shop;
    const schedule = await loadSchedule(storage, id);
    return {
      shop: settings,
      schedule,
      ...(await loadMenu(storage, id)),
      taken: await loadTaken(storage, id, schedule),
      delivery: await loadDeliveryZones(storage, id),
      map: mapConfig(deps.config),
      shopAway: await loadShopAway(storage, id, schedule),
    };
  });

  register(app, deps, 'sharedOrder', async ({ params, body }) => {
    const [row] = await storage.query<OrderRow & { share_hash: string | null }>(
      `select ${ORDER_COLUMNS}, share_hash from orders o
        where o.id = $2 and o.shop_id = ${SHOP_ID_BY_SLUG}`,
      [params.slug, body.orderId],
    );
    // A wrong secret and a missing order answer alike: a link cannot be used to probe for orders.
    if (!row || !shareSecretMatches(body.secret, row.share_hash))
      throw new ApiError(404, 'share_link_invalid');
    const o = toOrder(row);
    return {
      id: o.id,
      lines: o.lines,
      total: o.total,
      status: o.status,
      fulfilment: o.fulfilment,
      date: o.date,
      slot: o.slot,
      payment: o.payment,
      paidAt: o.paidAt,
      createdAt: o.createdAt,
      receivedAt: o.receivedAt,
      readyBy: o.readyBy,
      rejectReason: o.rejectReason,
      number: o.number ?? null,
      payBy: o.payBy ?? null,
      cancelReason: o.cancelReason ?? null,
    };
  });

  register(app, deps, 'settings', async ({ user }) => loadSettings(storage, user.shopId));

  register(app, deps, 'updateSettings', async ({ user, body }) => {
    const { settings, version } = await updateSettings(storage, user.shopId, body);
    // S8: every tablet and phone of the shop pulls now and gets the new schedule; nothing waits for
    // the periodic pull. Public: a customer's calendar depends on it as much as the shop's.
    hub.publish({ shopId: user.shopId, version, deviceIds: [], public: true });
    return settings;
  });
}
