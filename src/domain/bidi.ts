/**
 * Names and free text isolated for direction (DESIGN.md, UI): anyone can type a right-to-left override
 * (U+202E) into a name, and without an isolate it reverses everything after it on the line — the
 * quantity, the price, the phone number. Screens wrap user text in <bdi dir="auto"> (ui/UserText);
 * plain text (an SMS, a CSV cell built of several parts, a document title) uses `isolate`.
 */

/** FIRST STRONG ISOLATE: the text inside takes its direction from its own first strong letter. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: ends the isolate, and every embedding or override opened inside it. */
export const PDI = '\u2069';

const ISOLATE_START = /[\u2066\u2067\u2068]/; // LRI, RLI, FSI

/**
 * `text` with its own isolates balanced, so it cannot end the isolate it is put in: a PDI without an
 * opener of its own is dropped (it would close ours early, letting an override after it run on), and
 * an isolate left open is closed at the end (else it would take our PDI). Ordinary text is unchanged.
 */
export function balanceIsolates(text: string): string {
  if (!/[\u2066-\u2069]/.test(text)) return text;
  let open = 0;
  let out = '';
  for (const c of text) {
    if (ISOLATE_START.test(c)) open++;
    else if (c === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += c;
  }
  return out + PDI.repeat(open);
}

/** User text for a plain-text output, between FSI and PDI: what follows it keeps its own direction. */
export function isolate(text: string): string {
  return `${FSI}${balanceIsolates(text)}${PDI}`;
}
