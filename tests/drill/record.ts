/**
 * What the drill saw, kept as plain data: every order a customer (or the shop) placed and what each
 * device showed about it and when, plus the server's own record read at the end. The verdict is a
 * pure function of these two (verdict.ts), so it can be tested on a hand-made record.
 */

/** How the order reached (or was meant to reach) the shop. */
export type OrderPath =
  /** Placed on a phone screen while the phone and the server were up. */
  | 'online'
  /** Placed on a phone screen while it could not reach the server; synced later. */
  | 'offline'
  /** As 'offline', and also texted to the shop and imported on the tablet before the phone synced. */
  | 'sms'
  /** Typed in on the second tablet for someone who called. */
  | 'phone_order'
  /** A background phone: the real client code (outbox, sync engine) in the drill's process, no screen. */
  | 'background';

export const PATHS: readonly OrderPath[] = ['online', 'offline', 'sms', 'phone_order', 'background'];

export interface PlacedOrder {
  id: string;
  path: OrderPath;
  /** The device that holds it ("phone-3", "bg-2", "tablet-b"). */
  device: string;
  /** Unique per order, so a copy under another id would be found. */
  customerName: string;
  items: string[];
  date: string;
  placedAt: number;
  /** When the device first knew the server had it (its ackedAt, or the first state past "saved"). */
  settledAt: number | null;
  /** First time each state was on the device's screen (page clock = this machine's clock). */
  seen: Record<string, number>;
  /** For 'sms': when the tablet confirmed '주문 만들기'. */
  importedAt?: number;
}

export interface SoldOutMark {
  itemId: string;
  itemName: string;
  until: string;
  /** When the tablet's button was pressed (maybe offline). */
  at: number;
}

export interface Rejection {
  /** What the board called the order ("12번", #16) until the closing look-up puts the id here. */
  orderId: string;
  reason: string;
  at: number;
}

export interface DeviceOrderState {
  id: string;
  /** The honest state the device shows (client/orderState.ts). */
  state: string;
  /** What the device holds as the server's status, if anything. */
  serverStatus: string | null;
  rejectReason: string | null;
  code: string | null;
}

export interface DeviceSnapshot {
  device: string;
  kind: 'phone' | 'background' | 'tablet';
  at: number;
  outbox: number;
  orders: DeviceOrderState[];
}

export interface Sample {
  at: number;
  /** Changes waiting in phones' outboxes (screen phones and background phones). */
  phoneQueue: number;
  tabletQueue: number;
  serverUp: boolean;
}

export interface DrillRecord {
  seed: number;
  options: Record<string, unknown>;
  database: string;
  startedAt: number;
  endedAt: number;
  /** The backend's absence: SIGKILL at `killedAt`, listening again at `backAt`. */
  outage: { killedAt: number; backAt: number } | null;
  orders: PlacedOrder[];
  /** Chat messages customers sent (and how many reached the server). */
  chats: { sent: number; onServer: number };
  rejections: Rejection[];
  /** Rejected orders whose reason a customer's screen showed, with the text shown. */
  reasonsSeen: { orderId: string; text: string }[];
  soldOut: SoldOutMark[];
  prints: number;
  offline: { device: string; from: number; to: number }[];
  samples: Sample[];
  /** Per device: ms from the server's return until its queue was empty and it matched the server. */
  converge: { device: string; ms: number | null }[];
  snapshots: DeviceSnapshot[];
  /** Problems the drill itself met (a step that timed out, a page error). */
  notes: string[];
}

export interface ServerOrder {
  id: string;
  status: string;
  deviceId: string | null;
  date: string;
  createdAt: number;
  receivedAt: number | null;
  rejectReason: string | null;
  customerName: string;
  lines: { itemId: string; quantity: number }[];
  /** The day's order number the screens call it by (#16); null for an order without one. */
  number?: number | null;
}

export interface ServerTruth {
  at: number;
  orders: ServerOrder[];
  mutations: {
    name: string;
    status: string;
    code: string | null;
    orderId: string | null;
    createdAt: number;
  }[];
  customerMessages: number;
  items: { id: string; name: string; dailyQuota: number | null; soldOutUntil: string | null }[];
}

/** The honest state a device should show for the server's row (client/orderState.ts, S7). */
export function expectedState(row: ServerOrder | undefined, refused: boolean): string {
  if (!row) return refused ? 'refused' : 'saved';
  if (row.status === 'placed') return row.receivedAt === null ? 'sent' : 'received';
  return row.status;
}
