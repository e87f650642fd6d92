/**
 * The one rule for free text a person types (S15). PostgreSQL cannot store U+0000 in text or jsonb, so a
 * NUL that reaches storage fails the whole write; other C0 controls and DEL are never meant by a person
 * and can reorder or hide what a slip or the board shows; a lone surrogate cannot be written as UTF-8
 * and would come back from storage as U+FFFD, changed. So all of them are refused, on the device before
 * anything is queued and again on the server, with the same code. Tab and line breaks are allowed only
 * in fields that take lines (a note, a notice, a chat message).
 *
 * Bidirectional controls (U+202E…) are legitimate in Arabic or Hebrew names: they are kept, and every
 * view isolates user text for display instead (`<bdi dir="auto">`, FSI…PDI in plain text).
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- the same, with tab and line feed allowed
const CONTROL_LINES = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextRule {
  /** Whether the field takes several lines (tab and line feed allowed). */
  lines: boolean;
}

/** True when the text holds nothing the rule refuses. Line breaks must already be normalised. */
export function isCleanText(text: string, rule: TextRule): boolean {
  return !(rule.lines ? CONTROL_LINES : CONTROL_ONE_LINE).test(text) && !LONE_SURROGATE.test(text);
}

/**
 * Windows and old Mac line breaks become "\n": a pasted note keeps its lines rather than being refused
 * for a carriage return, and one text is stored one way whatever the device.
 */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The characters isCleanText refuses even where lines are allowed, to take them out. */
const REFUSED_ANYWHERE = new RegExp(`${CONTROL_LINES.source}|${LONE_SURROGATE.source}`, 'g');

/**
 * What an input box keeps of what was typed or pasted: the refused characters silently dropped (a
 * person cannot see them, so cannot be asked to remove them), line breaks normalised, and in a one-line
 * field tabs and line breaks turned into spaces.
 */
export function cleanTyped(text: string, rule: TextRule): string {
  const kept = normaliseLineBreaks(text).replace(REFUSED_ANYWHERE, '');
  return rule.lines ? kept : kept.replace(/[\t\n]/g, ' ');
}
