import { randomUUID } from 'node:crypto';
import type { Lang } from '../../protocol/lang';
import type { Config } from '../config';
import type { Queryable } from '../storage/types';

export interface PushSubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: Lang;
}

/**
 * A phone normally has one subscription per shop; its endpoint may rotate. More than a few per
 * device would only multiply the requests one status change makes the server send, so the oldest
 * beyond this are dropped when a new one arrives.
 */
export const MAX_SUBSCRIPTIONS_PER_DEVICE = 5;

/**
 * The server POSTs to whatever URL a device hands it, so in production (an https PUBLIC_URL) only
 * what a browser's push service would give is taken: https with a host name. Loopback http and IP
 * addresses stay open where the server itself is not public (development, tests), so a local push
 * service can stand in.
 */
export function endpointAllowed(endpoint: string, config: Pick<Config, 'publicUrl'>): boolean {
  const production = config.publicUrl?.startsWith('https:') ?? false;
  if (!production) return true;
  const url = new URL(endpoint);
  if (url.protocol !== 'https:') return false;
  const host = url.hostname;
  const ipLiteral = /^[\d.]+$/.test(host) || host.startsWith('[');
  return !ipLiteral && host !== 'localhost' && !host.endsWith('.localhost') && host.includes('.');
}

export async function shopIdBySlug(db: Queryable, slug: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('select id from shops where slug = $1', [slug]);
  return row?.id ?? null;
}

/**
 * Idempotent: the same endpoint again from the same device refreshes its keys and language (a
 * browser may rotate keys, the customer may switch language). Another device's row with the same
 * endpoint is left alone: a device only ever writes its own rows.
 */
export async function upsertSubscription(
  db: Queryable,
  s: { shopId: string; deviceId: string; endpoint: string; p256dh: string; auth: string; lang: Lang },
): Promise<void> {
  await db.query(
    `insert into push_subscriptions (id, shop_id, device_id, endpoint, p256dh, auth, lang)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (shop_id, device_id, endpoint)
     do update set p256dh = excluded.p256dh, auth = excluded.auth, lang = excluded.lang, created_at = now()`,
    [randomUUID(), s.shopId, s.deviceId, s.endpoint, s.p256dh, s.auth, s.lang],
  );
  await db.query(
    `delete from push_subscriptions where shop_id = $1 and device_id = $2 and id not in (
       select id from push_subscriptions where shop_id = $1 and device_id = $2
        order by created_at desc, id limit $3)`,
    [s.shopId, s.deviceId, MAX_SUBSCRIPTIONS_PER_DEVICE],
  );
}

/** Removes the caller's own subscription; someone else's row with that endpoint is untouched. */
export async function deleteSubscription(
  db: Queryable,
  s: { shopId: string; deviceId: string; endpoint: string },
): Promise<void> {
  await db.query('delete from push_subscriptions where shop_id = $1 and device_id = $2 and endpoint = $3', [
    s.shopId,
    s.deviceId,
    s.endpoint,
  ]);
}

export async function subscriptionsOf(
  db: Queryable,
  shopId: string,
  deviceId: string,
): Promise<PushSubscriptionRow[]> {
  return db.query<PushSubscriptionRow>(
    `select id, endpoint, p256dh, auth, lang from push_subscriptions
      where shop_id = $1 and device_id = $2 order by created_at, id`,
    [shopId, deviceId],
  );
}

/** The push service said the subscription is gone for good (404/410). */
export async function deleteSubscriptionById(db: Queryable, id: string): Promise<void> {
  await db.query('delete from push_subscriptions where id = $1', [id]);
}
