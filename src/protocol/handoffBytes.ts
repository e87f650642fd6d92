/**
 * The SMS hand-off code's byte layer (protocol/handoff.ts): fixed-width numbers, LEB128 varints,
 * texts and phone numbers as nibbles. Reading past the end or any impossible value throws Malformed.
 */

/** A phone number's characters, one nibble each; 0xF ends it. */
export const PHONE_CHARS = '0123456789+-() ';
const PHONE_END = 0xf;

/**
 * Texts are code points as LEB128 varints after a count. Hangul syllables are moved to just above
 * ASCII so each takes 2 bytes instead of UTF-8's 3; the move is a rotation of 0x80..0xD7A3, so no
 * code point ever takes more bytes than in UTF-8. A 20-syllable note saves 20 bytes, 32 symbols.
 */
const HANGUL_FIRST = 0xac00;
const HANGUL_COUNT = 11_172;
const HANGUL_LAST = HANGUL_FIRST + HANGUL_COUNT - 1;

function packCodePoint(cp: number): number {
  if (cp < 0x80 || cp > HANGUL_LAST) return cp;
  return cp >= HANGUL_FIRST ? cp - HANGUL_FIRST + 0x80 : cp + HANGUL_COUNT;
}

function unpackCodePoint(v: number): number {
  if (v < 0x80 || v > HANGUL_LAST) return v;
  return v < 0x80 + HANGUL_COUNT ? v - 0x80 + HANGUL_FIRST : v - HANGUL_COUNT;
}

export class Writer {
  private readonly out: number[] = [];
  u8(v: number) {
    this.out.push(v & 0xff);
  }
  u16(v: number) {
    this.out.push((v >>> 8) & 0xff, v & 0xff);
  }
  u32(v: number) {
    this.u16(v >>> 16);
    this.u16(v);
  }
  varint(v: number) {
    while (v >= 0x80) {
      this.u8(v | 0x80);
      v >>>= 7;
    }
    this.u8(v);
  }
  text(s: string) {
    const cps = [...s].map((c) => c.codePointAt(0)!);
    this.varint(cps.length);
    cps.forEach((cp) => this.varint(packCodePoint(cp)));
  }
  phone(s: string) {
    const nibbles = [...s].map((c) => PHONE_CHARS.indexOf(c));
    nibbles.push(PHONE_END);
    if (nibbles.length % 2) nibbles.push(PHONE_END);
    for (let i = 0; i < nibbles.length; i += 2) this.u8((nibbles[i]! << 4) | nibbles[i + 1]!);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** Reads fields; any read past the end or any impossible value throws Malformed, caught in decode. */
export class Malformed extends Error {}

export class Reader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}
  u8(): number {
    if (this.at >= this.buf.length) throw new Malformed();
    return this.buf[this.at++]!;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return ((this.u16() << 16) | this.u16()) >>> 0;
  }
  /** At most 3 bytes (21 bits cover every code point); overlong forms are refused: one spelling per value. */
  varint(): number {
    let v = 0;
    for (let shift = 0; shift < 21; shift += 7) {
      const b = this.u8();
      v |= (b & 0x7f) << shift;
      if (b < 0x80) {
        if (b === 0 && shift > 0) throw new Malformed();
        return v;
      }
    }
    throw new Malformed();
  }
  text(): string {
    const count = this.varint();
    let s = '';
    for (let i = 0; i < count; i++) {
      const cp = unpackCodePoint(this.varint());
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Malformed();
      s += String.fromCodePoint(cp);
    }
    return s;
  }
  phone(): string {
    let s = '';
    for (;;) {
      const b = this.u8();
      const [hi, lo] = [b >> 4, b & 0xf];
      if (hi === PHONE_END) {
        if (lo !== PHONE_END) throw new Malformed();
        return s;
      }
      s += PHONE_CHARS[hi];
      if (lo === PHONE_END) return s;
      s += PHONE_CHARS[lo];
    }
  }
  done(): boolean {
    return this.at === this.buf.length;
  }
}
