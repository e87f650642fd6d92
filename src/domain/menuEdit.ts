import { isValidOptionGroup, type OptionGroup } from './catalogue';

/**
 * The rules for changing a shop's menu, shared by the tablet (which checks before it sends) and the
 * server (which checks again, because it trusts nothing it receives).
 */

/** Bounds that keep one item's row and one customer's menu card a sensible size. */
export const MENU_LIMITS = {
  name: 60,
  description: 500,
  categoryName: 40,
  optionGroups: 10,
  optionsPerGroup: 20,
  optionName: 40,
  dailyQuota: 100_000,
  leadDays: 30,
  position: 10_000,
  categories: 100,
} as const;

/**
 * A photo travels to every customer's phone on a mobile connection: the device shrinks it to this
 * before upload, and the server refuses anything larger (a hard limit, whatever the client claims).
 */
export const MAX_PHOTO_BYTES = 300 * 1024;
export const MAX_PHOTO_SIDE = 1200;
export type PhotoType = 'image/jpeg' | 'image/webp';
export const PHOTO_TYPES: readonly PhotoType[] = ['image/jpeg', 'image/webp'];

export type MenuEditProblem = 'option_group_invalid' | 'invalid_input';

/** Option groups an item may carry: each satisfiable, ids unique within the item. */
export function optionGroupsProblem(groups: readonly OptionGroup[]): MenuEditProblem | null {
  if (groups.length > MENU_LIMITS.optionGroups) return 'invalid_input';
  if (new Set(groups.map((g) => g.id)).size !== groups.length) return 'option_group_invalid';
  const optionIds = groups.flatMap((g) => g.options.map((o) => o.id));
  // Order lines name options by id alone: an id used in two groups would be ambiguous.
  if (new Set(optionIds).size !== optionIds.length) return 'option_group_invalid';
  return groups.every(isValidOptionGroup) ? null : 'option_group_invalid';
}

export type SoldOutChoice = { kind: 'today' } | { kind: 'until'; date: string } | { kind: 'resume' };

/**
 * The date an item is sold out through for a choice on the tablet, or undefined when the choice
 * makes no sense (a date already past). `today` is the shop-local date.
 */
export function soldOutUntilFor(choice: SoldOutChoice, today: string): string | null | undefined {
  if (choice.kind === 'resume') return null;
  if (choice.kind === 'today') return today;
  return /^\d{4}-\d{2}-\d{2}$/.test(choice.date) && choice.date >= today ? choice.date : undefined;
}

/** The size to draw a photo at: the longest side at most `max`, never enlarged, aspect kept. */
export function fitWithin(
  width: number,
  height: number,
  max = MAX_PHOTO_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * What the bytes really are, by their first bytes ("magic numbers"), whatever the upload claims:
 * a file named .jpg that is HTML or SVG must never be served as an image from our origin.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Moves one id up (-1) or down (+1) in a list; at either end the list is unchanged. */
export function moveId(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
