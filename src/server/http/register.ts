import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod/mini';
import { can, type Permission } from '../../domain/roles';
import { routes, type RouteName, type RouteResponse, type Routes } from '../../protocol/routes';
import { HEADER_DEVICE, SESSION_COOKIE } from '../../protocol/version';
import { resolveDevice } from '../auth/devices';
import { resolveSession, type SessionUser } from '../auth/sessions';
import type { Config } from '../config';
import type { Storage } from '../storage/types';
import type { PokeHub } from '../sync/pokeHub';
import type { PokeStreams } from '../sync/stream';
import { ApiError, parseInput } from './errors';
import { isStorable } from './storable';

export interface Deps {
  storage: Storage;
  config: Config;
  /** Pokes after commits (S8): in-process for PGlite, LISTEN/NOTIFY across processes on PostgreSQL. */
  hub: PokeHub;
  /** Open SSE streams, ended on shutdown so it never waits on them. */
  streams: PokeStreams;
}

export interface Device {
  deviceId: string;
  createdAt: Date;
}

type Out<R, K extends string> = R extends Record<K, infer S extends z.ZodMiniType> ? z.output<S> : undefined;
type AccessOf<N extends RouteName> = Routes[N]['access'];

export interface HandlerContext<N extends RouteName> {
  req: FastifyRequest;
  reply: FastifyReply;
  params: Out<Routes[N], 'params'>;
  body: Out<Routes[N], 'body'>;
  /** The signed-in shop member; present exactly when the route requires one. */
  user: AccessOf<N> extends 'public' | 'device' ? undefined : SessionUser;
  device: AccessOf<N> extends 'device' ? Device : undefined;
}

export type Handler<N extends RouteName> = (ctx: HandlerContext<N>) => Promise<RouteResponse<N>>;

export function sessionCookieOptions(config: Config, expires: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl?.startsWith('https:') ?? false,
    expires,
  };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

async function requireUser(req: FastifyRequest, reply: FastifyReply, deps: Deps): Promise<SessionUser> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw new ApiError(401, 'auth_required');
  const user = TOKEN_SHAPE.test(token)
    ? await resolveSession(deps.storage, token, deps.config.sessionDays)
    : null;
  if (!user) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    throw new ApiError(401, 'session_expired');
  }
  if (user.renewed) reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config, user.expiresAt));
  return user;
}

async function requireDevice(req: FastifyRequest, deps: Deps): Promise<Device> {
  const header = req.headers[HEADER_DEVICE];
  if (typeof header !== 'string') throw new ApiError(401, 'device_invalid');
  const device = await resolveDevice(deps.storage, header);
  if (!device) throw new ApiError(401, 'device_invalid');
  return device;
}

/** Owner-only actions say so, so staff learn why rather than seeing a bare "forbidden". */
function requirePermission(user: SessionUser, permission: Permission): void {
  if (can(user.role, permission)) return;
  throw new ApiError(403, can('owner', permission) ? 'owner_only' : 'forbidden');
}

/**
 * Registers one route of the protocol table. Order of checks: identity, then permission, then
 * params, then body; the handler receives only validated input.
 */
export function register<N extends RouteName>(
  app: FastifyInstance,
  deps: Deps,
  name: N,
  handler: Handler<N>,
): void {
  const def = routes[name] as Routes[N] & {
    params?: z.ZodMiniType;
    body?: z.ZodMiniType;
    bodyLimit?: number;
  };
  app.route({
    method: def.method,
    url: def.path,
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    handler: async (req, reply) => {
      let user: SessionUser | undefined;
      let device: Device | undefined;
      if (def.access === 'device') device = await requireDevice(req, deps);
      else if (def.access !== 'public') {
        user = await requireUser(req, reply, deps);
        if (def.access !== 'user') requirePermission(user, def.access as Permission);
      }
      // Nothing unasked-for is accepted: a stray query or body is a client bug worth surfacing.
      if (Object.keys(req.query as object).length > 0) throw new ApiError(400, 'invalid_input', ['query']);
      if (!def.body && req.body !== undefined && req.body !== null)
        throw new ApiError(400, 'invalid_input', ['body']);
      const params = def.params ? parseInput(def.params, req.params) : undefined;
      const body = def.body ? parseInput(def.body, req.body) : undefined;
      // S15's safety net behind the schemas' text rule: no string storage cannot hold gets further.
      if (body !== undefined && !isStorable(body)) throw new ApiError(400, 'text_invalid');
      const ctx = { req, reply, params, body, user, device } as HandlerContext<N>;
      return handler(ctx);
    },
  });
}
