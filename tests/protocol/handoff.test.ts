import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCleanText } from '../../src/domain/text';
import { errorMessage } from '../../src/protocol/errors';
import {
  decodeHandoff,
  encodeHandoff,
  handoffKeyOf,
  type HandoffOrder,
  type HandoffProblem,
} from '../../src/protocol/handoff';

/*
 * The code's format is a contract between a customer's phone and a shop's tablet that may run
 * different builds, so the test carries its own small FNV-1a, CRC-32 and base32 written from the
 * spec: forged codes built with them must be read the way the module's comment says.
 */
const SLUG = 'banchan-house';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function fnv1a16(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return ((h >>> 16) ^ h) & 0xffff;
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const toBits = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');

function toCode(body: Uint8Array): string {
  const bytes = new Uint8Array(body.length + 4);
  bytes.set(body);
  new DataView(bytes.buffer).setUint32(body.length, crc32(body), true);
  const bits = toBits(bytes).padEnd(Math.ceil((bytes.length * 8) / 5) * 5, '0');
  return 'DG-' + (bits.match(/.{5}/g) ?? []).map((s) => ALPHABET[parseInt(s, 2)]).join('');
}

/** The body (without CRC) of a code this module made. */
function bodyOf(code: string): Uint8Array {
  const bits = [...code.slice(3)].map((c) => ALPHABET.indexOf(c).toString(2).padStart(5, '0')).join('');
  const bytes = (bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2));
  return Uint8Array.from(bytes.slice(0, -4));
}

// A fixed menu, so every generated order refers to items the tablet knows.
const ITEM_IDS = [
  '0f8fad5b-d9cb-469f-a165-70867728950e',
  '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  '6fa459ea-ee8a-4ca4-894e-db77e160355e',
  '886313e1-3b8a-4372-9b90-0c9aee199e5d',
  '9b2d5e0e-8b3a-4a4e-9d9f-3c6f0d7e1a2b',
];
const catalogue = new Map(
  ITEM_IDS.map((id, i) => [
    id,
    {
      id,
      optionGroups: [
        { options: ['300g', '500g', '1kg'].map((w) => ({ id: `${i}-size-${w}` })) },
        { options: ['mild', 'hot', 'extra-rice', 'no-onion'].map((x) => ({ id: `${i}-${x}` })) },
      ],
    },
  ]),
);
const ctx = { shopSlug: SLUG, catalogue };
const optionsOf = (itemId: string) =>
  catalogue.get(itemId)!.optionGroups.flatMap((g) => g.options.map((o) => o.id));

const typical: HandoffOrder = {
  orderId: 'a26f86c2-a88c-4fc5-bc7d-2a96ec3f9d28',
  shopSlug: SLUG,
  lines: [
    { itemId: ITEM_IDS[0]!, quantity: 2, optionIds: ['0-size-500g'] },
    { itemId: ITEM_IDS[1]!, quantity: 1, optionIds: [] },
    { itemId: ITEM_IDS[2]!, quantity: 3, optionIds: ['2-size-1kg', '2-hot'] },
  ],
  fulfilment: 'pickup',
  date: '2026-05-01',
  slot: '12:30',
  customerName: '김민지',
  customerPhone: '010-1234-5678',
  address: '',
  note: '문 앞에 두고 벨 눌러 주세요 감사해요',
  payment: 'at_pickup',
  handoffKey: handoffKeyOf('g1H8t0aZk2Qm7XvPcR4uYbN6eW3sJ9dL5fT0oA-_iKq'),
};

/**
 * Text of at most `max` UTF-16 units, cut between code points so no surrogate is split, that the
 * order fields' text rule accepts (S15: no controls; lines only in the note).
 */
const textOf = (max: number, lines = false) =>
  fc
    .string({
      unit: fc.oneof(
        fc.integer({ min: 0xac00, max: 0xd7a3 }).map((n) => String.fromCodePoint(n)),
        fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCodePoint(n)),
        // Any scalar value: the surrogate range is skipped by shifting past it.
        fc
          .integer({ min: 0, max: 0x10ffff - 0x800 })
          .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800)),
      ),
      maxLength: max,
    })
    .map((s) => {
      let out = '';
      for (const ch of s) if (out.length + ch.length <= max) out += ch;
      return out;
    })
    .filter((s) => isCleanText(s, { lines }));

const lineArb = fc.constantFrom(...ITEM_IDS).chain((itemId) =>
  fc.record({
    itemId: fc.constant(itemId),
    quantity: fc.integer({ min: 1, max: 99 }),
    optionIds: fc.array(fc.constantFrom(...optionsOf(itemId)), { maxLength: 20 }),
  }),
);

const orderArb: fc.Arbitrary<HandoffOrder> = fc.record({
  orderId: fc.uuid(),
  shopSlug: fc.constant(SLUG),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 50 }),
  fulfilment: fc.constantFrom('pickup' as const, 'delivery' as const),
  date: fc
    .integer({ min: 0, max: 0xffff })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
  slot: fc.option(
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    { nil: null },
  ),
  customerName: textOf(40),
  customerPhone: fc.string({ unit: fc.constantFrom(...'0123456789+-() '), maxLength: 20 }),
  address: textOf(200),
  note: textOf(500, true),
  payment: fc.constantFrom('at_pickup' as const, 'bank_transfer' as const),
  handoffKey: fc.uint8Array({ minLength: 8, maxLength: 8 }).map((b) => Buffer.from(b).toString('hex')),
});

describe('SMS hand-off code: round trip', () => {
  it('gives back every generated order exactly', () => {
    fc.assert(
      fc.property(orderArb, (order) => {
        expect(decodeHandoff(encodeHandoff(order), ctx)).toEqual({ ok: true, order });
      }),
    );
  });

  it('carries Hangul names and notes, as-soon-as-possible and delivery', () => {
    const order: HandoffOrder = {
      ...typical,
      fulfilment: 'delivery',
      slot: null,
      customerName: '박서준',
      address: '서울시 마포구 월드컵로 12길 3, 101동 202호',
      note: '공동현관 비밀번호 #1234, 아이가 자고 있어요 🙏',
      payment: 'bank_transfer',
    };
    expect(decodeHandoff(encodeHandoff(order), ctx)).toEqual({ ok: true, order });
  });

  it('carries an order at every limit: 50 lines of 20 options, full-length texts, the last day', () => {
    const order: HandoffOrder = {
      ...typical,
      lines: Array.from({ length: 50 }, (_, i) => {
        const itemId = ITEM_IDS[i % ITEM_IDS.length]!;
        return {
          itemId,
          quantity: 99,
          optionIds: Array.from({ length: 20 }, (_, k) => optionsOf(itemId)[k % 7]!),
        };
      }),
      date: '2149-06-06',
      slot: '23:59',
      customerName: '가'.repeat(40),
      customerPhone: '+82 (10) 1234-56789',
      address: '힣'.repeat(200),
      note: '😀'.repeat(250),
    };
    expect(decodeHandoff(encodeHandoff(order), ctx)).toEqual({ ok: true, order });
    expect(() => encodeHandoff({ ...order, note: order.note + 'a' })).toThrow(RangeError);
    expect(() => encodeHandoff({ ...order, date: '2149-06-07' })).toThrow(RangeError);
  });

  it('reads a code typed loosely: lowercase, grouped, O for 0 and I or L for 1', () => {
    const code = encodeHandoff(typical);
    const loose = `  ${code.slice(0, 3).toLowerCase()}${(code.slice(3).match(/.{1,5}/g) ?? []).join('- ')}\n`
      .replace(/0/g, 'o')
      .replace(/1/g, (_, i: number) => (i % 2 ? 'I' : 'l'));
    expect(decodeHandoff(loose, ctx)).toEqual({ ok: true, order: typical });
  });

  it('keeps a typical order (3 lines, Korean name and 20-syllable note) under 200 characters', () => {
    expect(typical.note.length).toBeGreaterThanOrEqual(20);
    expect(typical.handoffKey).toBeDefined();
    expect(encodeHandoff(typical).length).toBeLessThan(200);
  });

  it('S15: refuses a code whose name or note holds a NUL or another control, as a malformed code', () => {
    // The encoder refuses such text, so the code is forged: a marker "~^~" in the field, its middle
    // byte (an ASCII code point is one byte) replaced, and the checksum made anew.
    const forge = (field: 'note' | 'customerName' | 'address', control: number) => {
      const body = bodyOf(encodeHandoff({ ...typical, [field]: '문~^~앞' }));
      const at = body.findIndex((b, i) => b === 0x7e && body[i + 1] === 0x5e && body[i + 2] === 0x7e);
      body[at + 1] = control;
      return toCode(body);
    };
    for (const [field, control] of [
      ['note', 0x00],
      ['note', 0x1b],
      ['customerName', 0x07],
      ['address', 0x0a],
    ] as const) {
      expect(decodeHandoff(forge(field, control), ctx), `${field} ${control}`).toEqual({
        ok: false,
        problem: 'handoff_malformed',
      });
    }
    expect(decodeHandoff(forge('note', 0x0a), ctx)).toMatchObject({ ok: true, order: { note: '문~\n~앞' } });
    // A note keeps its lines.
    const lines = { ...typical, note: '첫 줄\n둘째 줄' };
    expect(decodeHandoff(encodeHandoff(lines), ctx)).toEqual({ ok: true, order: lines });
  });

  it('refuses to encode an order outside the limits rather than send one the shop cannot read', () => {
    expect(() => encodeHandoff({ ...typical, lines: [] })).toThrow(RangeError);
    expect(() => encodeHandoff({ ...typical, date: '2026-02-30' })).toThrow(RangeError);
    expect(() => encodeHandoff({ ...typical, customerPhone: '010-1234-5678 ext' })).toThrow(RangeError);
    expect(() => encodeHandoff({ ...typical, orderId: typical.orderId.toUpperCase() })).toThrow(RangeError);
  });
});

describe('SMS hand-off code: refusals', () => {
  const code = encodeHandoff(typical);

  it('detects every single-character substitution, never reading a different order', () => {
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const symbol of ALPHABET) {
        if (symbol === code[i]) continue;
        const result = decodeHandoff(code.slice(0, i) + symbol + code.slice(i + 1), ctx);
        if (result.ok) throw new Error(`substituting ${symbol} at ${i} was accepted`);
        expect(['handoff_checksum', 'handoff_malformed']).toContain(result.problem);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(code.length * 30);
  });

  it('refuses a code made for another shop', () => {
    expect(decodeHandoff(encodeHandoff({ ...typical, shopSlug: 'bakery-22' }), ctx)).toEqual({
      ok: false,
      problem: 'handoff_other_shop',
    });
  });

  it('refuses an item or option the menu no longer has', () => {
    const withoutItem = new Map(catalogue);
    withoutItem.delete(ITEM_IDS[1]!);
    expect(decodeHandoff(code, { shopSlug: SLUG, catalogue: withoutItem })).toEqual({
      ok: false,
      problem: 'handoff_unknown_item',
    });
    const first = catalogue.get(ITEM_IDS[0]!)!;
    const withoutOption = new Map(catalogue).set(first.id, { ...first, optionGroups: [] });
    expect(decodeHandoff(code, { shopSlug: SLUG, catalogue: withoutOption })).toEqual({
      ok: false,
      problem: 'handoff_unknown_item',
    });
  });

  it('refuses to guess between two options whose 16-bit hashes collide', () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair; n++) {
      const id = `opt-${n}`;
      const other = seen.get(fnv1a16(id));
      if (other) pair = [other, id];
      seen.set(fnv1a16(id), id);
    }
    const item = { id: ITEM_IDS[0]!, optionGroups: [{ options: pair.map((id) => ({ id })) }] };
    const order = { ...typical, lines: [{ itemId: item.id, quantity: 1, optionIds: [pair[0]] }] };
    const result = decodeHandoff(encodeHandoff(order), {
      shopSlug: SLUG,
      catalogue: new Map([[item.id, item]]),
    });
    expect(result).toEqual({ ok: false, problem: 'handoff_unknown_item' });
  });

  it('refuses truncated, empty and garbage input as unreadable', () => {
    for (const bad of ['', '   ', 'DG-', 'hello', 'DG-!!!!', '<script>', code.slice(3), 'XX' + code.slice(2)])
      expect(decodeHandoff(bad, ctx), bad).toEqual({ ok: false, problem: 'handoff_malformed' });
    for (const cut of [1, 2, 7, 40, code.length - 4]) {
      const result = decodeHandoff(code.slice(0, -cut), ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['handoff_checksum', 'handoff_malformed']).toContain(result.problem);
    }
  });

  it('refuses a well-formed code of another version: how an older tablet reads a newer code', () => {
    const body = bodyOf(code);
    expect(body[0]).toBe(2);
    expect(decodeHandoff(toCode(body), ctx)).toEqual({ ok: true, order: typical });
    // A version 1 tablet compares the first byte with 1, exactly as this one compares it with 1 and 2.
    for (const version of [0, 3, 255]) {
      body[0] = version;
      expect(decodeHandoff(toCode(body), ctx), `version ${version}`).toEqual({
        ok: false,
        problem: 'handoff_version',
      });
    }
  });

  it('reads a version 1 code (an older phone app, no claim key) as an order no device can claim', () => {
    // Version 1 is version 2 without flag bit 2 and the 8 key bytes after the flags (byte 23).
    const body = bodyOf(code);
    expect(body[23]! & 4).toBe(4);
    const v1 = Uint8Array.from([1, ...body.subarray(1, 23), body[23]! & 3, ...body.subarray(32)]);
    const { handoffKey: _key, ...keyless } = typical;
    const result = decodeHandoff(toCode(v1), ctx);
    expect(result).toEqual({ ok: true, order: keyless });
    expect(result.ok && 'handoffKey' in result.order).toBe(false);
    // In version 1 the key flag does not exist: a code with it set is no code.
    const flagged = Uint8Array.from([1, ...body.subarray(1, 23), body[23]!, ...body.subarray(32)]);
    expect(decodeHandoff(toCode(flagged), ctx)).toEqual({ ok: false, problem: 'handoff_malformed' });
  });

  it('explains every problem in Korean and English', () => {
    // Typed as HandoffProblem so the compiler proves each one is an ErrorCode with a message.
    const problems: HandoffProblem[] = [
      'handoff_malformed',
      'handoff_checksum',
      'handoff_version',
      'handoff_other_shop',
      'handoff_unknown_item',
    ];
    for (const problem of problems) {
      expect(errorMessage(problem, 'ko')).toMatch(/[가-힣]/);
      expect(errorMessage(problem, 'en')).toMatch(/[A-Za-z]/);
    }
  });
});

describe('SMS hand-off code: decoding never throws', () => {
  const neverThrows = (code: string) => {
    const result = decodeHandoff(code, ctx);
    expect(typeof result.ok).toBe('boolean');
  };

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), neverThrows), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET, '-', ' ', 'o', 'l') }), (s) =>
        neverThrows('DG-' + s),
      ),
      { numRuns: 2000 },
    );
  });

  it('on random bytes behind a valid version, shop and checksum, so the parser itself is fuzzed', () => {
    const shop = fnv1a16(SLUG);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (rest) => {
        neverThrows(toCode(Uint8Array.from([1, shop >> 8, shop & 0xff, ...rest])));
        neverThrows(toCode(Uint8Array.from([2, shop >> 8, shop & 0xff, ...rest])));
      }),
      { numRuns: 2000 },
    );
    // Random bytes rarely get past the header; changing a few bytes of a real order reaches every field.
    const body = bodyOf(encodeHandoff(typical));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(body.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const changed = body.slice();
          for (const [at, value] of edits) changed[at] = value;
          neverThrows(toCode(changed));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('SMS hand-off code: the claim key', () => {
  it('is the first 8 bytes of SHA-256 over the domain-separated share secret, as node:crypto computes it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (raw) => {
        const secret = Buffer.from(raw).toString('base64url');
        const expected = createHash('sha256')
          .update('dangol/handoff-claim/v1\n' + secret)
          .digest()
          .subarray(0, 8)
          .toString('hex');
        expect(handoffKeyOf(secret)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('travels in the code, and only as written: an order without a key comes back without one', () => {
    const decoded = decodeHandoff(encodeHandoff(typical), ctx);
    expect(decoded).toEqual({ ok: true, order: typical });
    expect(decoded.ok && decoded.order.handoffKey).toMatch(/^[0-9a-f]{16}$/);
    const { handoffKey: _key, ...keyless } = typical;
    expect(decodeHandoff(encodeHandoff(keyless), ctx)).toEqual({ ok: true, order: keyless });
    expect(() => encodeHandoff({ ...typical, handoffKey: 'ABCDEF0123456789' })).toThrow(RangeError);
    expect(() => encodeHandoff({ ...typical, handoffKey: '0123' })).toThrow(RangeError);
  });
});
