import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ITEMS } from '../../src/server/seed/demoMenu';
import { startProcess, type Started } from '../support/process';

const adminUrl = process.env.TEST_DATABASE_URL;

/**
 * The production shape: several processes on one PostgreSQL. They start together on an empty
 * database; migrations and the demo seed each happen exactly once.
 */
describe.runIf(adminUrl)('npm start on PostgreSQL', () => {
  const db = `dangol_start_${randomBytes(4).toString('hex')}`;
  let url = '';
  const running: Started[] = [];

  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return (await c.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await admin(`create database ${db}`);
    const u = new URL(adminUrl!);
    u.pathname = `/${db}`;
    url = u.toString();
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await admin(`drop database if exists ${db} with (force)`);
  });

  const start = (logLevel = 'warn') => {
    // SKIP_BUILD: processes starting together must not rebuild the app over each other.
    const p = startProcess('node', ['src/server/start.mjs'], {
      DATABASE_URL: url,
      PORT: '0',
      LOG_LEVEL: logLevel,
      SKIP_BUILD: '1',
    });
    running.push(p);
    return p;
  };
  const baseOf = async (p: Started) =>
    new URL((await p.waitFor(/Customer link:\s+(\S+)/, 60_000))[1]!).origin;

  it('two processes starting at once migrate and seed exactly once', async () => {
    const [a, b] = [start(), start()];
    const [baseA, baseB] = await Promise.all([baseOf(a), baseOf(b)]);
    const seeded = [a, b].filter((p) => p.output().includes('demo shop created'));
    expect(seeded).toHaveLength(1);
    const check = async (c: pg.Client) =>
      (await c.query('select count(*)::int as n from shops')).rows[0].n as number;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    expect(await check(c)).toBe(1);
    expect((await c.query('select count(*)::int as n from schema_migrations')).rows[0].n).toBeGreaterThan(0);
    await c.end();
    // Both serve the same shop: one database, stateless processes.
    for (const base of [baseA, baseB]) {
      const shop = (await (await fetch(`${base}/api/shops/uri-banchan`)).json()) as { items: unknown[] };
      expect(shop.items).toHaveLength(DEMO_ITEMS);
    }
    // A session made on one process works on the other.
    const login = await fetch(`${baseA}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'uri-banchan', username: 'owner', password: 'banchan1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${baseB}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect(await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')])).toEqual([0, 0]);
  });

  it('a restart does not seed again; SIGTERM lets an in-flight login finish; logs carry no secrets', async () => {
    const p = start('info');
    const base = await baseOf(p);
    expect(p.output()).not.toContain('demo shop created');
    const password = 'banchan1234';
    const inFlight = fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'uri-banchan', username: 'owner', password }),
    });
    // The request is in the server (its scrypt check takes a few hundred ms) before the signal.
    await p.waitFor(/"url":"\/api\/auth\/login"/, 10_000);
    const exit = p.stop('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    const token = res.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    expect(await exit).toBe(0);
    // The banner prints the demo login on purpose; the structured log lines must never.
    const logs = p
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .join('\n');
    expect(logs).toContain('shutting down');
    expect(logs).toContain('/api/auth/login');
    expect(logs).not.toContain(password);
    expect(logs).not.toContain(token);
  });
});
