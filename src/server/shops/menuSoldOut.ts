import type { MutationArgs } from '../../protocol/sync';
import type { Queryable } from '../storage/types';
import type { Outcome } from '../sync/applyMutation';
import { bumpShopVersion } from './queries';

/**
 * The setSoldOut mutation (S11: last writer wins, in server arrival order). The item takes the new
 * shop version, so every tablet's pull carries it and each customer's menu sees it (public poke).
 * A date already past is stored as sent: "sold out today" queued offline yesterday has simply ended.
 */
export async function setSoldOut(
  tx: Queryable,
  shopId: string,
  a: MutationArgs<'setSoldOut'>,
): Promise<Outcome> {
  const version = await bumpShopVersion(tx, shopId);
  const rows = await tx.query(
    `update menu_items set sold_out_until = $3::date, version = $4
      where id = $1 and shop_id = $2 returning id`,
    [a.itemId, shopId, a.until, version],
  );
  // Another shop's item looks exactly like a missing one (S13).
  if (rows.length === 0) return { status: 'rejected', code: 'unknown_item', touchedDevices: [] };
  return { status: 'applied', version, touchedDevices: [], public: true };
}
