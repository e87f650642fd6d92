import { isValidPeriod, type WeeklyHours } from '../../../domain/hours';
import {
  LEAD_MINUTES_MAX,
  PREORDER_DAYS_MAX,
  SLOT_CAPACITY_MAX,
  settingsProblems,
} from '../../../domain/shopSettings';
import { slugProblem } from '../../../domain/slug';
import {
  DEFAULT_CHECKOUT_LIMITS,
  MAX_PER_ITEM_LIMIT,
  MAX_PER_ORDER_LIMIT,
} from '../../../domain/checkoutLimits';
import {
  TRANSFER_DEADLINE_DEFAULT,
  TRANSFER_DEADLINE_MAX,
  TRANSFER_DEADLINE_MIN,
} from '../../../domain/transferDeadline';
import { BOARD_LEAD_MINUTES, BOARD_LEAD_MINUTES_MAX } from '../../../domain/dueTime';
import { NOW_CAPACITY_MAX } from '../../../domain/shopStatus';
import {
  AUTO_REJECT_MINUTES_MAX,
  AUTO_REJECT_MINUTES_MIN,
  AUTO_REJECT_MINUTES_OFF,
  isAutoRejectMinutes,
  RE_ALERT_MINUTES_DEFAULT,
  RE_ALERT_MINUTES_MAX,
} from '../../../domain/orderAlerts';
import type { ErrorCode } from '../../../protocol/errors';
import type { RouteBody, RouteResponse } from '../../../protocol/routes';

export type Settings = RouteResponse<'settings'>;
export type Patch = RouteBody<'updateSettings'>;

/** The numbers as typed: an emptied box is an error to show, not a 0 to save. */
const NUMERIC = [
  'slotCapacity',
  'leadMinutes',
  'preorderDays',
  'boardLeadMinutes',
  'nowCapacity',
  'transferDeadlineMinutes',
  'maxPerItem',
  'maxPerOrder',
  'reAlertMinutes',
  'autoRejectMinutes',
] as const;
type Numeric = (typeof NUMERIC)[number];
export type Draft = Omit<Settings, Numeric> & Record<Numeric, string>;

export const NUMBER_RANGES: Record<Numeric, [number, number]> = {
  slotCapacity: [1, SLOT_CAPACITY_MAX],
  leadMinutes: [0, LEAD_MINUTES_MAX],
  preorderDays: [0, PREORDER_DAYS_MAX],
  boardLeadMinutes: [0, BOARD_LEAD_MINUTES_MAX],
  nowCapacity: [0, NOW_CAPACITY_MAX],
  transferDeadlineMinutes: [TRANSFER_DEADLINE_MIN, TRANSFER_DEADLINE_MAX],
  maxPerItem: [1, MAX_PER_ITEM_LIMIT],
  maxPerOrder: [1, MAX_PER_ORDER_LIMIT],
  reAlertMinutes: [0, RE_ALERT_MINUTES_MAX],
  // 0 (off) or 5-120: the gap is checked by isAutoRejectMinutes in problems().
  autoRejectMinutes: [AUTO_REJECT_MINUTES_OFF, AUTO_REJECT_MINUTES_MAX],
};

export function toDraft(s: Settings): Draft {
  return {
    ...s,
    slotCapacity: String(s.slotCapacity),
    leadMinutes: String(s.leadMinutes),
    preorderDays: String(s.preorderDays),
    // Absent from a server before #16: the default it applies.
    boardLeadMinutes: String(s.boardLeadMinutes ?? BOARD_LEAD_MINUTES),
    nowCapacity: String(s.nowCapacity ?? 0),
    // Absent from a server before #16: the default it applies.
    transferDeadlineMinutes: String(s.transferDeadlineMinutes ?? TRANSFER_DEADLINE_DEFAULT),
    // Absent from a server before #16 (checkout limits): the defaults it applies.
    contactOptionalForPickup: s.contactOptionalForPickup ?? DEFAULT_CHECKOUT_LIMITS.contactOptionalForPickup,
    maxPerItem: String(s.maxPerItem ?? DEFAULT_CHECKOUT_LIMITS.maxPerItem),
    maxPerOrder: String(s.maxPerOrder ?? DEFAULT_CHECKOUT_LIMITS.maxPerOrder),
    // Absent from a server before #17: the defaults it applies.
    reAlertMinutes: String(s.reAlertMinutes ?? RE_ALERT_MINUTES_DEFAULT),
    autoRejectMinutes: String(s.autoRejectMinutes ?? AUTO_REJECT_MINUTES_OFF),
  };
}

function parseWhole(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** Why a field cannot be saved, before asking the server: what the tablet can tell at once. */
export type FieldProblem =
  { kind: 'required' } | { kind: 'range'; min: number; max: number } | { kind: 'code'; code: ErrorCode };

/**
 * Only what changed, field by field (S11: last writer wins per field — a field this tablet did not
 * touch must not overwrite another tablet's newer value). `null` numbers are left to `problems`.
 */
export function changes(saved: Settings, draft: Draft): Patch {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(saved) as (keyof Settings)[]) {
    const now = (NUMERIC as readonly string[]).includes(key)
      ? parseWhole(draft[key as Numeric])
      : draft[key as keyof Draft];
    if (now === null) continue;
    if (JSON.stringify(now) !== JSON.stringify(saved[key])) out[key] = now;
  }
  return out as Patch;
}

/** Field problems the domain can find before saving, keyed like the server's `fields` ("hours.2"). */
export function problems(saved: Settings, draft: Draft, today: string): Map<string, FieldProblem> {
  const fields = new Map<string, FieldProblem>();
  if (!draft.name.trim()) fields.set('name', { kind: 'required' });
  if (draft.slug !== saved.slug && slugProblem(draft.slug) !== null)
    fields.set('slug', { kind: 'code', code: 'slug_invalid' });
  for (const key of NUMERIC) {
    const n = parseWhole(draft[key]);
    const [min, max] = NUMBER_RANGES[key];
    if (n === null || n < min || n > max) fields.set(key, { kind: 'range', min, max });
  }
  const autoReject = parseWhole(draft.autoRejectMinutes);
  if (autoReject !== null && !isAutoRejectMinutes(autoReject))
    fields.set('autoRejectMinutes', {
      kind: 'range',
      min: AUTO_REJECT_MINUTES_MIN,
      max: AUTO_REJECT_MINUTES_MAX,
    });
  draft.hours.forEach((periods, day) => {
    if (!periods.every(isValidPeriod)) fields.set(`hours.${day}`, { kind: 'code', code: 'invalid_input' });
  });
  const patch = changes(saved, draft);
  const found = settingsProblems(
    { ...draft, hours: draft.hours as WeeklyHours },
    today,
    new Set(Object.keys(patch)),
  );
  for (const f of found) fields.set(f.field, { kind: 'code', code: f.code });
  return fields;
}

/** The server names "hours.1.0.open" or "closedDates.3"; the form shows one message per day or list. */
export function fieldKey(path: string): string {
  const [head, second] = path.split('.');
  return head === 'hours' && second !== undefined ? `hours.${second}` : (head ?? '');
}
