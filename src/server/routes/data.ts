import type { FastifyInstance } from 'fastify';
import {
  dayTotals,
  rangeProblem,
  salesByItem,
  salesByPeriod,
  salesTotal,
  type DateRange,
} from '../../domain/sales';
import { backupShop } from '../backup/backup';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import type { Queryable } from '../storage/types';
import { ORDER_COLUMNS, toOrder, type OrderRow } from '../sync/orderRows';

function checkRange(range: DateRange): void {
  const problem = rangeProblem(range);
  if (problem) throw new ApiError(400, problem, ['from', 'to']);
}

/** The shop's orders due in the range (by pickup date, the day sales are counted on), any status. */
async function ordersIn(db: Queryable, shopId: string, { from, to }: DateRange) {
  const rows = await db.query<OrderRow>(
    `select ${ORDER_COLUMNS} from orders
      where shop_id = $1 and date between $2::date and $3::date
      order by date, slot nulls first, created_at, id`,
    [shopId, from, to],
  );
  return rows.map(toOrder);
}

async function timeZoneOf(db: Queryable, shopId: string): Promise<string> {
  const [row] = await db.query<{ time_zone: string }>('select time_zone from shops where id = $1', [shopId]);
  if (!row) throw new Error(`shop ${shopId} vanished`);
  return row.time_zone;
}

/**
 * The owner's figures and data: sales by period and item and a day's takings by payment method
 * (aggregated by domain/sales from the orders themselves), the orders behind a CSV export, and the
 * whole shop as one backup file. Each reads only the signed-in member's own shop.
 */
export function dataRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage } = deps;

  register(app, deps, 'salesReport', async ({ user, body }) => {
    checkRange(body);
    const orders = await ordersIn(storage, user.shopId, body);
    return {
      from: body.from,
      to: body.to,
      by: body.by,
      timeZone: await timeZoneOf(storage, user.shopId),
      periods: salesByPeriod(orders, body, body.by),
      items: salesByItem(orders, body),
      total: salesTotal(orders, body),
    };
  });

  register(app, deps, 'salesDay', async ({ user, body }) => {
    checkRange({ from: body.date, to: body.date });
    const orders = await ordersIn(storage, user.shopId, { from: body.date, to: body.date });
    return { ...dayTotals(orders, body.date), timeZone: await timeZoneOf(storage, user.shopId) };
  });

  register(app, deps, 'salesOrders', async ({ user, body }) => {
    checkRange(body);
    return {
      timeZone: await timeZoneOf(storage, user.shopId),
      orders: await ordersIn(storage, user.shopId, body),
    };
  });

  register(app, deps, 'shopBackup', async ({ user }) => backupShop(storage, user.shopId));
}
