import type { Role } from '../../domain/roles';
import type { Queryable } from '../storage/types';
import { newToken, tokenDigest } from './tokens';

export interface SessionUser {
  sessionId: string;
  userId: string;
  username: string;
  role: Role;
  shopId: string;
  shopSlug: string;
  shopName: string;
  /** True when the expiry was just pushed forward and the cookie should be re-sent. */
  renewed: boolean;
  expiresAt: Date;
}

export async function createSession(db: Queryable, userId: string, shopId: string, days: number) {
  const token = newToken();
  const [row] = await db.query<{ expires_at: Date }>(
    `insert into sessions (id, shop_id, user_id, expires_at) values ($1, $2, $3, now() + make_interval(days => $4))
     returning expires_at`,
    [tokenDigest(token), shopId, userId, days],
  );
  return { token, expiresAt: row!.expires_at };
}

/**
 * The tablet stays signed in through a busy season: a session used in its second half is extended,
 * so only a tablet unused for the whole period must log in again.
 */
export async function resolveSession(
  db: Queryable,
  token: string,
  days: number,
): Promise<SessionUser | null> {
  const [row] = await db.query<{
    id: string;
    user_id: string;
    username: string;
    role: Role;
    shop_id: string;
    slug: string;
    name: string;
    expires_at: Date;
    renew: boolean;
  }>(
    `select s.id, s.user_id, u.username, u.role, s.shop_id, sh.slug, sh.name, s.expires_at,
            s.expires_at < now() + make_interval(days => $2) / 2 as renew
       from sessions s join users u on u.id = s.user_id join shops sh on sh.id = s.shop_id
      where s.id = $1 and s.revoked_at is null and s.expires_at > now() and u.removed_at is null`,
    [tokenDigest(token), days],
  );
  if (!row) return null;
  let expiresAt = row.expires_at;
  if (row.renew) {
    const [r] = await db.query<{ expires_at: Date }>(
      `update sessions set expires_at = now() + make_interval(days => $2) where id = $1 returning expires_at`,
      [row.id, days],
    );
    expiresAt = r!.expires_at;
  }
  return {
    sessionId: row.id,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    shopId: row.shop_id,
    shopSlug: row.slug,
    shopName: row.name,
    renewed: row.renew,
    expiresAt,
  };
}

export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('update sessions set revoked_at = now() where id = $1 and revoked_at is null', [sessionId]);
}

/** After a password change or removal: every other device of this user must sign in again. */
export async function revokeUserSessions(
  db: Queryable,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db.query(
    `update sessions set revoked_at = now() where user_id = $1 and revoked_at is null and id <> coalesce($2, '')`,
    [userId, exceptSessionId ?? null],
  );
}
