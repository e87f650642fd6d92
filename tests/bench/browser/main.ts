/**
 * The bench page: real client code, exposed on window for page.evaluate. Nothing here renders.
 */
import { z } from 'zod/mini';
import type { MenuItem } from '../../../src/domain/catalogue';
import { shopLocalDate } from '../../../src/domain/hours';
import { openClientDb } from '../../../src/client/db';
import { enqueue } from '../../../src/client/outbox';
import { SyncEngine } from '../../../src/client/syncEngine';
import { httpTransport } from '../../../src/client/transport';
import { HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../src/protocol/version';

// As in the app (src/main.tsx): the CSP forbids eval, so zod must not compile validators.
z.config({ jitless: true });

const item: MenuItem = {
  id: crypto.randomUUID(),
  categoryId: crypto.randomUUID(),
  name: '멸치볶음',
  description: '',
  price: 5000,
  photoUrl: null,
  optionGroups: [],
  soldOutUntil: null,
  dailyQuota: null,
  leadDays: 0,
  orderCutoff: null,
  position: 0,
};

const order = () => ({
  orderId: crypto.randomUUID(),
  lines: [{ itemId: item.id, quantity: 1, optionIds: [] }],
  fulfilment: 'pickup' as const,
  date: shopLocalDate(new Date(), 'Asia/Seoul'),
  slot: null,
  customerName: '김단골',
  customerPhone: '010-1234-5678',
  address: '',
  note: '',
});

/** `n` order writes (outbox entry + optimistic order, one transaction each), after `warmup` untimed ones. */
async function localWrites(n: number, warmup: number): Promise<number[]> {
  const db = openClientDb(`bench-writes-${crypto.randomUUID()}`);
  await db.items.put(item);
  for (let i = 0; i < warmup; i++) await enqueue(db, 'placeOrder', order());
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const args = order();
    const t0 = performance.now();
    await enqueue(db, 'placeOrder', args);
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

async function login(slug: string, username: string, password: string): Promise<number> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HEADER_PROTOCOL]: String(PROTOCOL_VERSION) },
    body: JSON.stringify({ slug, username, password }),
  });
  return res.status;
}

/** A fresh shop device: pulls until caught up; the time is until the last page is committed. */
interface CatchUp {
  ms: number;
  requestMs: number;
  orders: number;
  pulls: number;
  /** Time in, and rows through, orders.bulkPut / orders.bulkGet (where the IndexedDB time goes). */
  putMs: number;
  putRows: number;
  getMs: number;
  getRows: number;
}

async function catchUp(): Promise<CatchUp> {
  const db = openClientDb(`bench-catchup-${crypto.randomUUID()}`);
  const io = { putMs: 0, putRows: 0, getMs: 0, getRows: 0 };
  const put = db.orders.bulkPut.bind(db.orders);
  const get = db.orders.bulkGet.bind(db.orders);
  db.orders.bulkPut = ((rows: unknown[], ...rest: unknown[]) => {
    const t = performance.now();
    io.putRows += rows.length;
    return (put as (...a: unknown[]) => Promise<unknown>)(rows, ...rest).then(
      (r) => ((io.putMs += performance.now() - t), r),
    );
  }) as typeof db.orders.bulkPut;
  db.orders.bulkGet = ((keys: string[]) => {
    const t = performance.now();
    io.getRows += keys.length;
    return get(keys).then((r) => ((io.getMs += performance.now() - t), r));
  }) as typeof db.orders.bulkGet;
  const http = httpTransport({ kind: 'shop' }, () => 'ko');
  let pulls = 0;
  // Time spent waiting for pages (request, server, JSON and schema parsing); the rest is IndexedDB.
  let requestMs = 0;
  const engine = new SyncEngine(db, {
    push: http.push,
    pull: async (body) => {
      pulls++;
      const t = performance.now();
      const res = await http.pull(body);
      requestMs += performance.now() - t;
      return res;
    },
  });
  const t0 = performance.now();
  await engine.pullAll();
  const ms = performance.now() - t0;
  const result = { ms, requestMs, orders: await db.orders.count(), pulls, ...io };
  db.close();
  return result;
}

const bench = { localWrites, login, catchUp };
declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
