import type { BrowserContext, Page } from 'playwright-core';
import type { LocalOrder } from '../../src/client/db';
import { orderDisplay } from '../../src/client/orderState';
import type { DeviceOrderState } from './record';

export interface RawDevice {
  orders: LocalOrder[];
  outbox: number;
  /** When each waiting change was made (the outbox entries' createdAt). */
  outboxMadeAt: number[];
}

/**
 * Nothing made before `asOf` is still waiting: no queued change and no order only on the device.
 * Later work is a new target, not a failure to catch up with the old one.
 */
export function caughtUpAsOf(d: RawDevice, asOf: number): boolean {
  const early = (at: number) => at <= asOf;
  return (
    !d.outboxMadeAt.some(early) &&
    statesOf(d.orders.filter((o) => early(o.createdAt))).every((o) => o.state !== 'saved')
  );
}

/**
 * What a browser device holds, read straight from its IndexedDB (every `dangol-*` database of the
 * page's origin): its orders as the app stores them and how many changes wait in its outbox.
 */
export function readDevice(page: Page): Promise<RawDevice> {
  return page.evaluate(READ_DEVICE) as Promise<RawDevice>;
}

/**
 * In-page code as text: tsx (esbuild) adds helper calls to compiled functions that do not exist in
 * the page, so code that runs in the browser is passed as a string.
 */
const READ_DEVICE = `(async () => {
  const names = (await indexedDB.databases()).map((d) => d.name || '').filter((n) => n.startsWith('dangol-'));
  const out = { orders: [], outbox: 0, outboxMadeAt: [] };
  for (const name of names) {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store) => new Promise((resolve, reject) => {
      if (!db.objectStoreNames.contains(store)) return resolve([]);
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    out.orders.push(...(await all('orders')));
    const outbox = await all('outbox');
    out.outbox += outbox.length;
    out.outboxMadeAt.push(...outbox.map((e) => e.createdAt));
    db.close();
  }
  return out;
})()`;

/** The device's view of each order, as its screen would word it (client/orderState.ts). */
export function statesOf(orders: LocalOrder[]): DeviceOrderState[] {
  return orders.map((o) => {
    const d = orderDisplay(o);
    return {
      id: o.id,
      state: d.state,
      serverStatus: o.server?.status ?? null,
      rejectReason: o.server?.rejectReason ?? null,
      code: o.rejection?.code ?? null,
    };
  });
}

/**
 * Records the first moment each honest state is on an order page's screen, with the page's own clock
 * (the same machine's clock as the server's `now()`): the evidence for "never claimed early".
 */
export async function watchOrderStates(
  context: BrowserContext,
  onSeen: (orderId: string, state: string, at: number, text: string) => void,
): Promise<void> {
  await context.exposeBinding('__drillSeen', (_src, id: string, state: string, at: number, text: string) =>
    onSeen(id, state, at, text),
  );
  await context.addInitScript(WATCH_STATES);
}

const WATCH_STATES = `(() => {
  const reported = new Set();
  const check = () => {
    const el = document.querySelector('article.order-page [role="status"][data-state]');
    const m = /\\/o\\/([0-9a-f-]{36})/.exec(location.pathname);
    if (!el || !m) return;
    const state = el.getAttribute('data-state') || '';
    const key = m[1] + ':' + state;
    if (reported.has(key)) return;
    reported.add(key);
    void window.__drillSeen(m[1], state, Date.now(), el.textContent || '');
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;
