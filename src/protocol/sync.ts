import { z } from 'zod';
import { MAX_LINES, MAX_QUANTITY } from '../domain/pricing';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order';
import { CLOCK_PATTERN } from '../domain/hours';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/checkout';
import { Id, LocalDate, MenuItemSchema, Phone, PublicSchedule, Token, Won } from './schemas';

/**
 * The sync contract (DESIGN.md S1–S14). A device writes a mutation into its outbox, pushes it with a
 * per-client sequence number, and later pulls rows newer than its cursor. Mutations name intent, never
 * results: placeOrder carries item ids and quantities, and the server prices it from the catalogue.
 */

const Clock = z.string().regex(CLOCK_PATTERN);

export const OrderLineInputSchema = z.strictObject({
  itemId: Id,
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  optionIds: z.array(z.string().min(1).max(64)).max(20),
});

/**
 * The status the sender saw when it decided (compare-and-set). Two tablets acting on one order from
 * the same screen state: the first commit wins, the other is refused with invalid_transition (S10),
 * rather than both applying in turn (accept, then a cancel decided before the accept was seen).
 */
const From = z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]]).optional();
const Payment = z.enum(PAYMENT_METHODS as [PaymentMethod, ...PaymentMethod[]]);

/** Chat text: plain text only, bounded so one message cannot fill a phone's screen or the database. */
export const MAX_MESSAGE_LENGTH = 1000;

export const mutationArgs = {
  placeOrder: z.strictObject({
    orderId: Id,
    lines: z.array(OrderLineInputSchema).min(1).max(MAX_LINES),
    fulfilment: z.enum(['pickup', 'delivery']),
    date: LocalDate,
    slot: Clock.nullable(),
    customerName: z.string().trim().max(40),
    customerPhone: Phone,
    address: z.string().trim().max(200),
    note: z.string().trim().max(500),
    payment: Payment.default('at_pickup'),
    /**
     * A secret the phone puts in the order's share link; the server keeps only its hash. Absent for
     * orders the shop typed in (a phone order, an SMS hand-off): those have no share link.
     */
    shareSecret: Token.optional(),
  }),
  cancelOrder: z.strictObject({ orderId: Id, from: From }),
  acceptOrder: z.strictObject({ orderId: Id, from: From, prepMinutes: z.number().int().min(1).max(240) }),
  rejectOrder: z.strictObject({ orderId: Id, from: From, reason: z.string().trim().min(1).max(200) }),
  markReady: z.strictObject({ orderId: Id, from: From }),
  completeOrder: z.strictObject({ orderId: Id, from: From }),
  /** The shop saw the money: cash or card at the counter, or a bank transfer it checked. */
  markPaid: z.strictObject({ orderId: Id, paid: z.boolean() }),
  /**
   * S12: one chat message. A customer writes in its own conversation (no deviceId); the shop names
   * the customer's device it answers. The message id makes a resend harmless.
   */
  sendMessage: z.strictObject({
    messageId: Id,
    deviceId: Id.optional(),
    orderId: Id.nullable(),
    body: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
  }),
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
]);

const mutation = <N extends MutationName>(name: N) =>
  z.strictObject({
    mutationId: Id,
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    name: z.literal(name),
    args: mutationArgs[name],
  });

export const MutationSchema = z.discriminatedUnion('name', [
  mutation('placeOrder'),
  mutation('cancelOrder'),
  mutation('acceptOrder'),
  mutation('rejectOrder'),
  mutation('markReady'),
  mutation('completeOrder'),
  mutation('markPaid'),
  mutation('sendMessage'),
]);
export type Mutation = z.output<typeof MutationSchema>;

/** A batch is bounded so one request cannot hold the shop's lock for long. */
export const MAX_BATCH = 100;

export const PushRequest = z.strictObject({
  clientId: Id,
  mutations: z.array(MutationSchema).min(1).max(MAX_BATCH),
});

export const PricedLineSchema = z.strictObject({
  itemId: Id,
  name: z.string(),
  quantity: z.number().int(),
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
  slot: Clock.nullable(),
  customerName: z.string(),
  customerPhone: z.string(),
  address: z.string(),
  note: z.string(),
  payment: Payment,
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  receivedAt: z.string().nullable(),
  prepMinutes: z.number().int().nullable(),
  readyBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  version: z.number().int(),
});

export const MessageSchema = z.strictObject({
  id: Id,
  /** The conversation: the customer's device. */
  deviceId: Id,
  orderId: Id.nullable(),
  author: z.enum(['customer', 'shop']),
  body: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});

/**
 * What anyone holding an order's share link may see: its progress, never who ordered or where to.
 */
export const SharedOrderSchema = OrderSchema.pick({
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
});
export const SharedOrderRequest = z.strictObject({ orderId: Id, secret: Token });

/**
 * One mutation's outcome. `rejected` is permanent (S5): it still advanced last_seq, and `code` says
 * why in words the customer understands. `order` is the order as it now stands, when the caller may see it.
 */
export const MutationResult = z.strictObject({
  mutationId: Id,
  seq: z.number().int(),
  status: z.enum(['applied', 'rejected']),
  code: z.string().optional(),
  order: OrderSchema.optional(),
});
export type MutationResult = z.output<typeof MutationResult>;

export const PushResponse = z.strictObject({
  results: z.array(MutationResult),
  /** The highest seq the server has applied or rejected for this client. */
  lastSeq: z.number().int(),
});

export const PullRequest = z.strictObject({
  clientId: Id,
  cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const PullResponse = z.strictObject({
  /** Pass this back as the next cursor (S6: a version, never a timestamp). */
  cursor: z.number().int(),
  /** More rows wait beyond this page: pull again at once. */
  more: z.boolean(),
  lastSeq: z.number().int(),
  orders: z.array(OrderSchema),
  messages: z.array(MessageSchema),
  items: z.array(MenuItemSchema),
  schedule: PublicSchedule,
});

/** The SSE poke: contentless but for the version, so it can never carry someone else's order (S8, S13). */
export interface Poke {
  version: number;
}

export type Message = z.output<typeof MessageSchema>;
