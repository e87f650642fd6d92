import { z } from 'zod';
import { isWon, MAX_WON } from '../domain/money';
import { slugProblem } from '../domain/slug';
import { ROLES } from '../domain/roles';
import { isKnownTimeZone, isValidPeriod } from '../domain/hours';

/**
 * Shapes shared by requests and responses. Request objects are strict: an unknown field is an
 * error, not silently dropped, so a client and server that disagree find out at once.
 */

export const Id = z.uuid();
export const Slug = z.string().refine((s) => slugProblem(s) === null, { message: 'slug_invalid' });
/** Letters of any script (staff names are often Hangul), digits, dot, underscore, hyphen. */
export const Username = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}._-]+$/u)
  .transform((s) => s.normalize('NFC').toLowerCase());
/** Long passphrases are welcome; the cap only bounds the hashing work an attacker can request. */
export const Password = z.string().min(8, { message: 'password_too_short' }).max(128);
export const ShopName = z.string().trim().min(1).max(60);
export const Phone = z
  .string()
  .max(20)
  .regex(/^[0-9+\-() ]*$/);
export const Won = z.number().refine(isWon, { message: `integer won from 0 to ${MAX_WON}` });
export const LocalDate = z.iso.date();
/** Random 256-bit tokens in base64url: exactly 43 characters. */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const RoleSchema = z.enum(ROLES as ['owner', 'staff']);
export const TimeZone = z.string().max(64).refine(isKnownTimeZone);

const Period = z.strictObject({ open: z.string(), close: z.string() }).refine(isValidPeriod);
const Day = z.array(Period).max(4);
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
  password: z.string().min(1).max(128),
});
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export const InviteInspectRequest = z.strictObject({ token: Token });
export const InviteAcceptRequest = z.strictObject({ token: Token, username: Username, password: Password });

const atLeastOneField = (o: object) => Object.keys(o).length > 0;

export const SettingsPatch = z
  .strictObject({
    name: ShopName.optional(),
    phone: Phone.optional(),
    address: z.string().trim().max(200).optional(),
    notice: z.string().trim().max(500).optional(),
    timeZone: TimeZone.optional(),
    hours: WeeklyHoursSchema.optional(),
    pickup: z.boolean().optional(),
    delivery: z.boolean().optional(),
    payAtPickup: z.boolean().optional(),
    bankTransfer: z.boolean().optional(),
    bankAccount: z.string().trim().max(100).optional(),
  })
  .refine(atLeastOneField, { message: 'nothing to change' });

export const ItemPatch = z
  .strictObject({
    price: Won.optional(),
    soldOutUntil: LocalDate.nullable().optional(),
  })
  .refine(atLeastOneField, { message: 'nothing to change' });

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
  slotMinutes: z.number().int(),
  slotCapacity: z.number().int(),
  leadMinutes: z.number().int(),
  preorderDays: z.number().int(),
  closedDates: z.array(z.string()),
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
});

const MenuOptionSchema = z.strictObject({ id: z.string(), name: z.string(), priceDelta: Won });
const OptionGroupSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  minChoices: z.number().int(),
  maxChoices: z.number().int(),
  options: z.array(MenuOptionSchema),
});
export const MenuItemSchema = z.strictObject({
  id: Id,
  categoryId: Id,
  name: z.string(),
  description: z.string(),
  price: Won,
  photoUrl: z.string().nullable(),
  optionGroups: z.array(OptionGroupSchema),
  soldOutUntil: z.string().nullable(),
  dailyQuota: z.number().int().nullable(),
  leadDays: z.number().int(),
  orderCutoff: z.string().nullable(),
  position: z.number().int(),
});
export const MenuCategorySchema = z.strictObject({ id: Id, name: z.string(), position: z.number().int() });

/**
 * What active orders already hold in the pre-order window, so a phone can show "3 left today" and
 * grey out full slots. A hint as of this answer: the server counts again when the order arrives.
 */
export const Taken = z.strictObject({
  /** "YYYY-MM-DD HH:MM" → orders in that slot. */
  slots: z.record(z.string(), z.number().int()),
  /** "YYYY-MM-DD <itemId>" → quantity ordered that day, for items with a daily quota. */
  items: z.record(z.string(), z.number().int()),
});

export const PublicShop = z.strictObject({
  shop: ShopSettings,
  schedule: PublicSchedule,
  categories: z.array(MenuCategorySchema),
  items: z.array(MenuItemSchema),
  taken: Taken,
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
export const PushEndpoint = z
  .string()
  .max(1000)
  .refine(
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
  );
/**
 * The browser's keys (RFC 8291), base64url as PushSubscription.toJSON() gives them: p256dh is a
 * 65-byte uncompressed P-256 point (starts with 0x04, hence "B"), auth a 16-byte secret. Anything
 * else could never be encrypted to, so it is refused here rather than failing at every send.
 */
const P256dh = z.string().regex(/^B[A-Za-z0-9_-]{86}=?$/);
const PushAuth = z.string().regex(/^[A-Za-z0-9_-]{22}(?:==)?$/);

export const PushSubscribeRequest = z.strictObject({
  endpoint: PushEndpoint,
  p256dh: P256dh,
  auth: PushAuth,
  /** The language notifications are written in: the customer's choice when opting in. */
  lang: z.enum(['ko', 'en']),
});
export const PushUnsubscribeRequest = z.strictObject({ endpoint: z.string().min(1).max(1000) });
