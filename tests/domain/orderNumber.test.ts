import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderRef, provisionalCode } from '../../src/domain/orderNumber';
import { orderLabel } from '../../src/i18n/orderLabel';

const CODE = /^[ABCDEFGHJKMNPQRSTVWXYZ][0-9ABCDEFGHJKMNPQRSTVWXYZ]{3}$/;
const SPACE = 22 * 32 ** 3;

/** A v4 UUID whose last 32 bits are `low`: the bits the provisional code is made of. */
function idWithLow(low: number): string {
  return `${randomUUID().slice(0, 28)}${low.toString(16).padStart(8, '0')}`;
}

describe('order labels (issue #16)', () => {
  it("says the server's number as people say it: 23번 / No. 23", () => {
    const order = { id: randomUUID(), number: 23 };
    expect(orderRef(order)).toEqual({ kind: 'number', number: 23 });
    expect(orderLabel(order, 'ko')).toBe('23번');
    expect(orderLabel(order, 'en')).toBe('No. 23');
  });

  it('calls an order without a number (made offline, or from before numbering) provisional', () => {
    const id = '0190f3a2-7c1e-4b6d-9f00-3a5b8c7d9e1f';
    for (const number of [undefined, null]) {
      expect(orderLabel({ id, number }, 'ko')).toBe(`임시 ${provisionalCode(id)}`);
      expect(orderLabel({ id, number }, 'en')).toBe(`Temp ${provisionalCode(id)}`);
    }
  });

  it('a provisional label never looks like a number: a word that says so, then a code that starts with a letter', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const code = provisionalCode(id);
        expect(code).toMatch(CODE);
        expect(orderLabel({ id }, 'ko')).toMatch(/^임시 [A-Z]/);
        expect(orderLabel({ id }, 'ko')).not.toMatch(/번$/);
        expect(orderLabel({ id }, 'en')).toMatch(/^Temp [A-Z]/);
      }),
    );
  });

  it('the phone, its SMS text and the tablet that imports it all derive the same label from the id', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(provisionalCode(id)).toBe(provisionalCode(id.toUpperCase().toLowerCase()));
        expect(orderLabel({ id, number: null }, 'ko')).toBe(orderLabel({ id }, 'ko'));
      }),
    );
  });

  it('two offline orders share a provisional code only when their random ids agree modulo the code space', () => {
    // Every one of the 720,896 codes is used: no two ids whose random low bits differ within the
    // space can clash, so the only clashes are the 1-in-720,896 coincidences the comment promises.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SPACE - 1 }), fc.integer({ min: 0, max: SPACE - 1 }), (a, b) => {
        fc.pre(a !== b);
        expect(provisionalCode(idWithLow(a))).not.toBe(provisionalCode(idWithLow(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('measured: 20 devices × 10 offline orders each (200 at once) almost never clash', () => {
    // Expected pairs sharing a code among 200 random orders: C(200, 2) / 720,896 ≈ 0.028.
    let clashes = 0;
    const rounds = 200;
    for (let r = 0; r < rounds; r++) {
      const codes = new Set(Array.from({ length: 200 }, () => provisionalCode(randomUUID())));
      if (codes.size < 200) clashes++;
    }
    expect(clashes / rounds).toBeLessThan(0.1);
  });
});
