import type { z } from 'zod/mini';
import { shopLocalDate } from '../../domain/hours';
import { normalizeClosedDates, settingsProblem } from '../../domain/shopSettings';
import type { SettingsPatch } from '../../protocol/schemas';
import type { RouteResponse } from '../../protocol/routes';
import { ApiError } from '../http/errors';
import { UniqueViolation, type Storage } from '../storage/types';
import { bumpShopVersion, loadSettings } from './queries';

type Patch = z.output<typeof SettingsPatch>;
type Settings = RouteResponse<'settings'>;

/** Settings fields and the columns they live in; only fields present in the patch are written (S11). */
const SETTINGS_COLUMNS = {
  name: 'name',
  slug: 'slug',
  phone: 'phone',
  address: 'address',
  notice: 'notice',
  timeZone: 'time_zone',
  hours: 'hours',
  pickup: 'pickup_enabled',
  delivery: 'delivery_enabled',
  payAtPickup: 'pay_at_pickup',
  bankTransfer: 'bank_transfer',
  bankAccount: 'bank_account',
  transferDeadlineMinutes: 'transfer_deadline_minutes',
  slotMinutes: 'slot_minutes',
  slotCapacity: 'slot_capacity',
  leadMinutes: 'lead_minutes',
  preorderDays: 'preorder_days',
  boardLeadMinutes: 'board_lead_minutes',
  nowCapacity: 'now_capacity',
  pauseWhenAway: 'pause_when_away',
  closedDates: 'closed_dates',
  contactOptionalForPickup: 'contact_optional_for_pickup',
  maxPerItem: 'max_per_item',
  maxPerOrder: 'max_per_order',
  reAlertMinutes: 're_alert_minutes',
  autoRejectMinutes: 'auto_reject_minutes',
} as const satisfies Record<keyof Patch, string>;

const JSON_FIELDS = new Set<string>(['hours', 'closedDates']);

/**
 * Applies an owner's settings change in one transaction under the shop's lock, and returns the
 * settings as they now stand and the version that carries them. The version bump is what sends the
 * new schedule to every tablet and phone on its next pull (S6; pull returns the current schedule).
 * The rules that need the stored settings (a transfer needs an account…) are checked on the merged
 * result, read under the same lock, so two tablets saving at once cannot slip past them together.
 */
export async function updateSettings(
  storage: Storage,
  shopId: string,
  patch: Patch,
  now = new Date(),
): Promise<{ settings: Settings; version: number }> {
  return storage.transaction(async (tx) => {
    const version = await bumpShopVersion(tx, shopId);
    const current = await loadSettings(tx, shopId);
    const changes: Partial<Settings> = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    );
    const merged = { ...current, ...changes };
    const today = shopLocalDate(now, merged.timeZone);
    if (changes.closedDates) changes.closedDates = normalizeClosedDates(changes.closedDates, today);
    const problem = settingsProblem(
      { ...merged, closedDates: changes.closedDates ?? merged.closedDates },
      today,
      new Set(Object.keys(changes)),
    );
    if (problem) throw new ApiError(400, problem.code, [problem.field]);
    // An unchanged slug is not written: the trigger that reserves slugs need not run.
    if (changes.slug === current.slug) delete changes.slug;

    const entries = Object.entries(changes) as [keyof Patch, unknown][];
    if (entries.length > 0) {
      const sets = entries.map(([k], i) => `${SETTINGS_COLUMNS[k]} = $${i + 2}`);
      const values = entries.map(([k, v]) => (JSON_FIELDS.has(k) ? JSON.stringify(v) : v));
      try {
        await tx.query(`update shops set ${sets.join(', ')} where id = $1`, [shopId, ...values]);
      } catch (err) {
        // Another shop's current or former slug (migration 006 keeps them reserved).
        if (err instanceof UniqueViolation) throw new ApiError(409, 'slug_taken', ['slug']);
        throw err;
      }
    }
    return { settings: await loadSettings(tx, shopId), version };
  });
}
