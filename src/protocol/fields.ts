import { z } from 'zod/mini';
import { isWon, MAX_WON } from '../domain/money';
import { isCleanText, normaliseLineBreaks } from '../domain/text';

/**
 * Field shapes the protocol's schemas repeat, in zod/mini's functional form. A module of their own,
 * not schemas.ts, because delivery.ts needs them too and schemas.ts imports delivery.ts.
 */

/** A price or an amount: integer won from 0 to MAX_WON. */
export const Won = z.number().check(z.refine(isWon, { message: `integer won from 0 to ${MAX_WON}` }));

/** An integer from `min` to `max`, both included (and, like every z.int(), a safe integer). */
export const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** The message a text refusal carries: the server answers it as its own code (S15). */
export const TEXT_INVALID = 'text_invalid';

interface TextOptions {
  /** A note, a notice, a chat message: tab and line breaks allowed ("\r\n" is stored as "\n"). */
  lines?: boolean;
}

/**
 * Free text a person typed, trimmed first, then measured: at most `max` characters once the spaces
 * around it are gone, and nothing domain/text.ts refuses (NUL and other controls, lone surrogates).
 */
export const trimmed = (max: number, opts: TextOptions = {}) => {
  const rule = { lines: opts.lines ?? false };
  return z.string().check(
    z.trim(),
    ...(rule.lines ? [z.overwrite(normaliseLineBreaks)] : []),
    z.maxLength(max),
    z.refine((s) => isCleanText(s, rule), { message: TEXT_INVALID }),
  );
};

/** Like `trimmed`, and not empty once trimmed. */
export const nonBlank = (max: number, opts: TextOptions = {}) => trimmed(max, opts).check(z.minLength(1));

/** A string that is no one's prose but is stored or looked up: a key, an address; no controls either. */
export const plainString = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => isCleanText(s, { lines: false }), { message: TEXT_INVALID }),
  );

/** A short key a device makes (an option's id): stored inside menu rows, so held to the same rule. */
export const ShortKey = plainString(64);
