import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../src/server/storage/migrate';
import { openPostgres } from '../../../src/server/storage/postgres';
import { drivers, dropTestSchemas, newSchema } from '../../support/drivers';

afterAll(dropTestSchemas);

describe.each(drivers)('migrations on $name', (driver) => {
  it('applies every migration to a fresh database, in order, and records it', async () => {
    const db = await driver.open();
    try {
      const names = loadMigrations().map((m) => m.name);
      expect(names.length).toBeGreaterThan(0);
      expect(await migrate(db)).toEqual(names);
      const recorded = await db.query<{ name: string }>('select name from schema_migrations order by id');
      expect(recorded.map((r) => r.name)).toEqual(names);
    } finally {
      await db.close();
    }
  });

  it('is a no-op when run again', async () => {
    const db = await driver.open();
    try {
      await migrate(db);
      expect(await migrate(db)).toEqual([]);
      const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from schema_migrations')) as [
        { n: number },
      ];
      expect(n).toBe(loadMigrations().length);
    } finally {
      await db.close();
    }
  });

  it('two migrators starting at once apply each migration exactly once', async () => {
    const db = await driver.open();
    try {
      const [a, b] = await Promise.all([migrate(db), migrate(db)]);
      expect([...a, ...b].sort()).toEqual(loadMigrations().map((m) => m.name));
    } finally {
      await db.close();
    }
  });

  it('rolls back a failing migration whole, leaving nothing half-applied', async () => {
    const db = await driver.open();
    try {
      const broken = [
        ...loadMigrations(),
        { id: 999, name: '999_broken.sql', sql: 'create table half (x int); select * from nope;' },
      ];
      await expect(migrate(db, broken)).rejects.toBeTruthy();
      expect(
        await db.query(
          `select 1 from information_schema.tables where table_name in ('half', 'shops') and table_schema = current_schema()`,
        ),
      ).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('migrations from separate processes on PostgreSQL', () => {
  it('two connection pools (as two server processes) migrate one database at once', async () => {
    const schema = newSchema();
    const url = process.env.TEST_DATABASE_URL!;
    const [p1, p2] = await Promise.all([openPostgres({ url, schema }), openPostgres({ url, schema })]);
    try {
      const [a, b] = await Promise.all([migrate(p1), migrate(p2)]);
      expect([...a, ...b].sort()).toEqual(loadMigrations().map((m) => m.name));
      expect(a.length === 0 || b.length === 0).toBe(true);
    } finally {
      await Promise.all([p1.close(), p2.close()]);
    }
  });
});
