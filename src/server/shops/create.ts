import { randomUUID } from 'node:crypto';
import type { WeeklyHours } from '../../domain/hours';
import { ApiError } from '../http/errors';
import { UniqueViolation, type Queryable } from '../storage/types';

/** A new shop opens Monday to Saturday, 10:00–20:00; the owner adjusts it in settings. */
export const DEFAULT_HOURS: WeeklyHours = [
  [],
  [{ open: '10:00', close: '20:00' }],
  [{ open: '10:00', close: '20:00' }],
  [{ open: '10:00', close: '20:00' }],
  [{ open: '10:00', close: '20:00' }],
  [{ open: '10:00', close: '20:00' }],
  [{ open: '10:00', close: '20:00' }],
];

export interface NewShop {
  name: string;
  slug: string;
  username: string;
  passwordHash: string;
  phone?: string;
  address?: string;
  notice?: string;
  hours?: WeeklyHours;
}

export async function createShopWithOwner(
  tx: Queryable,
  shop: NewShop,
): Promise<{ shopId: string; userId: string }> {
  const shopId = randomUUID();
  const userId = randomUUID();
  try {
    await tx.query(
      `insert into shops (id, slug, name, phone, address, notice, hours) values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        shopId,
        shop.slug,
        shop.name,
        shop.phone ?? '',
        shop.address ?? '',
        shop.notice ?? '',
        JSON.stringify(shop.hours ?? DEFAULT_HOURS),
      ],
    );
  } catch (err) {
    if (err instanceof UniqueViolation) throw new ApiError(409, 'slug_taken', ['slug']);
    throw err;
  }
  await tx.query(
    `insert into users (id, shop_id, username, password_hash, role) values ($1, $2, $3, $4, 'owner')`,
    [userId, shopId, shop.username, shop.passwordHash],
  );
  return { shopId, userId };
}
