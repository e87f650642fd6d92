import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import { findShopContext } from '../sync/orderRows';
import {
  balanceOf,
  confirmVoucher,
  issueVoucher,
  myVouchers,
  requestVoucher,
  resolveConflict,
  shopVouchers,
  voucherKey,
} from '../vouchers/vouchers';

/**
 * Gift vouchers (issue #7). Selling and confirming need a connection (the server signs); accepting
 * one at the counter does not: that is the redeemVoucher mutation, and the tablet keeps what it needs
 * to verify from shopVouchers.
 */
export function voucherRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, hub } = deps;
  const poke = (shopId: string, version: number, deviceIds: string[] = []) =>
    hub.publish({ shopId, version, deviceIds, public: false });
  const shopBySlug = async (slug: string) => {
    const shop = await findShopContext(storage, { slug });
    if (!shop) throw new ApiError(404, 'shop_not_found');
    return shop.id;
  };

  register(app, deps, 'shopVouchers', async ({ user }) => shopVouchers(storage, user.shopId));

  register(app, deps, 'issueVoucher', async ({ user, body, reply }) => {
    const { voucher, version, created } = await issueVoucher(storage, user.shopId, body);
    if (version !== null) poke(user.shopId, version);
    reply.code(created ? 201 : 200);
    return voucher;
  });

  register(app, deps, 'confirmVoucher', async ({ user, body }) => {
    const { voucher, version, deviceId } = await confirmVoucher(storage, user.shopId, body);
    poke(user.shopId, version, deviceId ? [deviceId] : []);
    return voucher;
  });

  register(app, deps, 'resolveVoucherConflict', async ({ user, body }) => {
    poke(user.shopId, await resolveConflict(storage, user.shopId, body));
    return { ok: true as const };
  });

  register(app, deps, 'voucherKey', async ({ params }) => voucherKey(storage, await shopBySlug(params.slug)));

  register(app, deps, 'voucherBalance', async ({ params, body }) =>
    balanceOf(storage, await shopBySlug(params.slug), body.token),
  );

  register(app, deps, 'requestVoucher', async ({ params, body, device, reply }) => {
    const voucher = await requestVoucher(storage, await shopBySlug(params.slug), device.deviceId, body);
    reply.code(201);
    return voucher;
  });

  register(app, deps, 'myVouchers', async ({ params, device }) =>
    myVouchers(storage, await shopBySlug(params.slug), device.deviceId),
  );
}
