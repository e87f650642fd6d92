import type { z } from 'zod/mini';
import type { MenuItem } from '../../domain/catalogue';
import { optionGroupsProblem } from '../../domain/menuEdit';
import type { ItemCreate, ItemPatch } from '../../protocol/schemas';
import { ApiError } from '../http/errors';
import type { Queryable, Storage } from '../storage/types';
import { deletePhoto } from './menuPhotos';
import { bumpShopVersion, ITEM_COLUMNS, toItem, type ItemRow } from './queries';

type Patch = z.output<typeof ItemPatch>;
type Create = z.output<typeof ItemCreate>;

/** Item fields and their columns; only the fields present in a patch are written (S11). */
const COLUMNS = {
  price: 'price',
  soldOutUntil: 'sold_out_until',
  categoryId: 'category_id',
  name: 'name',
  description: 'description',
  optionGroups: 'option_groups',
  dailyQuota: 'daily_quota',
  leadDays: 'lead_days',
  orderCutoff: 'order_cutoff',
  position: 'position',
} as const satisfies Record<keyof Patch, string>;

const CASTS: Partial<Record<keyof Patch, string>> = { soldOutUntil: '::date', optionGroups: '::jsonb' };

/** Marking sold out is the counter's job; everything else about an item is the owner's. */
export function onlySoldOut(patch: Patch): boolean {
  return Object.keys(patch).every((k) => k === 'soldOutUntil');
}

async function requireCategory(tx: Queryable, shopId: string, categoryId: string): Promise<void> {
  const [row] = await tx.query('select 1 from menu_categories where id = $1 and shop_id = $2', [
    categoryId,
    shopId,
  ]);
  if (!row) throw new ApiError(400, 'category_not_found');
}

function checkOptionGroups(groups: MenuItem['optionGroups'] | undefined): void {
  const problem = groups ? optionGroupsProblem(groups) : null;
  if (problem) throw new ApiError(400, problem, ['optionGroups']);
}

/**
 * Changes one item under the shop's lock and gives it the new version, so every tablet's next pull
 * carries it. Orders already placed keep their own priced lines (S10): a new price is for new orders.
 */
export async function updateItem(
  storage: Storage,
  shopId: string,
  itemId: string,
  patch: Patch,
): Promise<{ item: MenuItem; version: number }> {
  checkOptionGroups(patch.optionGroups);
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    if (patch.categoryId) await requireCategory(tx, shopId, patch.categoryId);
    const fields = (Object.keys(COLUMNS) as (keyof Patch)[]).filter((k) => patch[k] !== undefined);
    const values = fields.map((k) => (k === 'optionGroups' ? JSON.stringify(patch[k]) : patch[k]));
    const sets = fields.map((k, i) => `${COLUMNS[k]} = $${i + 4}${CASTS[k] ?? ''}`);
    const [row] = await tx.query<ItemRow>(
      `update menu_items set ${['version = $3', ...sets].join(', ')}
        where id = $1 and shop_id = $2 returning ${ITEM_COLUMNS}`,
      [itemId, shopId, version, ...values],
    );
    // Another shop's item looks exactly like a missing one: no probing across shops.
    if (!row) throw new ApiError(404, 'not_found');
    return { item: toItem(row), version };
  });
}

/** A new item; its id was made on the tablet, so sending it twice returns the first (S1). */
export async function createItem(
  storage: Storage,
  shopId: string,
  input: Create,
): Promise<{ item: MenuItem; version: number; created: boolean }> {
  checkOptionGroups(input.optionGroups);
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    const [existing] = await tx.query<ItemRow & { shop_id: string }>(
      `select ${ITEM_COLUMNS}, shop_id from menu_items where id = $1`,
      [input.id],
    );
    if (existing) {
      if (existing.shop_id !== shopId) throw new ApiError(409, 'invalid_input', ['id']);
      return { item: toItem(existing), version, created: false };
    }
    await requireCategory(tx, shopId, input.categoryId);
    const [row] = await tx.query<ItemRow>(
      `insert into menu_items (id, shop_id, category_id, name, description, price, option_groups,
                               daily_quota, lead_days, order_cutoff, position, version)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
       returning ${ITEM_COLUMNS}`,
      [
        input.id,
        shopId,
        input.categoryId,
        input.name,
        input.description,
        input.price,
        JSON.stringify(input.optionGroups),
        input.dailyQuota,
        input.leadDays,
        input.orderCutoff,
        input.position,
        version,
      ],
    );
    return { item: toItem(row!), version, created: true };
  });
}

/**
 * Takes an item off the menu for good: the row goes, a tombstone at the new version tells every
 * device's next pull to drop it (S6), and its photo goes with it. Orders keep their own lines, so
 * history, sales and production lists are untouched. Deleting again answers as the first time did.
 */
export async function deleteItem(
  storage: Storage,
  shopId: string,
  itemId: string,
): Promise<{ version: number; deleted: boolean }> {
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    const [row] = await tx.query<{ photo_url: string | null }>(
      'delete from menu_items where id = $1 and shop_id = $2 returning photo_url',
      [itemId, shopId],
    );
    if (!row) {
      const [gone] = await tx.query('select 1 from menu_item_removals where shop_id = $1 and item_id = $2', [
        shopId,
        itemId,
      ]);
      // Another shop's item looks exactly like a missing one: no probing across shops.
      if (!gone) throw new ApiError(404, 'not_found');
      return { version, deleted: false };
    }
    await tx.query('insert into menu_item_removals (shop_id, item_id, version) values ($1, $2, $3)', [
      shopId,
      itemId,
      version,
    ]);
    await deletePhoto(tx, shopId, row.photo_url);
    return { version, deleted: true };
  });
}
