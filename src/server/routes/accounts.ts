import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Role } from '../../domain/roles';
import type { RouteResponse } from '../../protocol/routes';
import { SESSION_COOKIE } from '../../protocol/version';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords';
import { check, enforce, hit, reset } from '../auth/rateLimit';
import { createSession, revokeSession, revokeUserSessions, type SessionUser } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { register, sessionCookieOptions, type Deps } from '../http/register';
import type { Queryable } from '../storage/types';
import { createShopWithOwner } from '../shops/create';

type Me = RouteResponse<'me'>;

export function meOf(
  u: Pick<SessionUser, 'userId' | 'username' | 'role' | 'shopId' | 'shopSlug' | 'shopName'>,
): Me {
  return {
    user: { id: u.userId, username: u.username, role: u.role },
    shop: { id: u.shopId, slug: u.shopSlug, name: u.shopName },
  };
}

/** Creates a session in tx and puts its token in the reply's cookie. */
export async function signIn(tx: Queryable, deps: Deps, reply: FastifyReply, userId: string, shopId: string) {
  const { token, expiresAt } = await createSession(tx, userId, shopId, deps.config.sessionDays);
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config, expiresAt));
}

export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, config } = deps;

  register(app, deps, 'signup', async ({ req, reply, body }) => {
    await enforce(storage, `signup-ip:${req.ip}`, config.limits.signupPerIp);
    const passwordHash = await hashPassword(body.password);
    const { shopId, userId } = await storage.transaction(async (tx) => {
      const ids = await createShopWithOwner(tx, {
        name: body.shopName,
        slug: body.slug,
        username: body.username,
        passwordHash,
      });
      await signIn(tx, deps, reply, ids.userId, ids.shopId);
      return ids;
    });
    reply.status(201);
    return meOf({
      userId,
      username: body.username,
      role: 'owner',
      shopId,
      shopSlug: body.slug,
      shopName: body.shopName,
    });
  });

  register(app, deps, 'login', async ({ req, reply, body }) => {
    await enforce(storage, `login-ip:${req.ip}`, config.limits.loginPerIp);
    const accountKey = `login-account:${body.slug}:${body.username}`;
    await check(storage, accountKey, config.limits.loginFailuresPerAccount);
    const [row] = await storage.query<{
      id: string;
      password_hash: string;
      role: Role;
      shop_id: string;
      name: string;
    }>(
      `select u.id, u.password_hash, u.role, s.id as shop_id, s.name
         from users u join shops s on s.id = u.shop_id
        where s.slug = $1 and u.username = $2 and u.removed_at is null`,
      [body.slug, body.username],
    );
    const ok = row
      ? await verifyPassword(body.password, row.password_hash)
      : (await burnPasswordCheck(body.password), false);
    if (!row || !ok) {
      await hit(storage, accountKey, config.limits.loginFailuresPerAccount);
      throw new ApiError(401, 'bad_credentials');
    }
    await reset(storage, accountKey);
    await signIn(storage, deps, reply, row.id, row.shop_id);
    return meOf({
      userId: row.id,
      username: body.username,
      role: row.role,
      shopId: row.shop_id,
      shopSlug: body.slug,
      shopName: row.name,
    });
  });

  register(app, deps, 'logout', async ({ reply, user }) => {
    await revokeSession(storage, user.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  register(app, deps, 'me', async ({ user }) => meOf(user));

  register(app, deps, 'changePassword', async ({ user, body }) => {
    // A stolen session must not become a free password-guessing oracle.
    const accountKey = `login-account:${user.shopSlug}:${user.username}`;
    await check(storage, accountKey, config.limits.loginFailuresPerAccount);
    const [row] = await storage.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [user.userId],
    );
    if (!row || !(await verifyPassword(body.currentPassword, row.password_hash))) {
      await hit(storage, accountKey, config.limits.loginFailuresPerAccount);
      throw new ApiError(400, 'wrong_password', ['currentPassword']);
    }
    const passwordHash = await hashPassword(body.newPassword);
    await storage.transaction(async (tx) => {
      await tx.query('update users set password_hash = $2 where id = $1', [user.userId, passwordHash]);
      await revokeUserSessions(tx, user.userId, user.sessionId);
    });
    return { ok: true };
  });
}
