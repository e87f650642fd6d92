import { z } from 'zod/mini';
import { BOARD_LEAD_MINUTES_MAX } from '../domain/dueTime';
import { NOW_CAPACITY_MAX } from '../domain/shopStatus';
import { isAutoRejectMinutes, RE_ALERT_MINUTES_MAX } from '../domain/orderAlerts';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/checkout';
import { MAX_PER_ITEM_LIMIT, MAX_PER_ORDER_LIMIT } from '../domain/checkoutLimits';
import { SALES_BY, type SalesBy } from '../domain/sales';
import { TRANSFER_DEADLINE_MAX, TRANSFER_DEADLINE_MIN } from '../domain/transferDeadline';
import { slugProblem } from '../domain/slug';
import { MAX_PHONE_LENGTH, PHONE_PATTERN } from '../domain/phone';
import { ROLES } from '../domain/roles';
import { CLOCK_PATTERN, isKnownTimeZone, isValidPeriod } from '../domain/hours';
import { MAX_PHOTO_BYTES, MENU_LIMITS, PHOTO_TYPES, type PhotoType } from '../domain/menuEdit';
import { DeliveryZonesSchema, MapConfigSchema } from './delivery';
import { intIn, nonBlank, plainString, ShortKey, trimmed, Won } from './fields';

/** Base64 of a photo a little over the limit, so an oversized one gets photo_too_large, not a bare 400. */
export const PHOTO_BASE64_MAX = Math.ceil((MAX_PHOTO_BYTES * 2 * 4) / 3);
import {
  CLOSED_DATES_MAX,
  isSlotMinutes,
  LEAD_MINUTES_MAX,
  PREORDER_DAYS_MAX,
  SLOT_CAPACITY_MAX,
} from '../domain/shopSettings';

/**
 * Shapes shared by requests and responses. Request objects are strict: an unknown field is an
 * error, not silently dropped, so a client and server that disagree find out at once.
 */

export const Id = z.uuid();
export const Slug = z.string().check(z.refine((s) => slugProblem(s) === null, { message: 'slug_invalid' }));
/** Letters of any script (staff names are often Hangul), digits, dot, underscore, hyphen. */
export const Username = z.pipe(
  z.string().check(z.minLength(2), z.maxLength(32), z.regex(/^[\p{L}\p{N}._-]+$/u)),
  z.transform((s: string) => s.normalize('NFC').toLowerCase()),
);
/** Long passphrases are welcome; the cap only bounds the hashing work an attacker can request. */
export const Password = z.string().check(z.minLength(8, { message: 'password_too_short' }), z.maxLength(128));
export const ShopName = nonBlank(60);
export const Phone = z.string().check(z.maxLength(MAX_PHONE_LENGTH), z.regex(PHONE_PATTERN));
export { Won };
export const LocalDate = z.iso.date();
/** Random 256-bit tokens in base64url: exactly 43 characters. */
export const Token = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));
export const RoleSchema = z.enum(ROLES as ['owner', 'staff']);
export const TimeZone = z.string().check(z.maxLength(64), z.refine(isKnownTimeZone));

const Period = z.strictObject({ open: z.string(), close: z.string() }).check(z.refine(isValidPeriod));
const Day = z.array(Period).check(z.maxLength(4));
export const WeeklyHoursSchema = z.tuple([Day, Day, Day, Day, Day, Day, Day]);

export const EmptyBody = z.strictObject({});

export const SignupRequest = z.strictObject({
  shopName: ShopName,
  slug: Slug,
  username: Username,
  password: Password,
});
export const LoginRequest = z.strictObject({
  slug: Slug,
  username: Username,
  password: z.string().check(z.minLength(1), z.maxLength(128)),
});
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(128)),
  newPassword: Password,
});
export const InviteInspectRequest = z.strictObject({ token: Token });
export const InviteAcceptRequest = z.strictObject({ token: Token, username: Username, password: Password });

const atLeastOneField = (o: object) => Object.keys(o).length > 0;

export const SettingsPatch = z
  .strictObject({
    name: z.optional(ShopName),
    phone: z.optional(Phone),
    address: z.optional(trimmed(200)),
    notice: z.optional(trimmed(500, { lines: true })),
    timeZone: z.optional(TimeZone),
    hours: z.optional(WeeklyHoursSchema),
    pickup: z.optional(z.boolean()),
    delivery: z.optional(z.boolean()),
    payAtPickup: z.optional(z.boolean()),
    bankTransfer: z.optional(z.boolean()),
    bankAccount: z.optional(trimmed(100)),
    // Pickup scheduling and the shop's link (settings editor); cross-field rules: domain/shopSettings.
    slug: z.optional(Slug),
    slotMinutes: z.optional(z.int().check(z.refine(isSlotMinutes))),
    slotCapacity: z.optional(intIn(1, SLOT_CAPACITY_MAX)),
    leadMinutes: z.optional(intIn(0, LEAD_MINUTES_MAX)),
    preorderDays: z.optional(intIn(0, PREORDER_DAYS_MAX)),
    // How long before its slot a confirmed pre-order joins the day's board (domain/dueTime.ts, #16).
    boardLeadMinutes: z.optional(intIn(0, BOARD_LEAD_MINUTES_MAX)),
    // Kitchen load: at most this many "now" orders per 15 minutes, 0 = no cap (domain/shopStatus, #17).
    nowCapacity: z.optional(intIn(0, NOW_CAPACITY_MAX)),
    // Stop customer orders while no shop device is connected (domain/presence, #17).
    pauseWhenAway: z.optional(z.boolean()),
    // An order left waiting: ring louder after, and optionally reject after (domain/orderAlerts.ts, #17).
    reAlertMinutes: z.optional(intIn(0, RE_ALERT_MINUTES_MAX)),
    autoRejectMinutes: z.optional(z.int().check(z.refine(isAutoRejectMinutes))),
    closedDates: z.optional(z.array(LocalDate).check(z.maxLength(CLOSED_DATES_MAX))),
    // Minutes a customer has to send a bank transfer (domain/transferDeadline.ts, #16).
    transferDeadlineMinutes: z.optional(intIn(TRANSFER_DEADLINE_MIN, TRANSFER_DEADLINE_MAX)),
    // What a customer's order must hold (domain/checkoutLimits.ts, #16).
    contactOptionalForPickup: z.optional(z.boolean()),
    maxPerItem: z.optional(intIn(1, MAX_PER_ITEM_LIMIT)),
    maxPerOrder: z.optional(intIn(1, MAX_PER_ORDER_LIMIT)),
  })
  .check(z.refine(atLeastOneField, { message: 'nothing to change' }));

// ——— menu editing (domain/menuEdit.ts): the owner's changes; staff may only mark sold out ———
const OptionInput = z.strictObject({
  id: ShortKey,
  name: nonBlank(MENU_LIMITS.optionName),
  priceDelta: Won,
  /** Pre-chosen on the customer's phone (#16); absent means unchosen. */
  isDefault: z.optional(z.boolean()),
});
const OptionGroupInput = z.strictObject({
  id: ShortKey,
  name: nonBlank(MENU_LIMITS.optionName),
  minChoices: intIn(0, MENU_LIMITS.optionsPerGroup),
  maxChoices: intIn(1, MENU_LIMITS.optionsPerGroup),
  options: z.array(OptionInput).check(z.minLength(1), z.maxLength(MENU_LIMITS.optionsPerGroup)),
});
/** Every field of an item the owner may set; the server checks option groups against domain rules. */
const ItemFields = {
  categoryId: Id,
  name: nonBlank(MENU_LIMITS.name),
  description: trimmed(MENU_LIMITS.description, { lines: true }),
  price: Won,
  optionGroups: z.array(OptionGroupInput).check(z.maxLength(MENU_LIMITS.optionGroups)),
  dailyQuota: z.nullable(intIn(0, MENU_LIMITS.dailyQuota)),
  leadDays: intIn(0, MENU_LIMITS.leadDays),
  orderCutoff: z.nullable(z.string().check(z.regex(CLOCK_PATTERN))),
  position: intIn(0, MENU_LIMITS.position),
};
/** A new item, its id made on the tablet (S1: creating it twice returns the first). */
export const ItemCreate = z.strictObject({
  id: Id,
  ...ItemFields,
  description: z._default(ItemFields.description, ''),
  optionGroups: z._default(ItemFields.optionGroups, []),
  dailyQuota: z._default(ItemFields.dailyQuota, null),
  leadDays: z._default(ItemFields.leadDays, 0),
  orderCutoff: z._default(ItemFields.orderCutoff, null),
  position: z._default(ItemFields.position, 0),
});

export const ItemPatch = z
  .strictObject({
    price: z.optional(Won),
    soldOutUntil: z.optional(z.nullable(LocalDate)),
    categoryId: z.optional(ItemFields.categoryId),
    name: z.optional(ItemFields.name),
    description: z.optional(ItemFields.description),
    optionGroups: z.optional(ItemFields.optionGroups),
    dailyQuota: z.optional(ItemFields.dailyQuota),
    leadDays: z.optional(ItemFields.leadDays),
    orderCutoff: z.optional(ItemFields.orderCutoff),
    position: z.optional(ItemFields.position),
  })
  .check(z.refine(atLeastOneField, { message: 'nothing to change' }));

export const CategoryCreate = z.strictObject({ id: Id, name: nonBlank(MENU_LIMITS.categoryName) });
export const CategoryPatch = z.strictObject({ name: nonBlank(MENU_LIMITS.categoryName) });
export const CategoryOrder = z.strictObject({
  ids: z.array(Id).check(z.minLength(1), z.maxLength(MENU_LIMITS.categories)),
});
export const CategoryIdParams = z.strictObject({ categoryId: Id });
/**
 * A photo already shrunk on the device, as base64. The bound here only caps the request; the exact
 * byte limit (MAX_PHOTO_BYTES) is checked on the decoded bytes, with its own message.
 */
export const PhotoUpload = z.strictObject({
  contentType: z.enum(PHOTO_TYPES as [PhotoType, ...PhotoType[]]),
  data: z.base64().check(z.minLength(4), z.maxLength(PHOTO_BASE64_MAX)),
});

export const SlugParams = z.strictObject({ slug: Slug });
export const UserIdParams = z.strictObject({ userId: Id });
export const ItemIdParams = z.strictObject({ itemId: Id });

// ——— responses ———

export const Ok = z.strictObject({ ok: z.literal(true) });

export const Me = z.strictObject({
  user: z.strictObject({ id: Id, username: z.string(), role: RoleSchema }),
  shop: z.strictObject({ id: Id, slug: z.string(), name: z.string() }),
});

/** What a device needs to check a pickup time itself, offline, with the same rules as the server. */
export const PublicSchedule = z.strictObject({
  timeZone: z.string(),
  hours: WeeklyHoursSchema,
  slotMinutes: z.int(),
  slotCapacity: z.int(),
  leadMinutes: z.int(),
  preorderDays: z.int(),
  closedDates: z.array(z.string()),
  boardLeadMinutes: z.optional(z.int()),
  reAlertMinutes: z.optional(z.int()),
  // The counter's levers (#17; optional, S16: absent from older servers and kept copies).
  busy: z.optional(z.nullable(z.strictObject({ minutes: z.int(), date: z.string() }))),
  pause: z.optional(z.nullable(z.strictObject({ until: z.nullable(z.string()) }))),
  nowCapacity: z.optional(z.int()),
  pauseWhenAway: z.optional(z.boolean()),
});

export const ShopSettings = z.strictObject({
  name: z.string(),
  slug: z.string(),
  phone: z.string(),
  address: z.string(),
  notice: z.string(),
  timeZone: z.string(),
  hours: WeeklyHoursSchema,
  pickup: z.boolean(),
  delivery: z.boolean(),
  payAtPickup: z.boolean(),
  bankTransfer: z.boolean(),
  bankAccount: z.string(),
  transferDeadlineMinutes: z.optional(z.int()),
  slotMinutes: z.int(),
  slotCapacity: z.int(),
  leadMinutes: z.int(),
  preorderDays: z.int(),
  closedDates: z.array(z.string()),
  // Optional (S16): a phone's copy of the shop kept from before #16 lacks them; defaults apply.
  contactOptionalForPickup: z.optional(z.boolean()),
  maxPerItem: z.optional(z.int()),
  maxPerOrder: z.optional(z.int()),
  boardLeadMinutes: z.optional(z.int()),
  reAlertMinutes: z.optional(z.int()),
  autoRejectMinutes: z.optional(z.int()),
  nowCapacity: z.optional(z.int()),
  pauseWhenAway: z.optional(z.boolean()),
});

const MenuOptionSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  priceDelta: Won,
  isDefault: z.optional(z.boolean()),
});
const OptionGroupSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  minChoices: z.int(),
  maxChoices: z.int(),
  options: z.array(MenuOptionSchema),
});
export const MenuItemSchema = z.strictObject({
  id: Id,
  categoryId: Id,
  name: z.string(),
  description: z.string(),
  price: Won,
  photoUrl: z.nullable(z.string()),
  optionGroups: z.array(OptionGroupSchema),
  soldOutUntil: z.nullable(z.string()),
  dailyQuota: z.nullable(z.int()),
  leadDays: z.int(),
  orderCutoff: z.nullable(z.string()),
  position: z.int(),
});
export const MenuCategorySchema = z.strictObject({ id: Id, name: z.string(), position: z.int() });
export const MenuCategories = z.strictObject({ categories: z.array(MenuCategorySchema) });

/**
 * What active orders already hold in the pre-order window, so a phone can show "3 left today" and
 * grey out full slots. A hint as of this answer: the server counts again when the order arrives.
 */
export const Taken = z.strictObject({
  /** "YYYY-MM-DD HH:MM" → orders in that slot. */
  slots: z.record(z.string(), z.int()),
  /** "YYYY-MM-DD <itemId>" → quantity ordered that day, for items with a daily quota. */
  items: z.record(z.string(), z.int()),
  /** "Now" orders in the current 15-minute window (#17 kitchen load): its start (ISO) and the count. */
  now: z.optional(z.strictObject({ from: z.string(), n: z.int() })),
});

export const PublicShop = z.strictObject({
  shop: ShopSettings,
  schedule: PublicSchedule,
  categories: z.array(MenuCategorySchema),
  items: z.array(MenuItemSchema),
  taken: Taken,
  /**
   * Where the shop delivers and for how much (issue 6): public, so a phone computes the fee offline
   * with the server's own code. Optional only for a copy a phone kept from before zones existed.
   */
  delivery: z.optional(DeliveryZonesSchema),
  /** The instance's map tiles. */
  map: z.optional(MapConfigSchema),
  /**
   * True while the shop is open but none of its devices has synced for minutes (issue #17): the shop
   * may confirm late. Optional (S16): absent from older servers and from a copy kept for offline.
   */
  shopAway: z.optional(z.boolean()),
});

export const StaffList = z.strictObject({
  staff: z.array(z.strictObject({ id: Id, username: z.string(), role: RoleSchema, createdAt: z.string() })),
});
export const InviteCreated = z.strictObject({ url: z.string(), expiresAt: z.string() });
export const InviteInfo = z.strictObject({ shopName: z.string(), role: RoleSchema });
export const DeviceRegistered = z.strictObject({ deviceId: Id, token: z.string() });
export const DeviceInfo = z.strictObject({ deviceId: Id, createdAt: z.string() });
export const Health = z.strictObject({ ok: z.literal(true), database: z.string(), protocol: z.number() });

// ——— Web Push (the shop's own notifications, VAPID) ———

/** The instance's VAPID public key (base64url, 65-byte uncompressed P-256 point) for pushManager.subscribe. */
export const PushKey = z.strictObject({ publicKey: z.string() });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/**
 * Where the push service takes delivery. Browsers always hand out https URLs; plain http is let
 * through only for loopback hosts, so a local test push service can stand in. The server narrows
 * this further in production (server/push/subscriptions.ts): it will POST to whatever URL is here.
 */
export const PushEndpoint = z.string().check(
  z.maxLength(1000),
  z.refine(
    (s) => {
      let u: URL;
      try {
        u = new URL(s);
      } catch {
        return false;
      }
      if (u.username || u.password) return false;
      return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname));
    },
    { message: 'push endpoint must be an https URL' },
  ),
);
/**
 * The browser's keys (RFC 8291), base64url as PushSubscription.toJSON() gives them: p256dh is a
 * 65-byte uncompressed P-256 point (starts with 0x04, hence "B"), auth a 16-byte secret. Anything
 * else could never be encrypted to, so it is refused here rather than failing at every send.
 */
const P256dh = z.string().check(z.regex(/^B[A-Za-z0-9_-]{86}=?$/));
const PushAuth = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}(?:==)?$/));

export const PushSubscribeRequest = z.strictObject({
  endpoint: PushEndpoint,
  p256dh: P256dh,
  auth: PushAuth,
  /** The language notifications are written in: the customer's choice when opting in. */
  lang: z.enum(['ko', 'en']),
});
/** Any endpoint once stored may be removed, so not PushEndpoint's rules: only no control characters. */
export const PushUnsubscribeRequest = z.strictObject({ endpoint: plainString(1000) });

// ——— sales and the shop's backup (owner only: 'sales.read') ———

const SalesByEnum = z.enum(SALES_BY as [SalesBy, ...SalesBy[]]);
/** Sums over a year may pass MAX_WON, so totals are checked as counts, not as single prices. */
const Amount = z.int().check(z.nonnegative());
const Count = z.int().check(z.nonnegative());

/** The range is checked further by domain/sales rangeProblem (order, at most a year): its own codes. */
export const SalesRequest = z.strictObject({ from: LocalDate, to: LocalDate, by: SalesByEnum });
export const SalesOrdersRequest = z.strictObject({ from: LocalDate, to: LocalDate });
export const SalesDayRequest = z.strictObject({ date: LocalDate });

export const SalesReport = z.strictObject({
  from: LocalDate,
  to: LocalDate,
  by: SalesByEnum,
  timeZone: z.string(),
  periods: z.array(z.strictObject({ start: LocalDate, end: LocalDate, orders: Count, revenue: Amount })),
  items: z.array(z.strictObject({ itemId: z.string(), name: z.string(), quantity: Count, revenue: Amount })),
  total: z.strictObject({ orders: Count, revenue: Amount }),
});

const SalesTally = z.strictObject({ orders: Count, amount: Amount });
const PaymentBreakdown = z.strictObject({
  methods: z.array(
    z.strictObject({
      method: z.enum(PAYMENT_METHODS as [PaymentMethod, ...PaymentMethod[]]),
      paid: SalesTally,
      unpaid: SalesTally,
      total: SalesTally,
    }),
  ),
  paid: SalesTally,
  unpaid: SalesTally,
  total: SalesTally,
});
export const SalesDay = z.strictObject({
  date: LocalDate,
  timeZone: z.string(),
  completed: PaymentBreakdown,
  open: PaymentBreakdown,
});

/**
 * A whole shop as one JSON file (server/backup). Each table is its rows as the database holds them,
 * column names as keys: the columns a restore relies on are checked here, and columns a later
 * migration adds pass through untouched, so the format does not break with each migration.
 */
export const BACKUP_FORMAT = 'dangol-shop-backup';
const Row = z.looseObject({});
const ShopRowSchema = z.looseObject({
  id: Id,
  slug: z.string(),
  name: z.string(),
  version: z.int().check(z.nonnegative()),
});
export const ShopBackup = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(1),
    /** PROTOCOL_VERSION of the server that wrote it. */
    protocolVersion: z.int().check(z.positive()),
    /** The highest database migration it was written under: a restore needs at least as much. */
    schemaVersion: z.int().check(z.positive()),
    exportedAt: z.string(),
    /** The installation's Web Push key: subscriptions are restored only where the same key signs. */
    vapidPublicKey: z.nullable(z.string()),
    shop: ShopRowSchema,
    /** Table name → rows, in the order a restore inserts them. */
    tables: z.record(z.string().check(z.regex(/^[a-z_][a-z0-9_]*$/)), z.array(Row)),
  })
  .check(
    z.superRefine((b, ctx) => {
      // A backup is one shop's: a row of another shop would be written into it, or next to it.
      for (const [table, rows] of Object.entries(b.tables)) {
        const stray = rows.findIndex((r) => 'shop_id' in r && r.shop_id !== b.shop.id);
        if (stray >= 0)
          ctx.addIssue({ code: 'custom', path: ['tables', table, stray, 'shop_id'], message: 'other shop' });
      }
    }),
  );
