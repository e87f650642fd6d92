import type { Message } from '../../protocol/sync';
import type { PaymentMethod } from '../../domain/checkout';
import type { Order, OrderStatus, PricedLine } from '../../domain/order';
import type { Schedule } from '../../domain/schedule';
import type { WeeklyHours } from '../../domain/hours';
import type { Queryable } from '../storage/types';

export const ORDER_COLUMNS = `id, device_id, lines, total, status, fulfilment, date::text as date, slot,
  customer_name, customer_phone, address, note, payment, paid_at, created_at, received_at, prep_minutes, ready_by, reject_reason, version,
  delivery_fee, lat, lng, rider_name, rider_phone, number,
  pay_by, cancel_reason`;

export interface OrderRow {
  id: string;
  device_id: string | null;
  lines: PricedLine[];
  total: number;
  status: OrderStatus;
  fulfilment: 'pickup' | 'delivery';
  date: string;
  slot: string | null;
  customer_name: string;
  customer_phone: string;
  address: string;
  note: string;
  payment: PaymentMethod;
  paid_at: Date | null;
  created_at: Date;
  received_at: Date | null;
  prep_minutes: number | null;
  ready_by: Date | null;
  reject_reason: string | null;
  version: number;
  delivery_fee: number;
  lat: number | null;
  lng: number | null;
  /** Issue #16 (5): a transfer's deadline, and why the server cancelled the order, when it did. */
  pay_by: Date | null;
  cancel_reason: string | null;
  rider_name: string;
  rider_phone: string;
  /** The day's order number (issue #16); null for orders from before numbering. */
  number: number | null;
}

/**
 * An order as a sync reply carries it: a shop's device also gets the customer's device id (the key of
 * their chat conversation); a customer's device never needs it.
 */
export function toSyncedOrder(r: OrderRow, toShop: boolean): Order {
  return toShop ? { ...toOrder(r), deviceId: r.device_id } : toOrder(r);
}

export function toOrder(r: OrderRow): Order {
  return {
    id: r.id,
    lines: r.lines,
    total: r.total,
    status: r.status,
    fulfilment: r.fulfilment,
    date: r.date,
    slot: r.slot,
    customerName: r.customer_name,
    customerPhone: r.customer_phone,
    address: r.address,
    note: r.note,
    payment: r.payment,
    paidAt: r.paid_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    receivedAt: r.received_at?.toISOString() ?? null,
    prepMinutes: r.prep_minutes,
    readyBy: r.ready_by?.toISOString() ?? null,
    rejectReason: r.reject_reason,
    version: r.version,
    deliveryFee: r.delivery_fee,
    location: r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng },
    payBy: r.pay_by?.toISOString() ?? null,
    cancelReason: r.cancel_reason,
    number: r.number,
    // Only once it has gone out: an empty name is "not said", not a rider called "".
    ...(r.rider_name ? { riderName: r.rider_name } : {}),
    ...(r.rider_phone ? { riderPhone: r.rider_phone } : {}),
  };
}

export const SCHEDULE_COLUMNS = `time_zone, hours, slot_minutes, slot_capacity, lead_minutes, preorder_days, closed_dates, board_lead_minutes, re_alert_minutes,
  busy_minutes, busy_date::text as busy_date, paused, paused_until, now_capacity, pause_when_away`;

export interface ScheduleRow {
  time_zone: string;
  hours: WeeklyHours;
  slot_minutes: number;
  slot_capacity: number;
  lead_minutes: number;
  preorder_days: number;
  closed_dates: string[];
  board_lead_minutes: number;
  re_alert_minutes: number;
  busy_minutes: number;
  busy_date: string | null;
  paused: boolean;
  paused_until: Date | null;
  now_capacity: number;
  pause_when_away: boolean;
}

export function toSchedule(r: ScheduleRow): Schedule {
  return {
    timeZone: r.time_zone,
    hours: r.hours,
    slotMinutes: r.slot_minutes,
    slotCapacity: r.slot_capacity,
    leadMinutes: r.lead_minutes,
    preorderDays: r.preorder_days,
    closedDates: r.closed_dates,
    boardLeadMinutes: r.board_lead_minutes,
    reAlertMinutes: r.re_alert_minutes,
    busy: r.busy_minutes > 0 && r.busy_date ? { minutes: r.busy_minutes, date: r.busy_date } : null,
    pause: r.paused ? { until: r.paused_until?.toISOString() ?? null } : null,
    nowCapacity: r.now_capacity,
    pauseWhenAway: r.pause_when_away,
  };
}

export async function loadSchedule(db: Queryable, shopId: string): Promise<Schedule> {
  const [row] = await db.query<ScheduleRow>(`select ${SCHEDULE_COLUMNS} from shops where id = $1`, [shopId]);
  if (!row) throw new Error(`shop ${shopId} vanished`);
  return toSchedule(row);
}

/** The shop a sync request is for, by the slug of its link or a member's shop id: one query. */
export async function findShopContext(
  db: Queryable,
  by: { slug: string } | { id: string },
): Promise<{ id: string; schedule: Schedule } | null> {
  const [row] = await db.query<ScheduleRow & { id: string }>(
    `select id, ${SCHEDULE_COLUMNS} from shops where ${'slug' in by ? 'slug' : 'id'} = $1`,
    ['slug' in by ? by.slug : by.id],
  );
  return row ? { id: row.id, schedule: toSchedule(row) } : null;
}

export const MESSAGE_COLUMNS = 'id, device_id, order_id, author, body, created_at, version';

export interface MessageRow {
  id: string;
  device_id: string;
  order_id: string | null;
  author: 'customer' | 'shop';
  body: string;
  created_at: Date;
  version: number;
}

export function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    deviceId: r.device_id,
    orderId: r.order_id,
    author: r.author,
    body: r.body,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}
