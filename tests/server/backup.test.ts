import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/buildApp';
import { backupShop, type Backup } from '../../src/server/backup/backup';
import { parseBackup, restoreShop, RestoreRefused } from '../../src/server/backup/restore';
import { BACKUP_TABLES, NOT_BACKED_UP } from '../../src/server/backup/tables';
import { configFromEnv } from '../../src/server/config';
import { migrate } from '../../src/server/storage/migrate';
import { openPglite } from '../../src/server/storage/pglite';
import { openPostgres } from '../../src/server/storage/postgres';
import type { Storage } from '../../src/server/storage/types';
import { drivers, dropTestSchemas, newSchema, type TestDriver } from '../support/drivers';
import { startProcess } from '../support/process';
import { makeSyncShop, newDevice, orderArgs, today, type SyncShop } from '../support/syncWorld';
import { json, sessionCookie, startTestApp, type TestApp } from '../support/testApp';
import { inviteToken, PASSWORD } from '../support/world';

afterAll(dropTestSchemas);

/** A fresh installation: an empty database of the same driver, migrated as `npm start` would. */
async function freshStorage(driver: TestDriver): Promise<Storage> {
  const storage = await driver.open();
  await migrate(storage);
  return storage;
}

async function appOn(storage: Storage): Promise<FastifyInstance> {
  const app = await buildApp({
    storage,
    config: { ...configFromEnv({}), staticDir: undefined },
    logger: false,
  });
  await app.ready();
  return app;
}

/** What differs between two installations by nature: when the file was made, and the Web Push key. */
function comparable(b: Backup) {
  const { exportedAt: _e, vapidPublicKey: _v, tables, ...rest } = b;
  const { push_subscriptions: _p, ...kept } = tables;
  return { ...rest, tables: kept };
}

/** Row counts of every table that holds shop data (and the shops themselves): "nothing was written". */
async function counts(storage: Storage): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of ['shops', ...BACKUP_TABLES.map((t) => t.name)]) {
    const [row] = await storage.query<{ n: number }>(`select count(*)::int as n from ${name}`);
    out[name] = row!.n;
  }
  return out;
}

/** The smallest bytes that pass as a JPEG (its magic number), enough to prove the bytes round-trip. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

describe.each(drivers)('shop backup and restore on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  let deviceToken: string;
  let deviceClient: string;
  let text: string;
  let original: Backup;

  const ownerPush = (mutations: { name: string; args: unknown }[], clientId: string, from = 1) =>
    json(t.app, {
      method: 'POST',
      url: '/api/shop/push',
      cookie: shop.ownerCookie,
      payload: {
        clientId,
        mutations: mutations.map((m, i) => ({ mutationId: randomUUID(), seq: from + i, ...m })),
      },
    });

  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
    // Settings, a former slug (old QR posters), a staff member, a photo.
    const settings = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: shop.ownerCookie,
      payload: { notice: '토요일은 예약만 받아요', bankTransfer: true, bankAccount: '단골은행 123-456' },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const renamed = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: shop.ownerCookie,
      payload: { slug: `${shop.slug}-new` },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    shop = { ...shop, slug: `${shop.slug}-new` };
    const joined = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token: await inviteToken(t, shop.ownerCookie), username: 'staff', password: PASSWORD },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const photo = await json(t.app, {
      method: 'POST',
      url: `/api/shop/items/${shop.items.plain}/photo`,
      cookie: shop.ownerCookie,
      payload: { contentType: 'image/jpeg', data: JPEG.toString('base64') },
    });
    expect(photo.statusCode, photo.body).toBe(200);

    // A customer's phone: two orders, a chat message, notifications on.
    deviceToken = await newDevice(t.app);
    deviceClient = randomUUID();
    const first = orderArgs(shop.items.plain);
    const second = orderArgs(shop.items.sized, {
      lines: [{ itemId: shop.items.sized, quantity: 2, optionIds: ['l'] }],
      payment: 'bank_transfer',
      note: '생일 케이크 "초" 2개, =SUM(A1)',
    });
    const phone = await json(t.app, {
      method: 'POST',
      url: `/api/s/${shop.slug}/push`,
      device: deviceToken,
      payload: {
        clientId: deviceClient,
        mutations: [
          { mutationId: randomUUID(), seq: 1, name: 'placeOrder', args: first },
          { mutationId: randomUUID(), seq: 2, name: 'placeOrder', args: second },
          {
            mutationId: randomUUID(),
            seq: 3,
            name: 'sendMessage',
            args: { messageId: randomUUID(), orderId: second.orderId, body: '몇 시에 찾으러 갈까요?' },
          },
        ],
      },
    });
    expect(phone.statusCode, phone.body).toBe(200);
    const sub = await json(t.app, {
      method: 'POST',
      url: `/api/shops/${shop.slug}/push`,
      device: deviceToken,
      payload: {
        endpoint: 'https://push.example.com/backup',
        p256dh: 'BMeV8CmExbqP7Bl6RXQ-kvCIm-XfgCBKrCbpYNRAjshzxsxoLwQvtR9hsGSKGxIQsfz0cFvRZkv5j0Crd4Adsz8',
        auth: '4zVjwCkSmAwBiyGe7vIQnQ',
        lang: 'ko',
      },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const deviceId = deviceToken.split('.')[0]!;
    // The shop: one order handed over and paid, a reply in the chat.
    const till = await ownerPush(
      [
        { name: 'acceptOrder', args: { orderId: first.orderId, from: 'placed', prepMinutes: 20 } },
        { name: 'markReady', args: { orderId: first.orderId, from: 'accepted' } },
        { name: 'completeOrder', args: { orderId: first.orderId, from: 'ready' } },
        { name: 'markPaid', args: { orderId: first.orderId, paid: true } },
        {
          name: 'sendMessage',
          args: { messageId: randomUUID(), deviceId, orderId: second.orderId, body: '3시에 오세요' },
        },
      ],
      randomUUID(),
    );
    expect(till.statusCode, till.body).toBe(200);

    const res = await json(t.app, { method: 'GET', url: '/api/shop/backup', cookie: shop.ownerCookie });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    text = res.body;
    original = parseBackup(text);
  });
  afterAll(() => t.close());

  it('holds the whole shop: menu, photo, staff, slugs, orders, messages, sync state', () => {
    const n = (table: string) => original.tables[table]?.length ?? 0;
    expect(original.shop.slug).toBe(shop.slug);
    expect(original.shop.notice).toBe('토요일은 예약만 받아요');
    expect(n('users')).toBe(2);
    expect(n('menu_items')).toBe(3);
    expect(n('menu_photos')).toBe(1);
    expect(n('shop_slugs')).toBe(2);
    expect(n('orders')).toBe(2);
    expect(n('messages')).toBe(2);
    expect(n('devices')).toBe(1);
    expect(n('sync_clients')).toBe(2);
    expect(n('mutations')).toBe(3 + 5);
    expect(n('push_subscriptions')).toBe(1);
    // Nothing of another installation's sign-ins or invitations.
    expect(original.tables).not.toHaveProperty('sessions');
    expect(original.tables).not.toHaveProperty('invites');
  });

  it('every table that holds shop data is either backed up or left out on purpose', async () => {
    const rows = await t.storage.query<{ name: string }>(
      `select distinct table_name as name from information_schema.columns
        where table_schema = current_schema() and column_name = 'shop_id'`,
    );
    const covered = new Set([...BACKUP_TABLES.map((x) => x.name), ...Object.keys(NOT_BACKED_UP)]);
    expect(rows.map((r) => r.name).filter((name) => !covered.has(name))).toEqual([]);
  });

  it('restores into a fresh database as the same shop, and the restored shop works', async () => {
    const fresh = await freshStorage(driver);
    let app: FastifyInstance | undefined;
    try {
      const summary = await restoreShop(fresh, parseBackup(text));
      expect(summary.shop).toEqual({
        id: shop.id,
        slug: shop.slug,
        name: original.shop.name,
        version: original.shop.version,
      });
      // A new installation signs Web Push with its own key: the opt-in is left out, and said so.
      expect(summary.skipped).toEqual([{ table: 'push_subscriptions', rows: 1, reason: expect.any(String) }]);

      // The backup of the restored shop is the original, except for what must differ.
      const again = await backupShop(fresh, shop.id);
      expect(comparable(again)).toEqual(comparable(original));

      app = await appOn(fresh);
      // Everyone signs in with the same password; the old slug still leads to the shop.
      const owner = await json(app, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { slug: shop.slug, username: 'owner', password: 'owner password' },
      });
      expect(owner.statusCode, owner.body).toBe(200);
      const staff = await json(app, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { slug: shop.slug, username: 'staff', password: PASSWORD },
      });
      expect(staff.statusCode, staff.body).toBe(200);
      const oldLink = await json(app, { method: 'GET', url: `/api/shops/${shop.slug.replace(/-new$/, '')}` });
      expect(oldLink.statusCode, oldLink.body).toBe(200);
      const photoUrl = (oldLink.json() as { items: { photoUrl: string | null }[] }).items.find(
        (i) => i.photoUrl,
      )?.photoUrl;
      const image = await app.inject({ method: 'GET', url: photoUrl! });
      expect(image.statusCode).toBe(200);
      expect(image.rawPayload.equals(JPEG)).toBe(true);

      // S3/S4: the phone keeps its identity and its sequence: a replayed batch is answered from the
      // dedupe records, not applied twice, and its next change is accepted.
      const pull = await json(app, {
        method: 'POST',
        url: `/api/s/${shop.slug}/pull`,
        device: deviceToken,
        payload: { clientId: deviceClient, cursor: 0 },
      });
      expect(pull.statusCode, pull.body).toBe(200);
      const pulled = pull.json() as { orders: unknown[]; messages: unknown[]; lastSeq: number };
      expect(pulled.orders).toHaveLength(2);
      expect(pulled.messages).toHaveLength(2);
      expect(pulled.lastSeq).toBe(3);
      const next = await json(app, {
        method: 'POST',
        url: `/api/s/${shop.slug}/push`,
        device: deviceToken,
        payload: {
          clientId: deviceClient,
          mutations: [
            { mutationId: randomUUID(), seq: 4, name: 'placeOrder', args: orderArgs(shop.items.plain) },
          ],
        },
      });
      expect(next.statusCode, next.body).toBe(200);
      expect((next.json() as { results: { status: string }[] }).results[0]!.status).toBe('applied');

      // The owner's figures are the same on both installations.
      const body = { from: today(), to: today(), by: 'day' };
      const before = await json(t.app, {
        method: 'POST',
        url: '/api/shop/sales',
        cookie: shop.ownerCookie,
        payload: body,
      });
      const after = await json(app, {
        method: 'POST',
        url: '/api/shop/sales',
        cookie: sessionCookie(owner),
        payload: body,
      });
      expect(after.json()).toEqual(before.json());
      expect((after.json() as { total: { revenue: number } }).total.revenue).toBe(5_000);
    } finally {
      await app?.close();
      await fresh.close();
    }
  });

  it('refuses a second restore of the same shop, and a restore over the original, writing nothing', async () => {
    const fresh = await freshStorage(driver);
    try {
      await restoreShop(fresh, parseBackup(text));
      const before = await counts(fresh);
      await expect(restoreShop(fresh, parseBackup(text))).rejects.toThrow(
        /A shop with this id already exists here: nothing was restored/,
      );
      expect(await counts(fresh)).toEqual(before);
      // Only the slugs clash: another shop that once had the same link.
      const relabelled = parseBackup(text);
      const newId = randomUUID();
      relabelled.shop.id = newId;
      for (const rows of Object.values(relabelled.tables))
        for (const row of rows) if ('shop_id' in row) row.shop_id = newId;
      await expect(restoreShop(fresh, relabelled)).rejects.toThrow(/slug ".*" already exists/);
      expect(await counts(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
    const ours = await counts(t.storage);
    await expect(restoreShop(t.storage, parseBackup(text))).rejects.toBeInstanceOf(RestoreRefused);
    expect(await counts(t.storage)).toEqual(ours);
  });

  it('refuses a damaged or tampered backup with a clear message and writes nothing', async () => {
    const fresh = await freshStorage(driver);
    const empty = await counts(fresh);
    // A tampered file may hold anything: edited as loosely typed JSON.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Loose = Record<string, any>;
    const edit = (change: (b: Loose) => void) => {
      const b = JSON.parse(text) as Loose;
      change(b);
      return JSON.stringify(b);
    };
    const cases: [string, string, RegExp][] = [
      ['cut short', text.slice(0, text.length / 2), /not valid JSON/],
      ['not a backup', JSON.stringify({ hello: 'world' }), /not a Dangol shop backup/],
      ['another format', edit((b) => (b.format = 'excel')), /not a Dangol shop backup/],
      [
        "another shop's row",
        edit((b) => (b.tables.orders[0].shop_id = randomUUID())),
        /tables\.orders\.0\.shop_id: other shop/,
      ],
      ['an unknown table', edit((b) => (b.tables.secrets = [])), /table this version does not know/],
      [
        'an unknown column',
        edit((b) => (b.tables.orders[0].discount = 1000)),
        /orders, row 1: column "discount" does not exist/,
      ],
      ['a missing value', edit((b) => delete b.tables.orders[1].total), /orders, row 2: "total" is missing/],
      ['a newer schema', edit((b) => (b.schemaVersion += 1)), /newer Dangol/],
      [
        'a value the database refuses',
        edit((b) => (b.tables.orders[0].status = 'stolen')),
        /database refused the backup .*nothing was restored/,
      ],
      [
        'a broken reference',
        edit((b) => (b.tables.messages[0].device_id = randomUUID())),
        /database refused the backup .*nothing was restored/,
      ],
    ];
    try {
      for (const [what, file, message] of cases) {
        const attempt = async () => restoreShop(fresh, parseBackup(file));
        await expect(attempt(), what).rejects.toBeInstanceOf(RestoreRefused);
        await expect(attempt(), what).rejects.toThrow(message);
        expect(await counts(fresh), what).toEqual(empty);
      }
    } finally {
      await fresh.close();
    }
  });

  it('`npm run restore -- <file>` restores into a new installation and refuses a second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangol-restore-'));
    const file = join(dir, '가게 백업.json');
    writeFileSync(file, text);
    // The installation the command writes into: an embedded database directory, or a PostgreSQL schema.
    let env: Record<string, string>;
    let open: () => Promise<Storage>;
    if (driver.name === 'pglite') {
      const dataDir = join(dir, 'data');
      env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      open = () => openPglite(dataDir);
    } else {
      const schema = newSchema();
      const url = process.env.TEST_DATABASE_URL!;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const withSchema = new URL(url);
      withSchema.searchParams.set('options', `-c search_path=${schema}`);
      env = { DATABASE_URL: withSchema.toString() };
      open = () => openPostgres({ url, schema });
    }
    const run = async (args: string[]) => {
      const p = startProcess('node', ['src/server/restore.mjs', ...args], env);
      const code = await new Promise<number | null>((resolve) => p.child.on('exit', resolve));
      return { code, out: p.output() };
    };
    try {
      const done = await run(['--', file]);
      expect(done.out).toMatch(new RegExp(`Restored shop ".*" \\(${shop.slug}, id ${shop.id}\\)`));
      expect(done.out).toMatch(/orders\s+2/);
      expect(done.code, done.out).toBe(0);
      const twice = await run(['--', file]);
      expect(twice.code).toBe(1);
      expect(twice.out).toMatch(/Not restored: A shop with this id already exists here/);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, text.slice(0, 100));
      const bad = await run([broken]);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/Not restored: The file is not valid JSON/);
      const usage = await run([]);
      expect(usage.code).toBe(2);
      expect(usage.out).toMatch(/Usage: npm run restore/);

      const storage = await open();
      try {
        expect(comparable(await backupShop(storage, shop.id))).toEqual(comparable(original));
      } finally {
        await storage.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
