import type { ChangeEvent } from 'react';
import { cleanTyped } from '../domain/text';

/**
 * What a text box keeps of what was typed or pasted (S15): characters the protocol refuses in free text
 * (NUL and other controls, lone surrogates, which a person cannot see and so cannot be asked to delete)
 * are dropped as they arrive, so an order or a message is never refused for them later. A textarea
 * keeps its lines; a one-line box turns line breaks and tabs into spaces.
 */
export function typed(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): string {
  return cleanTyped(e.target.value, { lines: e.target.tagName === 'TEXTAREA' });
}
