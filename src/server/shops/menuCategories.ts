import type { z } from 'zod/mini';
import type { MenuCategory } from '../../domain/catalogue';
import { MENU_LIMITS } from '../../domain/menuEdit';
import type { CategoryCreate, CategoryOrder } from '../../protocol/schemas';
import { ApiError } from '../http/errors';
import type { Queryable, Storage } from '../storage/types';
import { bumpShopVersion } from './queries';

async function listCategories(db: Queryable, shopId: string): Promise<MenuCategory[]> {
  return db.query<MenuCategory>(
    'select id, name, position from menu_categories where shop_id = $1 order by position, name',
    [shopId],
  );
}

/**
 * Every category change runs under the shop's lock (S6) and answers with the whole list as it now
 * stands, so the tablet never has to guess the order after a move.
 */
async function change(
  storage: Storage,
  shopId: string,
  fn: (tx: Queryable, version: number) => Promise<void>,
): Promise<{ categories: MenuCategory[]; version: number }> {
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    await fn(tx, version);
    return { categories: await listCategories(tx, shopId), version };
  });
}

/** A new category at the end of the list; its id was made on the tablet (S1: twice is once). */
export function createCategory(storage: Storage, shopId: string, input: z.output<typeof CategoryCreate>) {
  return change(storage, shopId, async (tx, version) => {
    const [existing] = await tx.query<{ shop_id: string }>(
      'select shop_id from menu_categories where id = $1',
      [input.id],
    );
    if (existing) {
      if (existing.shop_id !== shopId) throw new ApiError(409, 'invalid_input', ['id']);
      return;
    }
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      'select count(*)::int as n from menu_categories where shop_id = $1',
      [shopId],
    );
    if (n >= MENU_LIMITS.categories) throw new ApiError(400, 'invalid_input', ['id']);
    await tx.query(
      `insert into menu_categories (id, shop_id, name, position, version)
       values ($1, $2, $3, (select coalesce(max(position) + 1, 0) from menu_categories where shop_id = $2), $4)`,
      [input.id, shopId, input.name, version],
    );
  });
}

export function renameCategory(storage: Storage, shopId: string, id: string, name: string) {
  return change(storage, shopId, async (tx, version) => {
    const rows = await tx.query(
      'update menu_categories set name = $3, version = $4 where id = $1 and shop_id = $2 returning id',
      [id, shopId, name, version],
    );
    if (rows.length === 0) throw new ApiError(404, 'category_not_found');
  });
}

/** Only an empty category goes: an item must always belong somewhere the customer can see it. */
export function deleteCategory(storage: Storage, shopId: string, id: string) {
  return change(storage, shopId, async (tx) => {
    const [used] = await tx.query(
      'select 1 from menu_items where category_id = $1 and shop_id = $2 limit 1',
      [id, shopId],
    );
    if (used) throw new ApiError(409, 'category_not_empty');
    const rows = await tx.query('delete from menu_categories where id = $1 and shop_id = $2 returning id', [
      id,
      shopId,
    ]);
    if (rows.length === 0) throw new ApiError(404, 'category_not_found');
  });
}

/** The shop's categories in the order given: exactly the shop's own ids, each once. */
export function reorderCategories(storage: Storage, shopId: string, input: z.output<typeof CategoryOrder>) {
  return change(storage, shopId, async (tx, version) => {
    const current = await listCategories(tx, shopId);
    const given = new Set(input.ids);
    const same =
      given.size === input.ids.length &&
      given.size === current.length &&
      current.every((c) => given.has(c.id));
    // A tablet with a stale list (another tablet added one meanwhile) must reload, not half-apply.
    if (!same) throw new ApiError(409, 'category_not_found', ['ids']);
    await tx.query(
      `update menu_categories c set position = o.ord - 1, version = $3
         from unnest($2::uuid[]) with ordinality as o(id, ord)
        where c.id = o.id and c.shop_id = $1`,
      [shopId, input.ids, version],
    );
  });
}
