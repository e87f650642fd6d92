/** The papers Dangol prints on: thermal rolls for slips and receipts, sheets for lists and posters. */
export type Paper = 'slip58' | 'slip80' | 'a4' | 'a5';
export type RollWidth = 58 | 80;

export const ROLL_WIDTHS: readonly RollWidth[] = [58, 80];

export function rollPaper(width: RollWidth): Paper {
  return width === 58 ? 'slip58' : 'slip80';
}

const KEY = 'dangol.print.rollWidth';

/**
 * The roll width of this device's printer. Kept in localStorage, not the shop's database: it belongs
 * to the tablet and its printer, and every tab of the console reads it synchronously.
 */
export function rememberedRollWidth(): RollWidth {
  try {
    return localStorage.getItem(KEY) === '58' ? 58 : 80;
  } catch {
    return 80;
  }
}

export function rememberRollWidth(width: RollWidth): void {
  try {
    localStorage.setItem(KEY, String(width));
  } catch {
    // Private mode or a full disk: the choice lasts for this print only.
  }
}
