import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/roles';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import { loadSchedule, ORDER_COLUMNS, toOrder, type OrderRow } from '../sync/orderRows';
import { shareSecretMatches } from '../sync/shareLink';
import { loadTaken } from '../shops/taken';
import {
  bumpShopVersion,
  findShopBySlug,
  ITEM_COLUMNS,
  loadMenu,
  loadSettings,
  toItem,
  type ItemRow,
} from '../shops/queries';

/** Settings fields and the columns they live in; only fields present in the patch are written (S11). */
const SETTINGS_COLUMNS = {
  name: 'name',
  phone: 'phone',
  address: 'address',
  notice: 'notice',
  timeZone: 'time_zone',
  hours: 'hours',
  pickup: 'pickup_enabled',
  delivery: 'delivery_enabled',
  payAtPickup: 'pay_at_pickup',
  bankTransfer: 'bank_transfer',
  bankAccount: 'bank_account',
} as const;

export function shopRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage } = deps;

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
    };
  });

  register(app, deps, 'sharedOrder', async ({ params, body }) => {
    const [row] = await storage.query<OrderRow & { share_hash: string | null }>(
      `select ${ORDER_COLUMNS}, share_hash from orders o
        where o.id = $1 and o.shop_id = (select id from shops where slug = $2)`,
      [body.orderId, params.slug],
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
    };
  });

  register(app, deps, 'settings', async ({ user }) => loadSettings(storage, user.shopId));

  register(app, deps, 'updateSettings', async ({ user, body }) => {
    return storage.transaction(async (tx) => {
      await bumpShopVersion(tx, user.shopId);
      const entries = Object.entries(body).filter(([, v]) => v !== undefined) as [
        keyof typeof SETTINGS_COLUMNS,
        unknown,
      ][];
      const sets = entries.map(([k], i) => `${SETTINGS_COLUMNS[k]} = $${i + 2}`);
      const values = entries.map(([k, v]) => (k === 'hours' ? JSON.stringify(v) : v));
      await tx.query(`update shops set ${sets.join(', ')} where id = $1`, [user.shopId, ...values]);
      return loadSettings(tx, user.shopId);
    });
  });

  register(app, deps, 'updateItem', async ({ user, params, body }) => {
    if (body.price !== undefined && !can(user.role, 'menu.edit')) throw new ApiError(403, 'owner_only');
    return storage.transaction(async (tx) => {
      const version = await bumpShopVersion(tx, user.shopId);
      const [row] = await tx.query<ItemRow>(
        `update menu_items set
           price = coalesce($3, price),
           sold_out_until = case when $4 then $5::date else sold_out_until end,
           version = $6
         where id = $1 and shop_id = $2
         returning ${ITEM_COLUMNS}`,
        [
          params.itemId,
          user.shopId,
          body.price ?? null,
          body.soldOutUntil !== undefined,
          body.soldOutUntil ?? null,
          version,
        ],
      );
      // Another shop's item looks exactly like a missing one: no probing across shops.
      if (!row) throw new ApiError(404, 'not_found');
      return toItem(row);
    });
  });
}
