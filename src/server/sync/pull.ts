import type { z } from 'zod/mini';
import type { PullRequest, PullResponse } from '../../protocol/sync';
import { ApiError } from '../http/errors';
import { bumpShopVersion, ITEM_COLUMNS, toItem, type ItemRow } from '../shops/queries';
import type { Storage } from '../storage/types';
import {
  MESSAGE_COLUMNS,
  ORDER_COLUMNS,
  toMessage,
  toSyncedOrder,
  type MessageRow,
  type OrderRow,
} from './orderRows';
import type { PokeHub } from './pokeHub';
import { DELIVERY_COLUMNS, toZones, type DeliveryRow } from '../shops/delivery';
import { ownerOf, type SyncContext } from './push';

/** Rows per page: a fresh tablet catching up on a busy month pulls in a handful of requests. */
export const PULL_PAGE = 1000;

/**
 * A shop device pulling with cursor C proves it has stored every order up to version C. That is the
 * honest moment an order becomes "received by the shop" for its customer, so it is recorded here.
 */
async function markReceived(storage: Storage, hub: PokeHub, shopId: string, cursor: number): Promise<void> {
  if (cursor === 0) return;
  // Most pulls find nothing waiting for receipt: look first, and take the shop's lock only if needed.
  const waiting = await storage.query(
    'select 1 from orders where shop_id = $1 and received_at is null and version <= $2 limit 1',
    [shopId, cursor],
  );
  if (waiting.length === 0) return;
  const touched = await storage.transaction(async (tx) => {
    // Bumping the version takes the shop's lock (S6), the same order every writer uses.
    const version = await bumpShopVersion(tx, shopId);
    const rows = await tx.query<{ id: string; device_id: string | null }>(
      `select id, device_id from orders where shop_id = $1 and received_at is null and version <= $2 limit 1000`,
      [shopId, cursor],
    );
    if (rows.length === 0) return null;
    await tx.query('update orders set received_at = now(), version = $2 where id = any($1::uuid[])', [
      rows.map((r) => r.id),
      version,
    ]);
    return {
      version,
      deviceIds: [...new Set(rows.map((r) => r.device_id).filter((d): d is string => d !== null))],
    };
  });
  if (touched)
    hub.publish({
      shopId,
      version: touched.version,
      deviceIds: touched.deviceIds,
      public: false,
      devicesOnly: true,
    });
}

/**
 * S6/S13: rows in the caller's partition with version > cursor, up to the shop's committed version.
 * Writes to a shop commit in version order (they share the shop's row lock), so nothing committed
 * at or below the returned cursor can appear later.
 */
export async function pull(
  storage: Storage,
  hub: PokeHub,
  ctx: SyncContext,
  req: z.output<typeof PullRequest>,
): Promise<z.input<typeof PullResponse>> {
  if (ctx.caller.kind === 'shop') await markReceived(storage, hub, ctx.shopId, req.cursor);

  const [client] = await storage.query<{ owner: string; last_seq: number }>(
    'select owner, last_seq from sync_clients where client_id = $1',
    [req.clientId],
  );
  if (client && client.owner !== ownerOf(ctx)) throw new ApiError(403, 'client_forbidden');
  // The zones ride along with the version (one read): a device's optimistic total needs them (issue 6).
  const [{ version: head, delivery_version: zonesVersion, ...zoneRow }] = (await storage.query<
    { version: number; delivery_version: number } & DeliveryRow
  >(
    `select version, delivery_version::int as delivery_version, ${DELIVERY_COLUMNS} from shops where id = $1`,
    [ctx.shopId],
  )) as [{ version: number; delivery_version: number } & DeliveryRow];
  const deviceId = ctx.caller.kind === 'device' ? ctx.caller.deviceId : null;
  const inRange = (from: number, to: number) => [ctx.shopId, from, to, deviceId, PULL_PAGE + 1];
  const fetchOrders = (from: number, to: number) =>
    storage.query<OrderRow>(
      `select ${ORDER_COLUMNS} from orders
        where shop_id = $1 and version > $2 and version <= $3 and ($4::uuid is null or device_id = $4)
        order by version limit $5`,
      inRange(from, to),
    );
  const fetchMessages = (from: number, to: number) =>
    storage.query<MessageRow>(
      `select ${MESSAGE_COLUMNS} from messages
        where shop_id = $1 and version > $2 and version <= $3 and ($4::uuid is null or device_id = $4)
        order by version limit $5`,
      inRange(from, to),
    );
  let orders = await fetchOrders(req.cursor, head);
  let messages = await fetchMessages(req.cursor, head);
  let cursor = head;
  // Each list holds its table's first PULL_PAGE + 1 rows, so together they hold every row below the
  // (PULL_PAGE + 1)th smallest version of both: cutting just below it loses nothing.
  const versions = [...orders, ...messages].map((r) => r.version).sort((a, b) => a - b);
  const more = versions.length > PULL_PAGE;
  if (more) {
    const boundary = versions[PULL_PAGE]!;
    if (versions[0] === boundary) {
      // One version holds more than a page (a receipt of many orders at once): take all of it.
      cursor = boundary;
      [orders, messages] = await Promise.all([
        fetchOrders(boundary - 1, boundary),
        fetchMessages(boundary - 1, boundary),
      ]);
    } else {
      cursor = versions.filter((v) => v < boundary).at(-1)!;
      orders = orders.filter((r) => r.version <= cursor);
      messages = messages.filter((r) => r.version <= cursor);
    }
  }
  const items = await storage.query<ItemRow>(
    // From cursor 0 a device gets the whole catalogue, including rows untouched since they were made.
    `select ${ITEM_COLUMNS} from menu_items where shop_id = $1 and (version > $2 or $2 = 0) and version <= $3 order by position`,
    [ctx.shopId, req.cursor, cursor],
  );
  // Items deleted since the device's cursor (a fresh device never had them).
  const removed =
    req.cursor === 0
      ? []
      : await storage.query<{ item_id: string }>(
          'select item_id from menu_item_removals where shop_id = $1 and version > $2 and version <= $3',
          [ctx.shopId, req.cursor, cursor],
        );
  return {
    cursor,
    more,
    lastSeq: client?.last_seq ?? 0,
    orders: orders.map((r) => toSyncedOrder(r, deviceId === null)),
    messages: messages.map(toMessage),
    items: items.map(toItem),
    ...(removed.length > 0 ? { removedItemIds: removed.map((r) => r.item_id) } : {}),
    schedule: ctx.schedule,
    // Only to a device that has not seen this version of them (like items): a fresh device always.
    ...(req.cursor === 0 || zonesVersion > req.cursor ? { delivery: toZones(zoneRow) } : {}),
  };
}
