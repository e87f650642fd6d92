import { randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { createShopWithOwner } from '../shops/create';
import type { Storage } from '../storage/types';
import { DEMO_MENU, DEMO_SHOP } from './demoMenu';

const PHOTO_PLACEHOLDER = '/menu/placeholder.svg';

/**
 * Seeds the demo shop into an empty database only: once any shop exists (the demo or a real one),
 * nothing is ever written over it. Returns whether it seeded.
 */
export async function seedDemoShop(storage: Storage): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_SHOP.password);
  return storage.transaction(async (tx) => {
    // Two processes starting on one empty database must not both seed.
    await tx.query('select pg_advisory_xact_lock($1)', [0x64656d6f]);
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('select count(*)::int as n from shops');
    if (n > 0) return false;
    const { shopId } = await createShopWithOwner(tx, {
      name: DEMO_SHOP.name,
      slug: DEMO_SHOP.slug,
      username: DEMO_SHOP.owner,
      passwordHash,
      phone: DEMO_SHOP.phone,
      address: DEMO_SHOP.address,
      notice: DEMO_SHOP.notice,
    });
    await tx.query(
      'update shops set delivery_enabled = true, bank_transfer = true, bank_account = $2 where id = $1',
      [shopId, DEMO_SHOP.bankAccount],
    );
    let position = 0;
    for (const [ci, { category, items }] of DEMO_MENU.entries()) {
      const categoryId = randomUUID();
      await tx.query('insert into menu_categories (id, shop_id, name, position) values ($1, $2, $3, $4)', [
        categoryId,
        shopId,
        category,
        ci,
      ]);
      for (const item of items) {
        await tx.query(
          `insert into menu_items (id, shop_id, category_id, name, description, price, photo_url, option_groups,
                                   daily_quota, lead_days, order_cutoff, position)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            randomUUID(),
            shopId,
            categoryId,
            item.name,
            item.description,
            item.price,
            PHOTO_PLACEHOLDER,
            JSON.stringify(item.optionGroups ?? []),
            item.dailyQuota ?? null,
            item.leadDays ?? 0,
            item.orderCutoff ?? null,
            position++,
          ],
        );
      }
    }
    return true;
  });
}

/** The demo login is printed only while it still works: once the owner changes it, it is a secret. */
export async function demoLoginStillValid(storage: Storage): Promise<boolean> {
  const [row] = await storage.query<{ password_hash: string }>(
    `select u.password_hash from users u join shops s on s.id = u.shop_id
      where s.slug = $1 and u.username = $2 and u.removed_at is null`,
    [DEMO_SHOP.slug, DEMO_SHOP.owner],
  );
  return row ? verifyPassword(DEMO_SHOP.password, row.password_hash) : false;
}
