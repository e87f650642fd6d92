import { can, type Role } from '../../domain/roles';
import { redeem } from '../../domain/voucher';
import type { MutationArgs } from '../../protocol/sync';
import type { Caller, Outcome, ShopContext } from '../sync/applyMutation';
import { bumpShopVersion } from '../shops/queries';
import type { Queryable } from '../storage/types';

/** A minute of clock skew between a tablet and the server is normal; more is a wrong clock. */
const CLOCK_SLACK_MS = 60_000;

const refused = (code: NonNullable<Outcome['code']>): Outcome => ({
  status: 'rejected',
  code,
  touchedDevices: [],
});

/**
 * A shop device redeemed (part of) a voucher, maybe hours ago with the network down. Applied in
 * arrival order under the shop's lock with the balance checked: the goods have already left the
 * counter, so a redemption beyond the balance is still applied (the balance stops at zero) and its
 * excess is recorded as a shortfall the owner decides on, never dropped (S5).
 */
export async function redeemVoucher(
  tx: Queryable,
  shop: ShopContext,
  caller: Caller,
  clientId: string,
  a: MutationArgs<'redeemVoucher'>,
  now: Date,
): Promise<Outcome> {
  if (caller.kind !== 'shop') return refused('forbidden');
  const [user] = await tx.query<{ role: Role }>('select role from users where id = $1 and shop_id = $2', [
    caller.userId,
    shop.id,
  ]);
  if (!user || !can(user.role, 'vouchers.redeem')) return refused('forbidden');
  // S1: the redemption id is its idempotency key (the outbox may send it again after a lost reply).
  const [done] = await tx.query<{ shop_id: string }>(
    'select shop_id from voucher_redemptions where id = $1',
    [a.redemptionId],
  );
  if (done)
    return done.shop_id === shop.id ? { status: 'applied', touchedDevices: [] } : refused('forbidden');

  const version = await bumpShopVersion(tx, shop.id);
  const [v] = await tx.query<{
    balance: number;
    expires_at: Date | string;
    token: string | null;
    device_id: string | null;
  }>('select balance, expires_at, token, device_id from vouchers where id = $1 and shop_id = $2 for update', [
    a.voucherId,
    shop.id,
  ]);
  if (!v) return refused('voucher_not_found');
  if (v.token === null) return refused('voucher_not_issued');
  // The tablet checked the expiry when it redeemed; its clock is trusted within a minute.
  const at = Math.min(Date.parse(a.at), now.getTime() + CLOCK_SLACK_MS);
  if (at >= new Date(v.expires_at).getTime()) return refused('voucher_expired');

  const effect = redeem(v.balance, a.amount);
  await tx.query(
    `insert into voucher_redemptions (id, shop_id, voucher_id, amount, taken, shortfall, order_id, at,
                                      client_id, user_id, version)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      a.redemptionId,
      shop.id,
      a.voucherId,
      a.amount,
      effect.taken,
      effect.shortfall,
      a.orderId,
      new Date(at),
      clientId,
      caller.userId,
      version,
    ],
  );
  await tx.query('update vouchers set balance = $2, shortfall = shortfall + $3, version = $4 where id = $1', [
    a.voucherId,
    effect.balanceAfter,
    effect.shortfall,
    version,
  ]);
  return { status: 'applied', version, touchedDevices: v.device_id ? [v.device_id] : [] };
}
