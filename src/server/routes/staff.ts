import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../domain/roles';
import { hashPassword } from '../auth/passwords';
import { enforce } from '../auth/rateLimit';
import { revokeUserSessions } from '../auth/sessions';
import { newToken, tokenDigest } from '../auth/tokens';
import { ApiError } from '../http/errors';
import { register, type Deps } from '../http/register';
import { UniqueViolation } from '../storage/types';
import { meOf, signIn } from './accounts';

function publicOrigin(req: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.host}`;
}

export function staffRoutes(app: FastifyInstance, deps: Deps): void {
  const { storage, config } = deps;

  register(app, deps, 'staffList', async ({ user }) => {
    const rows = await storage.query<{ id: string; username: string; role: Role; created_at: Date }>(
      `select id, username, role, created_at from users where shop_id = $1 and removed_at is null
        order by role = 'owner' desc, created_at`,
      [user.shopId],
    );
    return {
      staff: rows.map((r) => ({
        id: r.id,
        username: r.username,
        role: r.role,
        createdAt: r.created_at.toISOString(),
      })),
    };
  });

  register(app, deps, 'createInvite', async ({ req, user }) => {
    const token = newToken();
    const [row] = await storage.query<{ expires_at: Date }>(
      `insert into invites (id, shop_id, role, created_by, expires_at)
       values ($1, $2, 'staff', $3, now() + make_interval(hours => $4)) returning expires_at`,
      [tokenDigest(token), user.shopId, user.userId, config.inviteHours],
    );
    // The token rides in the fragment: browsers never send it to a server or in a Referer.
    return {
      url: `${publicOrigin(req, config.publicUrl)}/invite#${token}`,
      expiresAt: row!.expires_at.toISOString(),
    };
  });

  register(app, deps, 'removeStaff', async ({ user, params }) => {
    await storage.transaction(async (tx) => {
      const [target] = await tx.query<{ role: Role }>(
        'select role from users where id = $1 and shop_id = $2 and removed_at is null for update',
        [params.userId, user.shopId],
      );
      if (!target) throw new ApiError(404, 'not_found');
      if (target.role === 'owner') throw new ApiError(409, 'cannot_remove_owner');
      await tx.query('update users set removed_at = now() where id = $1', [params.userId]);
      await revokeUserSessions(tx, params.userId);
    });
    return { ok: true };
  });

  register(app, deps, 'inspectInvite', async ({ req, body }) => {
    await enforce(storage, `invite-ip:${req.ip}`, config.limits.invitePerIp);
    const [row] = await storage.query<{ name: string; role: Role }>(
      `select s.name, i.role from invites i join shops s on s.id = i.shop_id
        where i.id = $1 and i.used_at is null and i.expires_at > now()`,
      [tokenDigest(body.token)],
    );
    if (!row) throw new ApiError(410, 'invite_invalid');
    return { shopName: row.name, role: row.role };
  });

  register(app, deps, 'acceptInvite', async ({ req, reply, body }) => {
    await enforce(storage, `invite-ip:${req.ip}`, config.limits.invitePerIp);
    const passwordHash = await hashPassword(body.password, config.passwordLogN);
    return storage.transaction(async (tx) => {
      // Claiming the invite and creating the user commit together; a taken name leaves it unused.
      const [invite] = await tx.query<{ shop_id: string; role: Role; slug: string; name: string }>(
        `update invites i set used_at = now() from shops s
          where i.id = $1 and i.used_at is null and i.expires_at > now() and s.id = i.shop_id
          returning i.shop_id, i.role, s.slug, s.name`,
        [tokenDigest(body.token)],
      );
      if (!invite) throw new ApiError(410, 'invite_invalid');
      const userId = randomUUID();
      try {
        await tx.query(
          `insert into users (id, shop_id, username, password_hash, role) values ($1, $2, $3, $4, $5)`,
          [userId, invite.shop_id, body.username, passwordHash, invite.role],
        );
      } catch (err) {
        if (err instanceof UniqueViolation) throw new ApiError(409, 'username_taken', ['username']);
        throw err;
      }
      await tx.query('update invites set used_by = $2 where id = $1', [tokenDigest(body.token), userId]);
      await signIn(tx, deps, reply, userId, invite.shop_id);
      reply.status(201);
      return meOf({
        userId,
        username: body.username,
        role: invite.role,
        shopId: invite.shop_id,
        shopSlug: invite.slug,
        shopName: invite.name,
      });
    });
  });
}
