import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/buildApp';
import { configFromEnv, type Config } from '../../src/server/config';
import { migrate } from '../../src/server/storage/migrate';
import type { Storage } from '../../src/server/storage/types';
import { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import type { PokeHub } from '../../src/server/sync/pokeHub';
import { SESSION_COOKIE } from '../../src/protocol/version';
import type { TestDriver } from './drivers';

export interface TestApp {
  app: FastifyInstance;
  /** Every method and URL the server registered. */
  registered: { method: string; url: string }[];
  storage: Storage;
  config: Config;
  close(): Promise<void>;
}

/**
 * scrypt's cost in tests: 2^12 instead of 2^17 (about 30 times faster), so suites that sign up and sign
 * in hundreds of times stay quick. tests/server/accounts.test.ts checks production's cost.
 */
export const TEST_PASSWORD_LOGN = 12;

export async function startTestApp(
  driver: TestDriver,
  overrides: Partial<Config> = {},
  pokeHub?: PokeHub,
): Promise<TestApp> {
  const storage = await driver.open();
  await migrate(storage);
  const config: Config = {
    ...configFromEnv({}),
    staticDir: undefined,
    passwordLogN: TEST_PASSWORD_LOGN,
    ...overrides,
  };
  const registered: { method: string; url: string }[] = [];
  const app = await buildApp({
    storage,
    config,
    logger: false,
    onRoute: (method, url) => registered.push({ method, url }),
    ...(pokeHub ? { pokeHub } : {}),
  });
  await app.ready();
  return {
    app,
    registered,
    storage,
    config,
    async close() {
      await app.close();
      await storage.close();
    },
  };
}

/** The test app with a poke hub the test can listen to (S8: a change pokes every device). */
export async function startTestAppWithHub(driver: TestDriver): Promise<TestApp & { hub: LocalPokeHub }> {
  const hub = new LocalPokeHub();
  return { ...(await startTestApp(driver, {}, hub)), hub };
}

/** The session token from a response's Set-Cookie, as a Cookie header value. */
export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `${SESSION_COOKIE}=${c.value}`;
}

export function json(app: FastifyInstance, opts: InjectOptions & { cookie?: string; device?: string }) {
  const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.device) headers['x-dangol-device'] = opts.device;
  if (opts.payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  return app.inject({ ...opts, headers });
}
