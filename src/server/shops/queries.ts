import type { CheckoutRules } from '../../domain/checkout';
import type { MenuItem } from '../../domain/catalogue';
import type { WeeklyHours } from '../../domain/hours';
import type { RouteResponse } from '../../protocol/routes';
import type { Queryable } from '../storage/types';
import { SHOP_ID_BY_SLUG } from './slugs';

type Settings = RouteResponse<'settings'>;

/**
 * S6: every change to a shop's data takes the shop row's lock and the next version in the same
 * transaction, so versions are gap-free per shop and writers to one shop go one at a time.
 */
export async function bumpShopVersion(tx: Queryable, shopId: string): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    'update shops set version = version + 1 where id = $1 returning version',
    [shopId],
  );
  if (!row) throw new Error(`shop ${shopId} vanished`);
  return row.version;
}

const SETTINGS_COLUMNS = `id, slug, name, phone, address, notice, time_zone, hours,
  pickup_enabled, delivery_enabled, pay_at_pickup, bank_transfer, bank_account,
  transfer_deadline_minutes,
  slot_minutes, slot_capacity, lead_minutes, preorder_days, closed_dates,
  contact_optional_for_pickup, max_per_item, max_per_order, board_lead_minutes, now_capacity, pause_when_away,
  re_alert_minutes, auto_reject_minutes`;
interface ShopRow {
  id: string;
  slug: string;
  name: string;
  phone: string;
  address: string;
  notice: string;
  time_zone: string;
  hours: WeeklyHours;
  pickup_enabled: boolean;
  delivery_enabled: boolean;
  pay_at_pickup: boolean;
  bank_transfer: boolean;
  bank_account: string;
  transfer_deadline_minutes: number;
  slot_minutes: number;
  slot_capacity: number;
  lead_minutes: number;
  preorder_days: number;
  closed_dates: string[];
  contact_optional_for_pickup: boolean;
  max_per_item: number;
  max_per_order: number;
  board_lead_minutes: number;
  now_capacity: number;
  pause_when_away: boolean;
  re_alert_minutes: number;
  auto_reject_minutes: number;
}

function toSettings(r: ShopRow): Settings {
  return {
    name: r.name,
    slug: r.slug,
    phone: r.phone,
    address: r.address,
    notice: r.notice,
    timeZone: r.time_zone,
    hours: r.hours,
    pickup: r.pickup_enabled,
    delivery: r.delivery_enabled,
    payAtPickup: r.pay_at_pickup,
    bankTransfer: r.bank_transfer,
    bankAccount: r.bank_account,
    transferDeadlineMinutes: r.transfer_deadline_minutes,
    slotMinutes: r.slot_minutes,
    slotCapacity: r.slot_capacity,
    leadMinutes: r.lead_minutes,
    preorderDays: r.preorder_days,
    closedDates: r.closed_dates,
    contactOptionalForPickup: r.contact_optional_for_pickup,
    maxPerItem: r.max_per_item,
    maxPerOrder: r.max_per_order,
    boardLeadMinutes: r.board_lead_minutes,
    nowCapacity: r.now_capacity,
    pauseWhenAway: r.pause_when_away,
    reAlertMinutes: r.re_alert_minutes,
    autoRejectMinutes: r.auto_reject_minutes,
  };
}

export async function findShopBySlug(
  db: Queryable,
  slug: string,
): Promise<(Settings & { id: string }) | null> {
  // A former slug still leads here (an old QR poster): see shops/slugs.ts.
  const [row] = await db.query<ShopRow>(
    `select ${SETTINGS_COLUMNS} from shops where id = ${SHOP_ID_BY_SLUG}`,
    [slug],
  );
  return row ? { id: row.id, ...toSettings(row) } : null;
}

export async function loadSettings(db: Queryable, shopId: string): Promise<Settings> {
  const [row] = await db.query<ShopRow>(`select ${SETTINGS_COLUMNS} from shops where id = $1`, [shopId]);
  if (!row) throw new Error(`shop ${shopId} vanished`);
  return toSettings(row);
}

export const ITEM_COLUMNS = `id, category_id, name, description, price, photo_url, option_groups,
  sold_out_until::text as sold_out_until, daily_quota, lead_days, order_cutoff, position`;

export interface ItemRow {
  id: string;
  category_id: string;
  name: string;
  description: string;
  price: number;
  photo_url: string | null;
  option_groups: MenuItem['optionGroups'];
  sold_out_until: string | null;
  daily_quota: number | null;
  lead_days: number;
  order_cutoff: string | null;
  position: number;
}

export function toItem(r: ItemRow): MenuItem {
  return {
    id: r.id,
    categoryId: r.category_id,
    name: r.name,
    description: r.description,
    price: r.price,
    photoUrl: r.photo_url,
    optionGroups: r.option_groups,
    soldOutUntil: r.sold_out_until,
    dailyQuota: r.daily_quota,
    leadDays: r.lead_days,
    orderCutoff: r.order_cutoff,
    position: r.position,
  };
}

export async function loadMenu(db: Queryable, shopId: string) {
  const categories = await db.query<{ id: string; name: string; position: number }>(
    'select id, name, position from menu_categories where shop_id = $1 order by position, name',
    [shopId],
  );
  const items = await db.query<ItemRow>(
    `select ${ITEM_COLUMNS} from menu_items where shop_id = $1 order by position, name`,
    [shopId],
  );
  return { categories, items: items.map(toItem) };
}

/** What the shop offers at checkout, read inside the order's transaction (S11: the latest settings). */
export async function loadCheckoutRules(db: Queryable, shopId: string): Promise<CheckoutRules> {
  const [row] = await db.query<ShopRow>(`select ${SETTINGS_COLUMNS} from shops where id = $1`, [shopId]);
  if (!row) throw new Error(`shop ${shopId} vanished`);
  const { pickup, delivery, payAtPickup, bankTransfer, bankAccount } = toSettings(row);
  return {
    pickup,
    delivery,
    payAtPickup,
    bankTransfer,
    bankAccount,
    contactOptionalForPickup: row.contact_optional_for_pickup,
    maxPerItem: row.max_per_item,
    maxPerOrder: row.max_per_order,
  };
}
