import type { ClientDb, LocalOrder } from '../../../client/db';
import { reAlertDue } from '../../../domain/orderAlerts';

/**
 * Which new orders this tablet has acknowledged (someone pressed the alert's button), in its own
 * database: a reload does not ring again for them, but does ring for new orders nobody has seen.
 */
const ACKNOWLEDGED = 'alertAcknowledged';

/**
 * New orders that should ring: placed, not written on this tablet (a phone order the staff typed in
 * here needs no alarm), and not yet acknowledged here. Read through the `view.status` index.
 */
export async function ringingOrders(db: ClientDb): Promise<LocalOrder[]> {
  const [placed, acknowledged] = await Promise.all([
    db.orders.where('view.status').equals('placed').toArray(),
    db.getMeta<string[]>(ACKNOWLEDGED),
  ]);
  const seen = new Set(acknowledged ?? []);
  return placed
    .filter((o) => o.draft === null && !seen.has(o.id))
    .sort((a, b) => (a.view?.createdAt ?? '').localeCompare(b.view?.createdAt ?? ''));
}

/**
 * Acknowledges these orders. Only ids still waiting for a decision are kept: an order that moved on
 * can never ring again, so the list stays as short as the queue of new orders.
 */
export async function acknowledge(db: ClientDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.meta, db.orders], async () => {
    const placed = new Set(await db.orders.where('view.status').equals('placed').primaryKeys());
    const previous = (await db.getMeta<string[]>(ACKNOWLEDGED)) ?? [];
    const next = [...new Set([...previous, ...ids])].filter((id) => placed.has(id));
    await db.setMeta(ACKNOWLEDGED, next);
  });
}

/**
 * Issue #17: when someone last silenced the louder alert for each waiting order, on this tablet
 * (order id → ISO instant). Kept apart from the acknowledged list: a first "확인" does not stop the
 * louder alert N minutes later, and silencing it only puts it off for another N minutes.
 */
const SNOOZED = 'alertSnoozed';

/** Every order waiting for a decision that a customer sent (not typed in here), and when each was silenced. */
export interface Waiting {
  placed: LocalOrder[];
  snoozed: Readonly<Record<string, string>>;
}

export async function waitingOrders(db: ClientDb): Promise<Waiting> {
  const [placed, snoozed] = await Promise.all([
    db.orders.where('view.status').equals('placed').toArray(),
    db.getMeta<Record<string, string>>(SNOOZED),
  ]);
  return {
    placed: placed
      .filter((o) => o.draft === null)
      .sort((a, b) => (a.view?.createdAt ?? '').localeCompare(b.view?.createdAt ?? '')),
    snoozed: snoozed ?? {},
  };
}

/** The waiting orders that should ring louder at `now` (domain/orderAlerts.reAlertDue). */
export function overdueOrders(w: Waiting, now: Date, minutes: number): LocalOrder[] {
  return w.placed.filter((o) => o.view && reAlertDue(o.view, now, minutes, w.snoozed[o.id]));
}

/** Silences the louder alert for these orders until another N minutes pass; forgets orders that moved on. */
export async function snooze(db: ClientDb, ids: readonly string[], now: Date): Promise<void> {
  await db.transaction('rw', [db.meta, db.orders], async () => {
    const placed = new Set(await db.orders.where('view.status').equals('placed').primaryKeys());
    const previous = (await db.getMeta<Record<string, string>>(SNOOZED)) ?? {};
    const next = Object.fromEntries(Object.entries(previous).filter(([id]) => placed.has(id)));
    for (const id of ids) if (placed.has(id)) next[id] = now.toISOString();
    await db.setMeta(SNOOZED, next);
  });
}
