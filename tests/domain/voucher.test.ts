import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceAfter,
  CODE_CHECK_SYMBOLS,
  CODE_SYMBOLS,
  defaultExpiry,
  expiryNotice,
  parseVoucherCode,
  redeem,
  validityProblem,
  voucherCode,
  voucherCodeKey,
  voucherTotals,
} from '../../src/domain/voucher';

const DAY = 86_400_000;

describe('voucher balance', () => {
  it('takes at most the balance; the excess is a shortfall', () => {
    expect(redeem(30_000, 20_000)).toEqual({ taken: 20_000, shortfall: 0, balanceAfter: 10_000 });
    expect(redeem(10_000, 20_000)).toEqual({ taken: 10_000, shortfall: 10_000, balanceAfter: 0 });
    expect(balanceAfter(30_000, [20_000, 20_000])).toBe(0);
  });

  it('never goes below zero nor above the face value, whatever the redemptions', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(fc.nat(1_000_000), { maxLength: 20 }), (won, amounts) => {
        const b = balanceAfter(won, amounts);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(won);
      }),
    );
  });

  it('totals: outstanding is the liability, expired and shortfall apart', () => {
    const now = Date.now();
    const t = voucherTotals(
      [
        { issued: true, won: 30_000, balance: 10_000, expiresAt: now + DAY, shortfall: 0 },
        { issued: true, won: 20_000, balance: 5_000, expiresAt: now - DAY, shortfall: 0 },
        { issued: true, won: 30_000, balance: 0, expiresAt: now + DAY, shortfall: 10_000 },
        { issued: false, won: 50_000, balance: 50_000, expiresAt: now + DAY, shortfall: 0 },
      ],
      now,
    );
    expect(t).toEqual({
      sold: 3,
      soldWon: 80_000,
      outstandingWon: 10_000,
      redeemedWon: 65_000,
      expiredWon: 5_000,
      shortfallWon: 10_000,
    });
  });
});

describe('voucher validity (표준약관: at least a year)', () => {
  const now = Date.UTC(2026, 0, 1);
  it('defaults to one year, which is allowed', () => {
    expect(validityProblem(now, defaultExpiry(now), null)).toBeNull();
  });
  it('refuses less than a year for money, allows 3 months for an item', () => {
    expect(validityProblem(now, now + 200 * DAY, null)).toBe('voucher_validity_too_short');
    expect(validityProblem(now, now + 90 * DAY, { id: randomUUID(), name: '딸기 케이크' })).toBeNull();
    expect(validityProblem(now, now + 30 * DAY, { id: randomUUID(), name: '딸기 케이크' })).toBe(
      'voucher_validity_too_short',
    );
    expect(validityProblem(now, now + 6 * 365 * DAY, null)).toBe('voucher_validity_too_long');
  });
});

describe('expiry notice (표준약관 2020: 30 days before, then the 90 % refund)', () => {
  const issuedAt = Date.UTC(2026, 0, 1);
  const expiresAt = defaultExpiry(issuedAt);
  const v = { balance: 12_345, issuedAt, expiresAt };
  it('says nothing earlier than 30 days before', () => {
    expect(expiryNotice(v, expiresAt - 30 * DAY - 1)).toBeNull();
  });
  it('counts the days left from 30 down to the last one', () => {
    expect(expiryNotice(v, expiresAt - 30 * DAY)).toEqual({ kind: 'soon', daysLeft: 30 });
    expect(expiryNotice(v, expiresAt - 29 * DAY - 1)).toEqual({ kind: 'soon', daysLeft: 30 });
    expect(expiryNotice(v, expiresAt - 1)).toEqual({ kind: 'soon', daysLeft: 1 });
  });
  it('after expiry offers 90 % of the balance, in whole won, until five years from issue', () => {
    expect(expiryNotice(v, expiresAt)).toEqual({
      kind: 'expired',
      refundWon: 11_110,
      refundUntil: issuedAt + 5 * 365 * DAY,
    });
    expect(expiryNotice(v, issuedAt + 5 * 365 * DAY)).toBeNull();
  });
  it('has nothing to say about a voucher used up', () => {
    expect(expiryNotice({ ...v, balance: 0 }, expiresAt - DAY)).toBeNull();
    expect(expiryNotice({ ...v, balance: 0 }, expiresAt + DAY)).toBeNull();
  });
});

describe('typed voucher code', () => {
  it('round-trips, forgiving case, hyphens and look-alike letters', () => {
    const id = randomUUID();
    const code = voucherCode(id);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]{3}$/);
    expect(parseVoucherCode(code)).toBe(voucherCodeKey(id));
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(parseVoucherCode(sloppy)).toBe(voucherCodeKey(id));
  });

  it('catches every single wrong symbol in any position', () => {
    for (let n = 0; n < 25; n++) {
      const code = voucherCode(randomUUID()).replace(/-/g, '');
      for (let i = 0; i < code.length; i++) {
        const alphabet = i < code.length - 1 ? CODE_SYMBOLS : CODE_CHECK_SYMBOLS;
        for (const ch of alphabet) {
          if (ch === code[i]) continue;
          const typo = code.slice(0, i) + ch + code.slice(i + 1);
          expect(parseVoucherCode(typo), `${code} → ${typo}`).toBeNull();
        }
      }
    }
  });

  it('catches swapped neighbours and a missing or extra symbol', () => {
    for (let n = 0; n < 50; n++) {
      const code = voucherCode(randomUUID()).replace(/-/g, '');
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(parseVoucherCode(swapped)).toBeNull();
      }
      expect(parseVoucherCode(code.slice(1))).toBeNull();
      expect(parseVoucherCode(`0${code}`)).toBeNull();
    }
  });
});
