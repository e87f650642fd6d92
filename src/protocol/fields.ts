import { z } from 'zod/mini';
import { isWon, MAX_WON } from '../domain/money';

/**
 * Field shapes the protocol's schemas repeat, in zod/mini's functional form. A module of their own,
 * not schemas.ts, because delivery.ts needs them too and schemas.ts imports delivery.ts.
 */

/** A price or an amount: integer won from 0 to MAX_WON. */
export const Won = z.number().check(z.refine(isWon, { message: `integer won from 0 to ${MAX_WON}` }));

/** An integer from `min` to `max`, both included (and, like every z.int(), a safe integer). */
export const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** Text trimmed first, then measured: at most `max` characters once the spaces around it are gone. */
export const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/** Like `trimmed`, and not empty once trimmed. */
export const nonBlank = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
