import type { Permission } from '../domain/roles';
import { z } from 'zod/mini';
import * as S from './schemas';
import * as Sync from './sync';
import * as V from './voucher';
import * as D from './delivery';

/**
 * Who may call a route:
 * - `public`: anyone, no identity needed;
 * - `device`: a customer device (the device header);
 * - `user`: any signed-in member of a shop;
 * - a Permission: a signed-in member whose role grants it (see domain/roles).
 */
export type Access = 'public' | 'device' | 'user' | Permission;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  params?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** A Server-Sent Events stream rather than one JSON answer. */
  stream?: boolean;
  /** A larger request than the app-wide limit (a menu photo); bytes. */
  bodyLimit?: number;
}

/**
 * The whole HTTP API in one table. The server registers exactly these routes and the client calls
 * them by name, so request and response types cannot drift apart. The security matrix test fails
 * when a route exists here without a row there.
 */
export const routes = {
  health: { method: 'GET', path: '/healthz', access: 'public', response: S.Health },
  signup: { method: 'POST', path: '/api/shops', access: 'public', body: S.SignupRequest, response: S.Me },
  publicShop: {
    method: 'GET',
    path: '/api/shops/:slug',
    access: 'public',
    params: S.SlugParams,
    response: S.PublicShop,
  },
  login: { method: 'POST', path: '/api/auth/login', access: 'public', body: S.LoginRequest, response: S.Me },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'user', body: S.EmptyBody, response: S.Ok },
  me: { method: 'GET', path: '/api/auth/me', access: 'user', response: S.Me },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    access: 'user',
    body: S.ChangePasswordRequest,
    response: S.Ok,
  },
  settings: { method: 'GET', path: '/api/shop/settings', access: 'settings.read', response: S.ShopSettings },
  updateSettings: {
    method: 'PATCH',
    path: '/api/shop/settings',
    access: 'settings.edit',
    body: S.SettingsPatch,
    response: S.ShopSettings,
  },
  updateItem: {
    method: 'PATCH',
    path: '/api/shop/items/:itemId',
    access: 'menu.soldOut',
    params: S.ItemIdParams,
    body: S.ItemPatch,
    response: S.MenuItemSchema,
  },
  // ——— menu editing (owner; sold out is the setSoldOut mutation, which works offline) ———
  createItem: {
    method: 'POST',
    path: '/api/shop/items',
    access: 'menu.edit',
    body: S.ItemCreate,
    response: S.MenuItemSchema,
  },
  deleteItem: {
    method: 'DELETE',
    path: '/api/shop/items/:itemId',
    access: 'menu.edit',
    params: S.ItemIdParams,
    response: S.Ok,
  },
  uploadPhoto: {
    method: 'POST',
    path: '/api/shop/items/:itemId/photo',
    access: 'menu.edit',
    params: S.ItemIdParams,
    body: S.PhotoUpload,
    response: S.MenuItemSchema,
    // JSON framing and base64 around the largest photo the schema lets through.
    bodyLimit: S.PHOTO_BASE64_MAX + 1024,
  },
  createCategory: {
    method: 'POST',
    path: '/api/shop/categories',
    access: 'menu.edit',
    body: S.CategoryCreate,
    response: S.MenuCategories,
  },
  reorderCategories: {
    method: 'POST',
    path: '/api/shop/categories/order',
    access: 'menu.edit',
    body: S.CategoryOrder,
    response: S.MenuCategories,
  },
  updateCategory: {
    method: 'PATCH',
    path: '/api/shop/categories/:categoryId',
    access: 'menu.edit',
    params: S.CategoryIdParams,
    body: S.CategoryPatch,
    response: S.MenuCategories,
  },
  deleteCategory: {
    method: 'DELETE',
    path: '/api/shop/categories/:categoryId',
    access: 'menu.edit',
    params: S.CategoryIdParams,
    response: S.MenuCategories,
  },
  staffList: { method: 'GET', path: '/api/shop/staff', access: 'staff.manage', response: S.StaffList },
  createInvite: {
    method: 'POST',
    path: '/api/shop/invites',
    access: 'staff.manage',
    body: S.EmptyBody,
    response: S.InviteCreated,
  },
  removeStaff: {
    method: 'DELETE',
    path: '/api/shop/staff/:userId',
    access: 'staff.manage',
    params: S.UserIdParams,
    response: S.Ok,
  },
  inspectInvite: {
    method: 'POST',
    path: '/api/invites/inspect',
    access: 'public',
    body: S.InviteInspectRequest,
    response: S.InviteInfo,
  },
  acceptInvite: {
    method: 'POST',
    path: '/api/invites/accept',
    access: 'public',
    body: S.InviteAcceptRequest,
    response: S.Me,
  },
  registerDevice: {
    method: 'POST',
    path: '/api/devices',
    access: 'public',
    body: S.EmptyBody,
    response: S.DeviceRegistered,
  },
  device: { method: 'GET', path: '/api/devices/me', access: 'device', response: S.DeviceInfo },

  // ——— sync (S1–S14): a customer device in one shop, and the shop's own devices ———
  customerPush: {
    method: 'POST',
    path: '/api/s/:slug/push',
    access: 'device',
    params: S.SlugParams,
    body: Sync.PushRequest,
    response: Sync.PushResponse,
  },
  customerPull: {
    method: 'POST',
    path: '/api/s/:slug/pull',
    access: 'device',
    params: S.SlugParams,
    body: Sync.PullRequest,
    response: Sync.PullResponse,
  },
  /** Server-Sent Events of contentless pokes; `response` describes one event's data. */
  customerStream: {
    method: 'GET',
    path: '/api/s/:slug/stream',
    access: 'device',
    params: S.SlugParams,
    response: z.strictObject({ version: z.int() }),
    stream: true,
  },
  /** An order's progress for whoever holds its share link (a family member picking it up). */
  sharedOrder: {
    method: 'POST',
    path: '/api/s/:slug/shared-order',
    access: 'public',
    params: S.SlugParams,
    body: Sync.SharedOrderRequest,
    response: Sync.SharedOrderSchema,
  },
  shopPush: {
    method: 'POST',
    path: '/api/shop/push',
    access: 'orders.handle',
    body: Sync.PushRequest,
    response: Sync.PushResponse,
  },
  shopPull: {
    method: 'POST',
    path: '/api/shop/pull',
    access: 'orders.handle',
    body: Sync.PullRequest,
    response: Sync.PullResponse,
  },
  shopStream: {
    method: 'GET',
    path: '/api/shop/stream',
    access: 'orders.handle',
    response: z.strictObject({ version: z.int() }),
    stream: true,
  },

  // ——— Web Push: a customer device opts in to status notifications for its orders at one shop ———
  pushKey: { method: 'GET', path: '/api/push/key', access: 'public', response: S.PushKey },
  pushSubscribe: {
    method: 'POST',
    path: '/api/shops/:slug/push',
    access: 'device',
    params: S.SlugParams,
    body: S.PushSubscribeRequest,
    response: S.Ok,
  },
  pushUnsubscribe: {
    method: 'POST',
    path: '/api/shops/:slug/push/unsubscribe',
    access: 'device',
    params: S.SlugParams,
    body: S.PushUnsubscribeRequest,
    response: S.Ok,
  },

  // ——— sales and data (owner): figures, CSV sources and the shop's full backup ———
  salesReport: {
    method: 'POST',
    path: '/api/shop/sales',
    access: 'sales.read',
    body: S.SalesRequest,
    response: S.SalesReport,
  },
  salesDay: {
    method: 'POST',
    path: '/api/shop/sales/day',
    access: 'sales.read',
    body: S.SalesDayRequest,
    response: S.SalesDay,
  },
  /** Every order picked up (or due) in the range, any status: the source of the orders CSV. */
  salesOrders: {
    method: 'POST',
    path: '/api/shop/sales/orders',
    access: 'sales.read',
    body: S.SalesOrdersRequest,
    response: z.strictObject({ timeZone: z.string(), orders: z.array(Sync.OrderSchema) }),
  },
  shopBackup: { method: 'GET', path: '/api/shop/backup', access: 'sales.read', response: S.ShopBackup },

  // ——— gift vouchers (issue #7); redeeming is the redeemVoucher mutation, which works offline ———
  shopVouchers: {
    method: 'GET',
    path: '/api/shop/vouchers',
    access: 'vouchers.redeem',
    response: V.ShopVouchers,
  },
  issueVoucher: {
    method: 'POST',
    path: '/api/shop/vouchers',
    access: 'vouchers.issue',
    body: V.IssueVoucherRequest,
    response: V.VoucherSchema,
  },
  confirmVoucher: {
    method: 'POST',
    path: '/api/shop/vouchers/confirm',
    access: 'vouchers.issue',
    body: V.ConfirmVoucherRequest,
    response: V.VoucherSchema,
  },
  resolveVoucherConflict: {
    method: 'POST',
    path: '/api/shop/vouchers/resolve',
    access: 'vouchers.issue',
    body: V.ResolveConflictRequest,
    response: S.Ok,
  },
  /** The shop's public voucher key: public data, so any device can verify a voucher offline. */
  voucherKey: {
    method: 'GET',
    path: '/api/shops/:slug/voucher-key',
    access: 'public',
    params: S.SlugParams,
    response: V.VoucherKey,
  },
  /** A voucher's balance for whoever holds its token (the wallet on the recipient's phone). */
  voucherBalance: {
    method: 'POST',
    path: '/api/s/:slug/vouchers/balance',
    access: 'public',
    params: S.SlugParams,
    body: V.VoucherTokenRequest,
    response: V.VoucherBalance,
  },
  requestVoucher: {
    method: 'POST',
    path: '/api/s/:slug/vouchers/request',
    access: 'device',
    params: S.SlugParams,
    body: V.RequestVoucherRequest,
    response: V.VoucherSchema,
  },
  myVouchers: {
    method: 'GET',
    path: '/api/s/:slug/vouchers',
    access: 'device',
    params: S.SlugParams,
    response: V.MyVouchers,
  },

  // ——— delivery zones and the map (issue 6): read by any member, changed by the owner ———
  deliverySettings: {
    method: 'GET',
    path: '/api/shop/delivery',
    access: 'settings.read',
    response: D.DeliverySettingsSchema,
  },
  /** Replaces the shop's pin and zones as a whole: the owner's editor always sends all of them. */
  updateDelivery: {
    method: 'POST',
    path: '/api/shop/delivery',
    access: 'settings.edit',
    body: D.DeliveryZonesSchema,
    response: D.DeliverySettingsSchema,
    // Drawn areas are bulky JSON: 20 areas of 200 corners are ~200 KB, over the app-wide limit.
    bodyLimit: 512 * 1024,
  },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type SchemaOf<R, K extends string> = R extends Record<K, infer T extends z.ZodMiniType> ? T : never;
export type RouteBody<N extends RouteName> = z.input<SchemaOf<Routes[N], 'body'>>;
export type RouteParams<N extends RouteName> = z.input<SchemaOf<Routes[N], 'params'>>;
export type RouteResponse<N extends RouteName> = z.output<Routes[N]['response']>;

/** "/api/shops/:slug" + {slug: "a"} → "/api/shops/a", each value URL-encoded. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
