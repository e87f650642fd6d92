import type { ClientDb } from '../../../client/db';
import type { Order } from '../../../domain/order';

/** This tablet's auto-print switch, in its own database (db.meta): a setting of the device, not the shop. */
export interface AutoPrintSetting {
  on: boolean;
  /** When it was switched on: orders accepted before are not printed. */
  since: string;
}

export const AUTO_PRINT = 'autoPrint';
/** Ids already printed (or already accepted when printing was switched on): never printed again. */
const PRINTED = 'autoPrinted';
/** A busy month of orders; older ids have long left the "accepted" state. */
const KEEP_PRINTED = 2000;
/** Clocks of the tablet and the server (which stamps readyBy) may differ a little. */
const CLOCK_SLACK_MS = 2 * 60_000;
/** The shop's yes to an order: accepted (now) or confirmed for its slot (a pre-order's slip goes in the day's pile). */
export const TAKEN_STATUSES = ['accepted', 'confirmed'] as const;

export async function setAutoPrint(db: ClientDb, on: boolean, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.meta, db.orders], async () => {
    if (on) {
      // What is already accepted was made before the switch: mark it done rather than print a backlog.
      const accepted = await db.orders.where('view.status').anyOf(TAKEN_STATUSES).primaryKeys();
      await remember(db, accepted);
    }
    const setting: AutoPrintSetting = { on, since: now.toISOString() };
    await db.setMeta(AUTO_PRINT, setting);
  });
}

async function remember(db: ClientDb, ids: readonly string[]): Promise<void> {
  const printed = (await db.getMeta<string[]>(PRINTED)) ?? [];
  const seen = new Set(printed);
  const next = [...printed, ...ids.filter((id) => !seen.has(id))];
  await db.setMeta(PRINTED, next.slice(-KEEP_PRINTED));
}

/** When the order was accepted, from its ready time and prep minutes (the order has no accepted-at). */
function acceptedAt(order: Order): number | null {
  if (!order.readyBy || order.prepMinutes === null) return null;
  return Date.parse(order.readyBy) - order.prepMinutes * 60_000;
}

/**
 * Claims an accepted order for printing: true exactly once per order and tablet, across reloads and
 * across the console's tabs (the check and the write are one transaction).
 */
export async function claimForPrinting(db: ClientDb, order: Order): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const setting = await db.getMeta<AutoPrintSetting>(AUTO_PRINT);
    if (!setting?.on || !(TAKEN_STATUSES as readonly string[]).includes(order.status)) return false;
    const printed = (await db.getMeta<string[]>(PRINTED)) ?? [];
    if (printed.includes(order.id)) return false;
    await remember(db, [order.id]);
    const at = acceptedAt(order);
    return at === null || at >= Date.parse(setting.since) - CLOCK_SLACK_MS;
  });
}
