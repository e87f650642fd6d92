import type { ClientDb } from '../../src/client/db';
import { enqueue } from '../../src/client/outbox';
import { orderDisplay } from '../../src/client/orderState';
import { SyncEngine } from '../../src/client/syncEngine';
import { addDays } from '../../src/domain/schedule';
import { fetchTransport, registerDeviceOver } from '../support/httpTransport';
import { freshDb, orderArgs, today } from '../support/syncWorld';
import { statesOf } from './deviceState';
import type { Arrival } from './phone';
import type { Rng } from './prng';
import type { DeviceSnapshot, DrillRecord, PlacedOrder } from './record';
import { SLUG } from './server';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A background phone: the app's own client code — Dexie outbox (fake IndexedDB), sync engine, honest
 * state — in the drill's process, over real HTTP, with no screen. It carries most of the day's volume,
 * which 2 cores could not push through Chromium screens alone.
 */
export class BackgroundPhone {
  private db!: ClientDb;
  private engine!: SyncEngine;
  private mine = new Map<string, PlacedOrder>();
  private stopped = false;
  private loop: Promise<void> | undefined;
  offline = false;

  constructor(
    readonly label: string,
    private url: () => string,
    private record: DrillRecord,
    private items: Map<string, string>,
  ) {}

  async open(): Promise<void> {
    const { token } = await registerDeviceOver(this.url());
    this.db = freshDb(`drill-${this.label}`);
    this.engine = new SyncEngine(this.db, fetchTransport(this.url, SLUG, token));
    this.loop = this.run();
  }

  /** Syncs about once a second (a phone's poke and poll), and notes what its "screen" now says. */
  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.offline) await this.engine.syncOnce().catch(() => {});
      await this.look();
      await sleep(this.offline ? 300 : 700);
    }
  }

  private async look(): Promise<void> {
    const now = Date.now();
    for (const o of await this.db.orders.toArray()) {
      const mine = this.mine.get(o.id);
      if (!mine) continue;
      const { state } = orderDisplay(o);
      if (mine.seen[state] === undefined) mine.seen[state] = now;
      if (mine.settledAt === null && state !== 'saved') mine.settledAt = o.ackedAt ?? now;
    }
  }

  async place(a: Arrival, rng: Rng): Promise<void> {
    const names = a.items.filter((n) => this.items.has(n));
    const date = a.intent === 'preorder' ? addDays(today(), a.daysAhead) : today();
    // A pre-order picks a half-hour slot; "now" is as soon as possible.
    const slot = a.intent === 'preorder' ? `${rng.int(10, 17)}:${rng.chance(0.5) ? '00' : '30'}` : null;
    const args = orderArgs(this.items.get(names[0] ?? '멸치볶음')!, {
      lines: [...new Set(names.length ? names : ['멸치볶음'])].map((n) => ({
        itemId: this.items.get(n)!,
        quantity: 1,
        optionIds: [],
      })),
      date,
      slot,
      customerName: `손님${a.n}`,
      customerPhone: `010-7${String(a.n).padStart(3, '0')}-${rng.int(1000, 9999)}`,
    });
    const order: PlacedOrder = {
      id: args.orderId,
      path: 'background',
      device: this.label,
      customerName: args.customerName,
      items: names,
      date,
      placedAt: Date.now(),
      settledAt: null,
      seen: {},
    };
    this.mine.set(order.id, order);
    this.record.orders.push(order);
    await enqueue(this.db, 'placeOrder', args);
    await this.look();
  }

  queue(): Promise<number> {
    return this.db.outbox.count();
  }

  async caughtUp(): Promise<boolean> {
    if ((await this.db.outbox.count()) > 0) return false;
    return statesOf(await this.db.orders.toArray()).every((o) => o.state !== 'saved');
  }

  async snapshot(): Promise<DeviceSnapshot> {
    const orders = await this.db.orders.toArray();
    return {
      device: this.label,
      kind: 'background',
      at: Date.now(),
      outbox: await this.queue(),
      orders: statesOf(orders),
    };
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.loop;
    this.db.close();
  }
}
