import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/server/storage/migrate';
import { UniqueViolation, type Storage } from '../../../src/server/storage/types';
import { bumpShopVersion } from '../../../src/server/shops/queries';
import { createShopWithOwner } from '../../../src/server/shops/create';
import { ApiError } from '../../../src/server/http/errors';
import { drivers, dropTestSchemas } from '../../support/drivers';

afterAll(dropTestSchemas);

/** The promises every storage driver keeps; the server is written against these, not a driver. */
describe.each(drivers)('storage contract on $name', (driver) => {
  let db: Storage;
  let shopId: string;
  beforeAll(async () => {
    db = await driver.open();
    await migrate(db);
    shopId = await db.transaction(async (tx) => {
      const { shopId } = await createShopWithOwner(tx, {
        name: '계약',
        slug: 'contract',
        username: 'o',
        passwordHash: 'x',
      });
      return shopId;
    });
  });
  afterAll(() => db.close());

  it('reports which driver it is', () => {
    expect(db.driver).toBe(driver.name);
  });

  it('returns rows with int8 as numbers and timestamps as Dates', async () => {
    const [row] = await db.query<{ n: number; at: Date }>(
      'select 9007199254740991::bigint as n, now() as at',
    );
    expect(row!.n).toBe(Number.MAX_SAFE_INTEGER);
    expect(row!.at).toBeInstanceOf(Date);
  });

  it('rolls a transaction back whole when it throws', async () => {
    const before = await db.query<{ version: number }>('select version from shops where id = $1', [shopId]);
    await expect(
      db.transaction(async (tx) => {
        await bumpShopVersion(tx, shopId);
        await tx.query(`insert into menu_categories (id, shop_id, name) values ($1, $2, 'half')`, [
          randomUUID(),
          shopId,
        ]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('select version from shops where id = $1', [shopId])).toEqual(before);
    expect(await db.query(`select 1 from menu_categories where name = 'half'`)).toEqual([]);
  });

  it('rolls back when a statement fails mid-transaction and stays usable', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`insert into menu_categories (id, shop_id, name) values ($1, $2, 'before-error')`, [
          randomUUID(),
          shopId,
        ]);
        await tx.query('select * from no_such_table');
      }),
    ).rejects.toBeTruthy();
    expect(await db.query(`select 1 from menu_categories where name = 'before-error'`)).toEqual([]);
    expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('maps a unique violation to UniqueViolation naming the constraint', async () => {
    const err = await db
      .transaction((tx) =>
        createShopWithOwner(tx, { name: 'dup', slug: 'contract', username: 'o', passwordHash: 'x' }),
      )
      .catch((e: unknown) => e);
    // The shop layer turns the driver's UniqueViolation into the domain's "slug taken".
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('slug_taken');
    const raw = await db
      .query('insert into shops (id, slug, name, hours) values ($1, $2, $3, $4)', [
        randomUUID(),
        'contract',
        'x',
        '[]',
      ])
      .catch((e: unknown) => e);
    expect(raw).toBeInstanceOf(UniqueViolation);
    expect((raw as UniqueViolation).constraint).toBe('shops_slug_key');
  });

  it('serialises concurrent transactions on one shop: no version is handed out twice (S6)', async () => {
    const [{ version: start }] = (await db.query<{ version: number }>(
      'select version from shops where id = $1',
      [shopId],
    )) as [{ version: number }];
    const n = 20;
    const versions = await Promise.all(
      Array.from({ length: n }, () =>
        db.transaction(async (tx) => {
          const v = await bumpShopVersion(tx, shopId);
          // A read-modify-write inside the lock: lost updates would show as a short count.
          const [c] = await tx.query<{ n: number }>(
            'select count(*)::int as n from menu_categories where shop_id = $1',
            [shopId],
          );
          await tx.query(
            'insert into menu_categories (id, shop_id, name, position, version) values ($1, $2, $3, $4, $5)',
            [randomUUID(), shopId, `c${v}`, c!.n, v],
          );
          return v;
        }),
      ),
    );
    expect(new Set(versions).size).toBe(n);
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => start + i + 1));
    const positions = await db.query<{ position: number }>(
      'select position from menu_categories where shop_id = $1 and name like $2 order by position',
      [shopId, 'c%'],
    );
    expect(new Set(positions.map((p) => p.position)).size).toBe(n);
  });

  it('answers ping while open', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
  });
});
