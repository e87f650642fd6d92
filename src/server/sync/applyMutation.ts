import type { MenuItem } from '../../domain/catalogue';
import {
  customerMayCancel,
  isActive,
  nextStatus,
  transitionRefusal,
  type Fulfilment,
  type OrderAction,
  type OrderLineInput,
  type OrderStatus,
  type PricedLine,
} from '../../domain/order';
import { quantitiesByItem, quotaLeft } from '../../domain/pricing';
import { priceWholeOrder } from '../../domain/orderPricing';
import { loadDeliveryZones } from '../shops/delivery';
import { pickupProblem, slotHasRoom } from '../../domain/schedule';
import type { ErrorCode } from '../../protocol/errors';
import { CUSTOMER_MUTATIONS, type Mutation, type MutationArgs } from '../../protocol/sync';
import { bumpShopVersion, ITEM_COLUMNS, toItem, type ItemRow } from '../shops/queries';
import type { Queryable } from '../storage/types';
import type { Schedule } from '../../domain/schedule';
import { checkoutProblem, customerCheckoutProblem } from '../../domain/checkout';
import { leadTimeProblem } from '../../domain/leadTime';
import { loadCheckoutRules } from '../shops/queries';
import { shareHash, shareSecretMatches } from './shareLink';
import { handoffKeyOf } from '../../protocol/handoff';
import { sendMessage } from './messages';
import { setSoldOut } from '../shops/menuSoldOut';
import { setShopStatus } from '../shops/shopStatus';
import { loadShopAway } from '../shops/presence';
import { customerTimeProblem } from '../../domain/pickupOptions';
import { nowWindowHasRoom, NOW_WINDOW_MINUTES } from '../../domain/shopStatus';
import { NOW_WINDOW_SQL } from '../shops/taken';
import { redeemVoucher } from '../vouchers/redeem';
import { setTransferDeadline } from '../payments/transferDeadline';
import { assignOrderNumber } from './orderNumber';

/** Who sent a mutation: a customer's phone, or a signed-in member of the shop. */
export type Caller = { kind: 'device'; deviceId: string } | { kind: 'shop'; userId: string };

/** The shop a mutation is for. Its row is locked only when a change is about to be made. */
export interface ShopContext {
  id: string;
  schedule: Schedule;
}

export interface Outcome {
  status: 'applied' | 'rejected';
  code?: ErrorCode;
  orderId?: string;
  /** The shop version this change took (S6), when it changed anything. */
  version?: number;
  /** Devices whose orders this changed, for the poke (S8/S13). */
  touchedDevices: string[];
  /** Every customer of the shop may see this change (the menu): poke them all (S8). */
  public?: boolean;
}

const rejected = (code: ErrorCode, orderId?: string): Outcome => ({
  status: 'rejected',
  code,
  orderId,
  touchedDevices: [],
});
const applied = (orderId: string, deviceId: string | null, version?: number): Outcome => ({
  status: 'applied',
  orderId,
  version,
  touchedDevices: deviceId ? [deviceId] : [],
});

/**
 * Applies one mutation inside the caller's transaction. Read-only checks run first, without the
 * shop's lock; the lock (taken by bumping the shop's version, S6) covers only what must be serial:
 * quotas, slot capacity and the write itself. Locks are always taken client → shop → order.
 */
export async function applyMutation(
  tx: Queryable,
  shop: ShopContext,
  caller: Caller,
  m: Mutation,
  now: Date,
  /** The sending client (S3): a voucher redemption records which tablet took it. */
  clientId = '',
): Promise<Outcome> {
  // A phone may only place and cancel its own orders; anything else is refused and recorded (S5).
  if (caller.kind === 'device' && !CUSTOMER_MUTATIONS.has(m.name)) return rejected('forbidden');
  switch (m.name) {
    case 'placeOrder':
      return placeOrder(tx, shop, caller, m.args, now);
    case 'acceptOrder':
      return transition(tx, shop, caller, m.args, 'accept', {
        sql: `prep_minutes = $4, ready_by = now() + make_interval(mins => $4)`,
        params: [m.args.prepMinutes],
      });
    case 'rejectOrder':
      return transition(tx, shop, caller, m.args, 'reject', {
        sql: 'reject_reason = $4',
        params: [m.args.reason],
      });
    case 'confirmOrder':
      return transition(tx, shop, caller, m.args, 'confirm');
    case 'markReady':
      return transition(tx, shop, caller, m.args, 'markReady');
    case 'dispatchOrder':
      return transition(tx, shop, caller, m.args, 'dispatch', {
        sql: 'rider_name = $4, rider_phone = $5',
        params: [m.args.riderName ?? '', m.args.riderPhone ?? ''],
      });
    case 'completeOrder':
      return transition(tx, shop, caller, m.args, 'complete');
    case 'cancelOrder':
      return transition(tx, shop, caller, m.args, 'cancel');
    case 'sendMessage':
      return sendMessage(tx, shop, caller, m.args);
    case 'markPaid':
      return markPaid(tx, shop, m.args);
    case 'setSoldOut':
      return setSoldOut(tx, shop.id, m.args);
    case 'setShopStatus':
      return setShopStatus(tx, shop, m.args, now);
    case 'redeemVoucher':
      return redeemVoucher(tx, shop, caller, clientId, m.args, now);
    case 'setAside':
      // Only its record (written by push) is kept: the seq is spent, nothing else changes.
      return { status: 'applied', touchedDevices: [] };
  }
}

async function placeOrder(
  tx: Queryable,
  shop: ShopContext,
  caller: Caller,
  a: MutationArgs<'placeOrder'>,
  now: Date,
): Promise<Outcome> {
  // The hand-off claim key comes from the code the shop's tablet imported, never from a phone.
  if (caller.kind === 'device' && a.handoffKey !== undefined) return rejected('forbidden');
  // S1: the order id is the idempotency key. Placing it again is a no-op that returns the first order.
  const [existing] = await tx.query<{
    shop_id: string;
    device_id: string | null;
    lines: PricedLine[];
    handoff_key_hash: string | null;
  }>('select shop_id, device_id, lines, handoff_key_hash from orders where id = $1', [a.orderId]);
  if (existing) {
    const mine = caller.kind === 'shop' || existing.device_id === caller.deviceId;
    if (existing.shop_id === shop.id && mine) return applied(a.orderId, existing.device_id);
    // The shop imported this order from the customer's SMS hand-off code; the phone that made the code
    // now syncs it: one order (S1). Only that phone claims it: the key its share secret derives must
    // match the one the code carried (the server holds its hash), and the lines must be the same.
    // Knowing the order's id, lines and name — all in the text message — is not enough.
    const handoff = existing.shop_id === shop.id && caller.kind === 'device' && existing.device_id === null;
    if (
      handoff &&
      a.shareSecret !== undefined &&
      shareSecretMatches(handoffKeyOf(a.shareSecret), existing.handoff_key_hash) &&
      sameLines(existing.lines, a.lines)
    ) {
      const version = await bumpShopVersion(tx, shop.id);
      // The key has done its work: the order is the phone's now.
      await tx.query(
        'update orders set device_id = $2, version = $3, share_hash = $4, handoff_key_hash = null where id = $1',
        [a.orderId, caller.deviceId, version, shareHash(a.shareSecret)],
      );
      return applied(a.orderId, caller.deviceId, version);
    }
    // Refused without the order (no orderId: push attaches nothing, S13). A phone whose own order the
    // shop took by text but cannot be linked (an old code without a key) learns where its order is.
    return rejected(handoff ? 'handoff_claim_refused' : 'order_exists');
  }

  // A customer's order meets the counter's levers too (#17: paused, busy); the shop's own does not —
  // a regular on the phone during a pause is the owner's call. The "now" window is counted below, locked.
  const scheduleProblem =
    caller.kind === 'device'
      ? customerTimeProblem(now, a.date, a.slot, shop.schedule, 0)
      : pickupProblem(now, a.date, a.slot, shop.schedule);
  if (scheduleProblem) return rejected(scheduleProblem, a.orderId);
  // A shop that stops taking orders while none of its devices is connected (#17 presence), is away.
  if (
    caller.kind === 'device' &&
    shop.schedule.pauseWhenAway &&
    (await loadShopAway(tx, shop.id, shop.schedule, now))
  )
    return rejected('shop_paused', a.orderId);
  const rules = await loadCheckoutRules(tx, shop.id);
  // A customer's phone must leave a way to call back and stay within the shop's quantities (#16). The
  // shop's own orders (phone calls typed on the tablet, SMS hand-offs it imports) are its own call:
  // a walk-in at the counter has no number to give, and the tablet shows what it imports first.
  const checkout = caller.kind === 'device' ? customerCheckoutProblem(rules, a) : checkoutProblem(rules, a);
  if (checkout) return rejected(checkout, a.orderId);

  const itemIds = [...new Set(a.lines.map((l) => l.itemId))];
  const rows = await tx.query<ItemRow>(
    `select ${ITEM_COLUMNS} from menu_items where shop_id = $1 and id = any($2::uuid[])`,
    [shop.id, itemIds],
  );
  const catalogue = new Map<string, MenuItem>(rows.map((r) => [r.id, toItem(r)]));
  // Items from the catalogue, the delivery fee from the pin and the zones: never from the phone.
  const zones = a.fulfilment === 'delivery' ? await loadDeliveryZones(tx, shop.id) : null;
  const priced = priceWholeOrder(catalogue, a, zones, { pinRequired: caller.kind === 'device' });
  if (!priced.ok) return rejected(priced.problem, a.orderId);
  const pin = a.fulfilment === 'delivery' ? (a.location ?? null) : null;
  if (leadTimeProblem(catalogue, a.lines, now, a.date, shop.schedule.timeZone))
    return rejected('item_lead_time', a.orderId);

  // From here on the shop is locked: quotas and slot capacity are counted with no one else writing.
  const version = await bumpShopVersion(tx, shop.id);
  const wanted = quantitiesByItem(a.lines);
  const limited = [...catalogue.values()].filter((i) => i.dailyQuota !== null);
  if (limited.length > 0) {
    const taken = await tx.query<{ item_id: string; n: number }>(
      `select l->>'itemId' as item_id, sum((l->>'quantity')::int)::int as n
         from orders o cross join lateral jsonb_array_elements(o.lines) l
        where o.shop_id = $1 and o.date = $2 and o.status not in ('rejected', 'cancelled') and l->>'itemId' = any($3::text[])
        group by 1`,
      [shop.id, a.date, limited.map((i) => i.id)],
    );
    const takenOf = new Map(taken.map((t) => [t.item_id, t.n]));
    for (const item of limited) {
      const left = quotaLeft(item, takenOf.get(item.id) ?? 0);
      if (left !== null && (wanted.get(item.id) ?? 0) > left) return rejected('quota_exceeded', a.orderId);
    }
  }

  if (a.slot !== null) {
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      `select count(*)::int as n from orders
        where shop_id = $1 and date = $2 and slot = $3 and status not in ('rejected', 'cancelled')`,
      [shop.id, a.date, a.slot],
    );
    if (!slotHasRoom(n, shop.schedule)) return rejected('slot_full', a.orderId);
  } else if (caller.kind === 'device' && shop.schedule.nowCapacity) {
    // Kitchen load (#17): "now" orders in this 15-minute window, the shop's phone orders included
    // (they are cooked by the same hands), counted with the shop locked so no two can both fit. The
    // window is the database's clock, the same now() that stamps this order's created_at.
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      `select count(*)::int as n from orders
        where shop_id = $1 and slot is null and status not in ('rejected', 'cancelled')
          and created_at >= ${NOW_WINDOW_SQL} and created_at < ${NOW_WINDOW_SQL} + interval '${NOW_WINDOW_MINUTES} minutes'`,
      [shop.id],
    );
    if (!nowWindowHasRoom(n, shop.schedule)) return rejected('kitchen_full', a.orderId);
  }

  const deviceId = caller.kind === 'device' ? caller.deviceId : null;
  await tx.query(
    `insert into orders (id, shop_id, device_id, lines, total, status, fulfilment, date, slot,
                         customer_name, customer_phone, address, note, version, payment, share_hash,
                         delivery_fee, lat, lng, handoff_key_hash)
     values ($1, $2, $3, $4, $5, 'placed', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      a.orderId,
      shop.id,
      deviceId,
      JSON.stringify(priced.lines),
      priced.total,
      a.fulfilment,
      a.date,
      a.slot,
      a.customerName,
      a.customerPhone,
      a.address,
      a.note,
      version,
      a.payment,
      a.shareSecret ? shareHash(a.shareSecret) : null,
      priced.deliveryFee,
      pin?.lat ?? null,
      pin?.lng ?? null,
      a.handoffKey !== undefined ? shareHash(a.handoffKey) : null,
    ],
  );
  // Still under the shop's lock taken above: numbers are given one at a time (issue #16).
  await assignOrderNumber(tx, shop.id, a.orderId, now, shop.schedule.timeZone);
  await setTransferDeadline(tx, shop.id, a.orderId, a, now, shop.schedule.timeZone);
  return applied(a.orderId, deviceId, version);
}

/** Payment is a fact the shop records, apart from the order's progress (a transfer may come first). */
async function markPaid(tx: Queryable, shop: ShopContext, a: MutationArgs<'markPaid'>): Promise<Outcome> {
  const version = await bumpShopVersion(tx, shop.id);
  // Money is not recorded on an order that was cancelled or rejected (#16: after the shop's lock, so a
  // deadline sweep that cancelled first wins, and an order is never both cancelled and paid).
  const [order] = await tx.query<{ device_id: string | null; status: OrderStatus }>(
    'select device_id, status from orders where id = $1 and shop_id = $2 for update',
    [a.orderId, shop.id],
  );
  if (!order) return rejected('order_not_found', a.orderId);
  if (a.paid && !isActive(order.status)) return rejected('invalid_transition', a.orderId);
  await tx.query(
    'update orders set paid_at = case when $2 then coalesce(paid_at, now()) end, version = $3 where id = $1',
    [a.orderId, a.paid, version],
  );
  return applied(a.orderId, order.device_id, version);
}

/** The same items, quantities and options, whatever the line order. */
function sameLines(priced: readonly PricedLine[], input: readonly OrderLineInput[]): boolean {
  const key = (l: { itemId: string; quantity: number; optionIds: readonly string[] }) =>
    `${l.itemId}:${l.quantity}:${[...l.optionIds].sort().join(',')}`;
  const a = priced.map((l) => key({ ...l, optionIds: l.options.map((o) => o.id) })).sort();
  const b = input.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * S10: moves an order along one arrow of the state machine. The shop lock makes racing tablets
 * take turns; the loser finds the status moved and gets invalid_transition.
 */
async function transition(
  tx: Queryable,
  shop: ShopContext,
  caller: Caller,
  { orderId, from }: { orderId: string; from?: OrderStatus | undefined },
  action: OrderAction,
  extra: { sql: string; params: unknown[] } = { sql: '', params: [] },
): Promise<Outcome> {
  // Shop first, then the order row: the one lock order every writer uses, so none can deadlock.
  const version = await bumpShopVersion(tx, shop.id);
  const [order] = await tx.query<{
    status: OrderStatus;
    fulfilment: Fulfilment;
    slot: string | null;
    device_id: string | null;
  }>('select status, fulfilment, slot, device_id from orders where id = $1 and shop_id = $2 for update', [
    orderId,
    shop.id,
  ]);
  // A customer sees only their own orders: another device's order "does not exist" (S13).
  if (!order || (caller.kind === 'device' && order.device_id !== caller.deviceId))
    return rejected('order_not_found', orderId);
  if (caller.kind === 'device' && !customerMayCancel(order.status)) {
    const inHand = order.status === 'accepted' || order.status === 'confirmed';
    return rejected(inHand ? 'cancel_too_late' : 'invalid_transition', orderId);
  }
  // A step of another kind's lifecycle is refused whatever the status (S10): accepting a Wednesday
  // pre-order "in 10 minutes" would promise the customer a time nobody meant.
  const refusal = transitionRefusal(order, action);
  if (refusal === 'not_for_this_kind') return rejected(refusal, orderId);
  // Compare-and-set: decided on a status that has since moved on (another tablet was first).
  if (from !== undefined && order.status !== from) return rejected('invalid_transition', orderId);
  const next = nextStatus(order, action);
  if (refusal || !next) return rejected('invalid_transition', orderId);
  const set = ['status = $2', 'version = $3', extra.sql].filter(Boolean).join(', ');
  await tx.query(`update orders set ${set} where id = $1`, [orderId, next, version, ...extra.params]);
  return applied(orderId, order.device_id, version);
}
