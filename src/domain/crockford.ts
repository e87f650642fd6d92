/**
 * Crockford's base32, for codes people read out, type or copy by hand (the SMS hand-off, voucher
 * codes): no I, L, O or U, so 1/I/L and 0/O cannot be confused, and reading is forgiving — case,
 * spaces and hyphens are ignored, O reads as 0, I and L as 1.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const SYMBOL_VALUE = new Map<string, number>([
  ...[...CROCKFORD].map((c, i) => [c, i] as const),
  ['O', 0],
  ['I', 1],
  ['L', 1],
]);

/** Typed text as the symbols it means: upper case, no spaces or hyphens, look-alikes read as digits. */
export function normalizeCrockford(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Bytes as symbols, 5 bits each, most significant first; the last symbol's spare bits are 0. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) out += CROCKFORD[(acc >>> (bits -= 5)) & 31];
  }
  return bits > 0 ? out + CROCKFORD[(acc << (5 - bits)) & 31] : out;
}

/**
 * Symbols (upper case) back to bytes, or null for a symbol outside the alphabet or spare bits that
 * are not all zero — so each byte string has exactly one spelling.
 */
export function fromBase32(symbols: string): Uint8Array | null {
  const bytes = new Uint8Array(Math.floor((symbols.length * 5) / 8));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const ch of symbols) {
    const v = SYMBOL_VALUE.get(ch);
    if (v === undefined) return null;
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) bytes[n++] = (acc >>> (bits -= 8)) & 0xff;
  }
  return bits < 5 && (acc & ((1 << bits) - 1)) === 0 ? bytes : null;
}
