import type { MutationArgs } from '../../protocol/sync';
import type { ErrorCode } from '../../protocol/errors';
import { bumpShopVersion } from '../shops/queries';
import type { Queryable } from '../storage/types';
import type { Caller, Outcome, ShopContext } from './applyMutation';

const refused = (code: ErrorCode): Outcome => ({ status: 'rejected', code, touchedDevices: [] });

/**
 * S12: appends one chat message, ordered by the shop's version. A customer writes only in its own
 * conversation; the shop answers only a device that has ordered or written to it (no cold messages
 * to strangers). The message id makes a resend from another round a no-op.
 */
export async function sendMessage(
  tx: Queryable,
  shop: ShopContext,
  caller: Caller,
  a: MutationArgs<'sendMessage'>,
): Promise<Outcome> {
  const author = caller.kind === 'device' ? 'customer' : 'shop';
  if (caller.kind === 'device' && a.deviceId !== undefined && a.deviceId !== caller.deviceId)
    return refused('forbidden');
  const deviceId = caller.kind === 'device' ? caller.deviceId : a.deviceId;
  if (!deviceId) return refused('conversation_not_found');

  const [existing] = await tx.query<{ shop_id: string; device_id: string; author: string }>(
    'select shop_id, device_id, author from messages where id = $1',
    [a.messageId],
  );
  if (existing) {
    const same =
      existing.shop_id === shop.id && existing.device_id === deviceId && existing.author === author;
    return same ? { status: 'applied', touchedDevices: [] } : refused('message_exists');
  }
  if (caller.kind === 'shop') {
    const [known] = await tx.query(
      `select 1 from orders where shop_id = $1 and device_id = $2
       union all select 1 from messages where shop_id = $1 and device_id = $2 limit 1`,
      [shop.id, deviceId],
    );
    if (!known) return refused('conversation_not_found');
  }
  if (a.orderId !== null) {
    const [order] = await tx.query('select 1 from orders where id = $1 and shop_id = $2 and device_id = $3', [
      a.orderId,
      shop.id,
      deviceId,
    ]);
    if (!order) return refused('order_not_found');
  }
  const version = await bumpShopVersion(tx, shop.id);
  await tx.query(
    `insert into messages (id, shop_id, device_id, order_id, author, user_id, body, version)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      a.messageId,
      shop.id,
      deviceId,
      a.orderId,
      author,
      caller.kind === 'shop' ? caller.userId : null,
      a.body,
      version,
    ],
  );
  return { status: 'applied', version, touchedDevices: [deviceId] };
}
