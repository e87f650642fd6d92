import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Role } from '../../domain/roles';
import type { RouteResponse } from '../../protocol/routes';
import { SESSION_COOKIE } from '../../protocol/version';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords';
import { forgetDevices, KNOWN_DEVICE_COOKIE, knownDeviceOf, rememberDevice } from '../auth/knownDevices';
import { backoff, check, enforce, hit, recordFailure, reset } from '../auth/rateLimit';
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

/** The known-device cookie goes only to the sign-in routes, and only from this site. */
function knownDeviceCookieOptions(deps: Deps, expires: Date) {
  return { ...sessionCookieOptions(deps.config, expires), path: '/api/auth', sameSite: 'strict' as const };
}

/**
 * Creates a session in tx and puts its token in the reply's cookie. The browser also becomes a known
 * device of the user (issue #15): lockouts caused by strangers' guesses spare it from now on.
 * `known` is the known-device record the request already carries for this user, renewed in place.
 */
export async function signIn(
  tx: Queryable,
  deps: Deps,
  reply: FastifyReply,
  userId: string,
  shopId: string,
  known: string | null = null,
) {
  const { token, expiresAt } = await createSession(tx, userId, shopId, deps.config.sessionDays);
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config, expiresAt));
  const device = await rememberDevice(tx, { userId, shopId }, deps.config.knownDeviceDays, known);
  reply.setCookie(KNOWN_DEVICE_COOKIE, device.token, knownDeviceCookieOptions(deps, device.expiresAt));
}

export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, config } = deps;

  register(app, deps, 'signup', async ({ req, reply, body }) => {
    await enforce(storage, `signup-ip:${req.ip}`, config.limits.signupPerIp);
    const passwordHash = await hashPassword(body.password, config.passwordLogN);
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

  /*
   * Issue #15: guessing is slowed without letting strangers lock the owner out.
   * - Every attempt from an address counts against it (loginPerIp).
   * - Wrong passwords from one address lock that address out of the account (loginFailuresPerAccount,
   *   counted per account and address): addresses that guessed nothing are not locked with it.
   * - Wrong passwords from anywhere count against the account; past the same max, unknown devices
   *   wait out a doubling backoff (at most loginBackoffMaxSec), so rotating addresses still crawl.
   * - A known device of this account (it signed in before) skips all three and has its own budget of
   *   wrong passwords, so the counter tablet always gets in with the right one.
   */
  register(app, deps, 'login', async ({ req, reply, body }) => {
    const account = `${body.slug}:${body.username}`;
    const accountKey = `login-account:${account}`;
    const addressKey = `login-fail:${account}:${req.ip}`;
    const failures = config.limits.loginFailuresPerAccount;
    const known = await knownDeviceOf(storage, req.cookies[KNOWN_DEVICE_COOKIE], body);
    const knownKey = known ? `login-known:${known}` : null;
    if (knownKey) {
      await check(storage, knownKey, config.limits.loginPerKnownDevice);
    } else {
      await enforce(storage, `login-ip:${req.ip}`, config.limits.loginPerIp);
      await check(storage, addressKey, failures);
      await backoff(storage, accountKey, failures, config.limits.loginBackoffMaxSec);
    }
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
      if (knownKey) {
        await hit(storage, knownKey, config.limits.loginPerKnownDevice);
      } else {
        await hit(storage, addressKey, failures);
        await recordFailure(storage, accountKey, failures);
      }
      throw new ApiError(401, 'bad_credentials');
    }
    // The account's count is left to expire: the owner signing in must not hand a guesser a fresh start.
    await reset(storage, knownKey ?? addressKey);
    await signIn(storage, deps, reply, row.id, row.shop_id, known);
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

  register(app, deps, 'changePassword', async ({ req, user, body }) => {
    // A stolen session must not become a free password-guessing oracle: it has its own budget of
    // wrong guesses, which also count against the account. Strangers' guesses do not lock the owner
    // out of changing the password (issue #15).
    const accountKey = `login-account:${user.shopSlug}:${user.username}`;
    const sessionKey = `password-fail:${user.sessionId}`;
    await check(storage, sessionKey, config.limits.loginFailuresPerAccount);
    const [row] = await storage.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [user.userId],
    );
    if (!row || !(await verifyPassword(body.currentPassword, row.password_hash))) {
      await hit(storage, sessionKey, config.limits.loginFailuresPerAccount);
      await recordFailure(storage, accountKey, config.limits.loginFailuresPerAccount);
      throw new ApiError(400, 'wrong_password', ['currentPassword']);
    }
    const passwordHash = await hashPassword(body.newPassword, config.passwordLogN);
    await storage.transaction(async (tx) => {
      await tx.query('update users set password_hash = $2 where id = $1', [user.userId, passwordHash]);
      await revokeUserSessions(tx, user.userId, user.sessionId);
      // Browsers that knew only the old password are strangers again until they sign in anew.
      const here = await knownDeviceOf(tx, req.cookies[KNOWN_DEVICE_COOKIE], {
        slug: user.shopSlug,
        username: user.username,
      });
      await forgetDevices(tx, user.userId, here);
    });
    return { ok: true };
  });
}
