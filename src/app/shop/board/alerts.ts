import type { ClientDb, LocalOrder } from '../../../client/db';

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
