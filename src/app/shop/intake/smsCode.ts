import { decodeHandoff, type HandoffContext, type HandoffResult } from '../../../protocol/handoff';

/**
 * The order code inside whatever was pasted: the whole text message (a summary, then the code on its
 * last line) or the code alone, maybe grouped with spaces or hyphens by a person. The last "DG-" wins:
 * a customer's note quoted in the summary comes before the code. Null when there is none.
 */
export function extractHandoffCode(text: string): string | null {
  const found = [...text.matchAll(/DG-[0-9A-Za-z \t-]*/gi)].at(-1);
  return found ? found[0].trim() : null;
}

/**
 * What was pasted (or read from a QR), decoded against this shop and this tablet's menu. A tablet
 * that has never pulled its menu cannot tell a real item from a made-up one, so it says that rather
 * than calling the code wrong; a typo or another shop's code is still named as such.
 */
export function readHandoff(
  text: string,
  ctx: HandoffContext,
): HandoffResult | { ok: false; problem: 'menu_missing' } {
  const code = extractHandoffCode(text);
  if (code === null) return { ok: false, problem: 'handoff_malformed' };
  const result = decodeHandoff(code, ctx);
  if (!result.ok && result.problem === 'handoff_unknown_item' && ctx.catalogue.size === 0)
    return { ok: false, problem: 'menu_missing' };
  return result;
}
