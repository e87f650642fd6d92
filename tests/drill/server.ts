import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { HEADER_PROTOCOL, PROTOCOL_VERSION, SESSION_COOKIE } from '../../src/protocol/version';
import { startProcess, type Started } from '../support/process';
import { ALWAYS_OPEN } from '../support/syncWorld';
import type { DrillOptions } from './options';
import type { ServerTruth } from './record';

export const SLUG = 'uri-banchan';
export const OWNER = { slug: SLUG, username: 'owner', password: 'banchan1234' };

/** A port that is free now; the server comes back on the same one, as it would behind a fixed address. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Database {
  env: Record<string, string>;
  label: string;
  drop(): Promise<void>;
}

/** A database of the run's own: a new PostgreSQL database, or PGlite in a new temporary folder. */
async function freshDatabase(opts: DrillOptions): Promise<Database> {
  if (opts.embedded) {
    const dir = await mkdtemp(join(tmpdir(), 'dangol-drill-'));
    return {
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      label: `PGlite (${dir})`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `dangol_drill_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: opts.databaseUrl, connectionTimeoutMillis: 5_000 });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  try {
    await admin(`create database ${name}`);
  } catch (e) {
    throw new Error(
      `PostgreSQL at ${opts.databaseUrl} is not reachable (${(e as Error).message}); ` +
        'pass --database-url or run with --embedded',
      { cause: e },
    );
  }
  const u = new URL(opts.databaseUrl);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString() },
    label: `PostgreSQL (database ${name})`,
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/**
 * The real server process — `npm start`'s entry point, src/server/start.mjs — on the run's database.
 * It is killed with SIGKILL (its whole process group) and started again on the same port and database.
 */
export class DrillServer {
  url = '';
  private port = 0;
  private proc: Started | undefined;
  private db: Database | undefined;
  private cookie = '';
  /** The output of every run that ended, for the report when something goes wrong. */
  log = '';

  constructor(private opts: DrillOptions) {}

  get database(): string {
    return this.db?.label ?? '';
  }

  async start(): Promise<void> {
    this.db ??= await freshDatabase(this.opts);
    this.port ||= await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    const proc = startProcess('node', ['src/server/start.mjs'], {
      ...this.db.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      STATIC_DIR: this.opts.staticDir,
      SKIP_BUILD: '1',
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
    });
    this.proc = proc;
    await proc.waitFor(/Customer link:/, 90_000);
  }

  /** SIGKILL: no goodbye, no flush — what a power cut or an OOM kill does. */
  async kill(): Promise<void> {
    await this.proc?.stop('SIGKILL');
    this.log += this.proc?.output() ?? '';
    this.proc = undefined;
  }

  async close(): Promise<void> {
    await this.proc?.stop('SIGTERM');
    this.log += this.proc?.output() ?? '';
    this.proc = undefined;
    await this.db?.drop().catch(() => {});
  }

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  }

  /** Signs in as the owner (the session outlives restarts: it is in the database). */
  async signIn(): Promise<void> {
    const res = await this.call('POST', '/api/auth/login', OWNER);
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!set) throw new Error('no session cookie from login');
    this.cookie = set.split(';')[0]!;
  }

  /** Open around the clock, no lead time: the drill must not depend on the hour it is run at. */
  async openAllDay(): Promise<void> {
    await this.call('PATCH', '/api/shop/settings', { hours: ALWAYS_OPEN, leadMinutes: 0, closedDates: [] });
  }

  /**
   * The server's own record of the shop (GET /api/shop/backup, the owner's read-only export): every
   * order, mutation and menu item as stored. Read through the server so it works on either database.
   */
  async truth(): Promise<ServerTruth> {
    const res = await this.call('GET', '/api/shop/backup');
    const backup = (await res.json()) as { tables: Record<string, Record<string, unknown>[]> };
    const t = backup.tables;
    const time = (v: unknown) => (v === null || v === undefined ? null : Date.parse(String(v)));
    return {
      at: Date.now(),
      orders: (t.orders ?? []).map((o) => ({
        id: String(o.id),
        status: String(o.status),
        deviceId: (o.device_id as string | null) ?? null,
        date: String(o.date).slice(0, 10),
        createdAt: time(o.created_at)!,
        receivedAt: time(o.received_at),
        rejectReason: (o.reject_reason as string | null) ?? null,
        customerName: String(o.customer_name),
        number: (o.number as number | null | undefined) ?? null,
        lines: (o.lines as { itemId: string; quantity: number }[]).map((l) => ({
          itemId: l.itemId,
          quantity: l.quantity,
        })),
      })),
      mutations: (t.mutations ?? []).map((m) => ({
        name: String(m.name),
        status: String(m.status),
        code: (m.code as string | null) ?? null,
        orderId: (m.order_id as string | null) ?? null,
        createdAt: time(m.created_at)!,
      })),
      customerMessages: (t.messages ?? []).filter((m) => m.author === 'customer').length,
      items: (t.menu_items ?? []).map((i) => ({
        id: String(i.id),
        name: String(i.name),
        dailyQuota: (i.daily_quota as number | null) ?? null,
        soldOutUntil: i.sold_out_until ? String(i.sold_out_until).slice(0, 10) : null,
      })),
    };
  }
}
