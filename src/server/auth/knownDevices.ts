import type { Queryable } from '../storage/types';
import { newToken, tokenDigest } from './tokens';

/**
 * A browser that signed in to an account before (issue #15). At each successful login it gets a
 * long-lived random token in its own HttpOnly cookie, kept here only as a digest and tied to that one
 * account. The token grants nothing by itself: it only spares its holder the lockouts that strangers'
 * wrong guesses cause, so the owner on the counter tablet always gets in with the right password.
 */
export const KNOWN_DEVICE_COOKIE = 'dangol_known';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The digest of the known-device token the request carries for this account, or null. */
export async function knownDeviceOf(
  db: Queryable,
  token: string | undefined,
  account: { slug: string; username: string },
): Promise<string | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const digest = tokenDigest(token);
  const [row] = await db.query<{ id: string }>(
    `select k.id from known_devices k
       join users u on u.id = k.user_id and u.removed_at is null
       join shops s on s.id = k.shop_id and s.id = u.shop_id
      where k.id = $1 and k.expires_at > now() and s.slug = $2 and u.username = $3`,
    [digest, account.slug, account.username],
  );
  return row ? row.id : null;
}

/**
 * Makes this browser a known device of the user, or renews the one it is. Returns the token for the
 * cookie and when it expires. A browser is known to one account at a time: signing in as another
 * user replaces the token.
 */
export async function rememberDevice(
  db: Queryable,
  user: { userId: string; shopId: string },
  days: number,
  existing: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  if (existing) await db.query('delete from known_devices where id = $1', [existing]);
  const token = newToken();
  const [row] = await db.query<{ expires_at: Date }>(
    `insert into known_devices (id, shop_id, user_id, expires_at)
     values ($1, $2, $3, now() + make_interval(days => $4)) returning expires_at`,
    [tokenDigest(token), user.shopId, user.userId, days],
  );
  // Expired ones of this user are of no use; dropping them keeps the table small.
  await db.query('delete from known_devices where user_id = $1 and expires_at <= now()', [user.userId]);
  return { token, expiresAt: row!.expires_at };
}

/** A password change or a removal: the browsers that knew the old password are strangers again. */
export async function forgetDevices(db: Queryable, userId: string, keep?: string | null): Promise<void> {
  await db.query('delete from known_devices where user_id = $1 and id is distinct from $2', [
    userId,
    keep ?? null,
  ]);
}
