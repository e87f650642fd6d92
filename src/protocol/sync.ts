import { z } from 'zod/mini';
import { BUSY_MINUTES_MAX } from '../domain/shopStatus';
import { MAX_LINES, MAX_QUANTITY } from '../domain/pricing';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order';
import { CLOCK_PATTERN } from '../domain/hours';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/checkout';
import { Id, LocalDate, MenuItemSchema, Phone, PublicSchedule, Token, Won } from './schemas';
import { DeliveryZonesSchema, LatLngSchema } from './delivery';
import { intIn, nonBlank, ShortKey, trimmed } from './fields';

/**
 * The sync contract (DESIGN.md S1–S14). A device writes a mutation into its outbox, pushes it with a
 * per-client sequence number, and later pulls rows newer than its cursor. Mutations name intent, never
 * results: placeOrder carries item ids and quantities, and the server prices it from the catalogue.
 */

const Clock = z.string().check(z.regex(CLOCK_PATTERN));

export const OrderLineInputSchema = z.strictObject({
  itemId: Id,
  quantity: intIn(1, MAX_QUANTITY),
  optionIds: z.array(ShortKey).check(z.maxLength(20)),
});

/**
 * The status the sender saw when it decided (compare-and-set). Two tablets acting on one order from
 * the same screen state: the first commit wins, the other is refused with invalid_transition (S10),
 * rather than both applying in turn (accept, then a cancel decided before the accept was seen).
 */
const From = z.optional(z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]]));
const Payment = z.enum(PAYMENT_METHODS as [PaymentMethod, ...PaymentMethod[]]);

/** An order's note (요청 사항): the checkout counts down to it rather than cutting silently (#16). */
export const MAX_NOTE_LENGTH = 500;

/** Chat text: plain text only, bounded so one message cannot fill a phone's screen or the database. */
export const MAX_MESSAGE_LENGTH = 1000;

export const mutationArgs = {
  placeOrder: z.strictObject({
    orderId: Id,
    lines: z.array(OrderLineInputSchema).check(z.minLength(1), z.maxLength(MAX_LINES)),
    fulfilment: z.enum(['pickup', 'delivery']),
    date: LocalDate,
    slot: z.nullable(Clock),
    customerName: trimmed(40),
    customerPhone: Phone,
    address: trimmed(200),
    note: trimmed(MAX_NOTE_LENGTH, { lines: true }),
    payment: z._default(Payment, 'at_pickup'),
    /**
     * A secret the phone puts in the order's share link; the server keeps only its hash. Absent for
     * orders the shop typed in (a phone order, an SMS hand-off): those have no share link.
     */
    shareSecret: z.optional(Token),
    /**
     * The claim key from a customer's SMS hand-off code (protocol/handoff.ts), passed on by the shop's
     * tablet that imported it; refused from a phone. The server keeps only its hash, and links the
     * order to the phone whose shareSecret derives this key — to no other device.
     */
    handoffKey: z.optional(z.string().check(z.regex(/^[0-9a-f]{16}$/))),
    /**
     * Where a delivery goes, as the customer's pin (issue 6). The server computes the delivery fee
     * from it and the shop's zones; the phone never sends a fee.
     */
    location: z.optional(LatLngSchema),
  }),
  cancelOrder: z.strictObject({ orderId: Id, from: From }),
  acceptOrder: z.strictObject({ orderId: Id, from: From, prepMinutes: intIn(1, 240) }),
  rejectOrder: z.strictObject({ orderId: Id, from: From, reason: nonBlank(200, { lines: true }) }),
  /** A pre-order promised for its slot: no prep minutes, the slot is the promise (S10). */
  confirmOrder: z.strictObject({ orderId: Id, from: From }),
  markReady: z.strictObject({ orderId: Id, from: From }),
  /** A delivery leaves the shop; the rider's name and phone, when given, are shown to the customer. */
  dispatchOrder: z.strictObject({
    orderId: Id,
    from: From,
    riderName: z.optional(trimmed(40)),
    riderPhone: z.optional(Phone),
  }),
  completeOrder: z.strictObject({ orderId: Id, from: From }),
  /** The shop saw the money: cash or card at the counter, or a bank transfer it checked. */
  markPaid: z.strictObject({ orderId: Id, paid: z.boolean() }),
  /**
   * S12: one chat message. A customer writes in its own conversation (no deviceId); the shop names
   * the customer's device it answers. The message id makes a resend harmless.
   */
  sendMessage: z.strictObject({
    messageId: Id,
    deviceId: z.optional(Id),
    orderId: z.nullable(Id),
    body: nonBlank(MAX_MESSAGE_LENGTH, { lines: true }),
  }),
  /**
   * Sold out through `until` (a shop-local date, inclusive), or back on sale (null). A mutation, not
   * a route, so the tablet can mark it with the network down and it reaches the server once (S2, S4).
   */
  setSoldOut: z.strictObject({ itemId: Id, until: z.nullable(LocalDate) }),
  /**
   * The counter's levers (#17), from any shop device and offline too (the outbox): busy for the rest of
   * today (+minutes, 0 = not busy), ordering paused until an instant or until reopened (null), or not
   * (false), and today closed or reopened. Each field given is set; the last to arrive wins (S11).
   */
  setShopStatus: z.strictObject({
    busyMinutes: z.optional(intIn(0, BUSY_MINUTES_MAX)),
    pause: z.optional(
      z.union([z.literal(false), z.strictObject({ until: z.nullable(z.iso.datetime({ offset: true })) })]),
    ),
    closedToday: z.optional(z.boolean()),
  }),
  /**
   * A shop device took (part of) a gift voucher, maybe offline. Applied in arrival order with the
   * balance checked; an excess is applied and recorded as a shortfall (issue #7). Shop devices only.
   */
  redeemVoucher: z.strictObject({
    redemptionId: Id,
    voucherId: Id,
    amount: Won.check(z.refine((w) => w > 0)),
    orderId: z.nullable(Id),
    at: z.iso.datetime({ offset: true }),
  }),
  /**
   * S15: the device set aside an outbox entry the server cannot accept (it refused it as malformed),
   * keeping it on the device, and sends this in its seq instead, so the queue behind it moves on.
   * Recorded by the server and changes nothing else.
   */
  setAside: z.strictObject({ mutationId: Id }),
};

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;
/** What a caller writes (defaults may be left out); the outbox stores it parsed, as the server will. */
export type MutationInput<N extends MutationName> = z.input<(typeof mutationArgs)[N]>;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];

/** A customer's phone may only place and cancel its own orders and chat; a shop member may send every mutation. */
export const CUSTOMER_MUTATIONS: ReadonlySet<MutationName> = new Set([
  'placeOrder',
  'cancelOrder',
  'sendMessage',
  'setAside',
]);

const mutation = <N extends MutationName>(name: N) =>
  z.strictObject({
    mutationId: Id,
    seq: intIn(1, Number.MAX_SAFE_INTEGER),
    name: z.literal(name),
    args: mutationArgs[name],
  });

export const MutationSchema = z.discriminatedUnion('name', [
  mutation('placeOrder'),
  mutation('cancelOrder'),
  mutation('acceptOrder'),
  mutation('rejectOrder'),
  mutation('confirmOrder'),
  mutation('markReady'),
  mutation('dispatchOrder'),
  mutation('completeOrder'),
  mutation('markPaid'),
  mutation('sendMessage'),
  mutation('setSoldOut'),
  mutation('setShopStatus'),
  mutation('redeemVoucher'),
  mutation('setAside'),
]);
export type Mutation = z.output<typeof MutationSchema>;

/** A batch is bounded so one request cannot hold the shop's lock for long. */
export const MAX_BATCH = 100;

export const PushRequest = z.strictObject({
  clientId: Id,
  mutations: z.array(MutationSchema).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});

export const PricedLineSchema = z.strictObject({
  itemId: Id,
  name: z.string(),
  quantity: z.int(),
  options: z.array(z.strictObject({ id: z.string(), name: z.string(), priceDelta: Won })),
  unitPrice: Won,
  lineTotal: Won,
});

export const OrderSchema = z.strictObject({
  id: Id,
  lines: z.array(PricedLineSchema),
  total: Won,
  status: z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]]),
  fulfilment: z.enum(['pickup', 'delivery']),
  date: LocalDate,
  slot: z.nullable(Clock),
  customerName: z.string(),
  customerPhone: z.string(),
  address: z.string(),
  note: z.string(),
  payment: Payment,
  paidAt: z.nullable(z.string()),
  createdAt: z.string(),
  receivedAt: z.nullable(z.string()),
  prepMinutes: z.nullable(z.int()),
  readyBy: z.nullable(z.string()),
  rejectReason: z.nullable(z.string()),
  version: z.int(),
  /** A bank transfer's deadline (issue #16); absent from older servers. */
  payBy: z.optional(z.nullable(z.string())),
  /** Why the server cancelled the order, as a code ('transfer_deadline'). */
  cancelReason: z.optional(z.nullable(z.string())),
  /** Who took a delivery out, when the shop said so. */
  riderName: z.optional(z.string()),
  riderPhone: z.optional(z.string()),
  /** Computed by the server from the pin and the zones; included in total. Absent: none. */
  deliveryFee: z.optional(Won),
  /** The delivery pin, for the shop's map of the day's deliveries. Never in a share link. */
  location: z.optional(z.nullable(LatLngSchema)),
  /** The customer's device (the chat conversation's key): to the shop's devices only. */
  deviceId: z.optional(z.nullable(Id)),
  /** The day's order number ("23번"), given by the server; null for orders from before numbering. */
  number: z.optional(z.nullable(z.int())),
});

export const MessageSchema = z.strictObject({
  id: Id,
  /** The conversation: the customer's device. */
  deviceId: Id,
  orderId: z.nullable(Id),
  author: z.enum(['customer', 'shop']),
  body: z.string(),
  createdAt: z.string(),
  version: z.int(),
});

/**
 * What anyone holding an order's share link may see: its progress, never who ordered or where to.
 */
export const SharedOrderSchema = z.pick(OrderSchema, {
  id: true,
  lines: true,
  total: true,
  status: true,
  fulfilment: true,
  date: true,
  slot: true,
  payment: true,
  paidAt: true,
  createdAt: true,
  receivedAt: true,
  readyBy: true,
  rejectReason: true,
  number: true,
  // Why the server cancelled it (a transfer past its deadline, #16): the family sees it too.
  payBy: true,
  cancelReason: true,
});
export const SharedOrderRequest = z.strictObject({ orderId: Id, secret: Token });

/**
 * One mutation's outcome. `rejected` is permanent (S5): it still advanced last_seq, and `code` says
 * why in words the customer understands. `order` is the order as it now stands, when the caller may see it.
 */
export const MutationResult = z.strictObject({
  mutationId: Id,
  seq: z.int(),
  status: z.enum(['applied', 'rejected']),
  code: z.optional(z.string()),
  order: z.optional(OrderSchema),
});
export type MutationResult = z.output<typeof MutationResult>;

export const PushResponse = z.strictObject({
  results: z.array(MutationResult),
  /** The highest seq the server has applied or rejected for this client. */
  lastSeq: z.int(),
});

export const PullRequest = z.strictObject({
  clientId: Id,
  cursor: intIn(0, Number.MAX_SAFE_INTEGER),
});

export const PullResponse = z.strictObject({
  /** Pass this back as the next cursor (S6: a version, never a timestamp). */
  cursor: z.int(),
  /** More rows wait beyond this page: pull again at once. */
  more: z.boolean(),
  lastSeq: z.int(),
  orders: z.array(OrderSchema),
  messages: z.array(MessageSchema),
  items: z.array(MenuItemSchema),
  /** Items the shop deleted since the cursor: the device drops them from its catalogue. */
  removedItemIds: z.optional(z.array(Id)),
  schedule: PublicSchedule,
  /** The shop's delivery zones as they stand, so an optimistic total includes the right fee. */
  delivery: z.optional(DeliveryZonesSchema),
});

/** The SSE poke: contentless but for the version, so it can never carry someone else's order (S8, S13). */
export interface Poke {
  version: number;
}

export type Message = z.output<typeof MessageSchema>;
