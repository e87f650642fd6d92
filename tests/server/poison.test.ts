import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/protocol/sync';
import { DataRefused, translateError, UniqueViolation } from '../../src/server/storage/types';
import { LocalPokeHub } from '../../src/server/sync/localPokeHub';
import { findShopContext } from '../../src/server/sync/orderRows';
import { push, type SyncContext } from '../../src/server/sync/push';
import { drivers, dropTestSchemas } from '../support/drivers';
import { makeSyncShop, newDevice, orderArgs, type SyncShop } from '../support/syncWorld';
import { startTestApp, type TestApp } from '../support/testApp';

afterAll(dropTestSchemas);

describe('S15: which database errors are the data itself', () => {
  it('refused data (class 22, 23 but uniqueness, 54) is DataRefused; a lost connection or a serialisation failure is not', () => {
    for (const code of ['22021', '22001', '22P02', '23514', '23502', '54000'])
      expect(translateError({ code }), code).toBeInstanceOf(DataRefused);
    expect(translateError({ code: '23505', constraint: 'orders_pkey' })).toBeInstanceOf(UniqueViolation);
    for (const code of ['40001', '40P01', '57P01', '08006', 'ECONNRESET', undefined])
      expect(translateError({ code }), String(code)).not.toBeInstanceOf(DataRefused);
  });
});

describe.each(drivers)('S15: a mutation the database refuses is stored as refused, on $name', (driver) => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp(driver);
    shop = await makeSyncShop(t);
  });
  afterAll(() => t.close());

  it('answers cannot_apply for it, moves last_seq on and applies the next; a replay gets the same answer', async () => {
    await newDevice(t.app);
    const [dev] = await t.storage.query<{ id: string }>(
      'select id from devices order by created_at desc limit 1',
    );
    const found = (await findShopContext(t.storage, { id: shop.id }))!;
    const ctx: SyncContext = {
      shopId: shop.id,
      schedule: found.schedule,
      caller: { kind: 'device', deviceId: dev!.id },
    };
    // Past the protocol's text rule, as a gap in it would let through: PostgreSQL refuses the NUL itself.
    const poisoned = orderArgs(shop.items.plain, { note: '문 앞\u0000에' });
    const good = orderArgs(shop.items.plain);
    const mutations = [poisoned, good].map((args, i): Mutation => ({
      mutationId: randomUUID(),
      seq: i + 1,
      name: 'placeOrder',
      args,
    }));
    const refused: string[] = [];
    const req = { clientId: randomUUID(), mutations };
    const first = await push(t.storage, new LocalPokeHub(), ctx, req, undefined, (err) =>
      refused.push(err.sqlState),
    );

    expect(first.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'cannot_apply'],
      [2, 'applied', undefined],
    ]);
    expect(first.lastSeq).toBe(2);
    expect(refused).toEqual(['22021']);
    const orders = await t.storage.query<{ id: string }>('select id from orders where id = any($1::uuid[])', [
      [poisoned.orderId, good.orderId],
    ]);
    expect(orders.map((o) => o.id)).toEqual([good.orderId]);
    // S4: the refusal is stored, so the device's resend is answered from the record, not retried.
    const again = await push(t.storage, new LocalPokeHub(), ctx, req);
    expect(again.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'cannot_apply'],
      [2, 'applied', undefined],
    ]);
  });
});
