import { describe, expect, it } from 'vitest';
import { provisionalCode } from '../../src/domain/orderNumber';
import {
  depositorName,
  depositorReference,
  NOW_ORDER_TRANSFER_MINUTES,
  TRANSFER_DEADLINE_MIN,
  transferMayLapse,
  transferPayBy,
} from '../../src/domain/transferDeadline';

const SEOUL = 'Asia/Seoul';
// Monday 7 December 2026, 14:00 in Seoul.
const placedAt = new Date('2026-12-07T05:00:00Z');
const at = (iso: string) => new Date(iso).toISOString();

/** Issue #16 (5): when a bank transfer must have arrived. */
describe('transferPayBy', () => {
  it('a pre-order three days ahead: the setting, a day after placing', () => {
    const payBy = transferPayBy({ createdAt: placedAt, date: '2026-12-10', slot: '10:00' }, 24 * 60, SEOUL);
    expect(payBy.toISOString()).toBe(at('2026-12-08T05:00:00Z'));
  });

  it('never after the pickup: a slot tomorrow at 10:00 caps a 24-hour setting at the slot', () => {
    const payBy = transferPayBy({ createdAt: placedAt, date: '2026-12-08', slot: '10:00' }, 24 * 60, SEOUL);
    // 10:00 in Seoul is 01:00 UTC.
    expect(payBy.toISOString()).toBe(at('2026-12-08T01:00:00Z'));
  });

  it('a "now" order: half an hour at most, whatever the setting', () => {
    const payBy = transferPayBy({ createdAt: placedAt, date: '2026-12-07', slot: null }, 24 * 60, SEOUL);
    expect(payBy.getTime() - placedAt.getTime()).toBe(NOW_ORDER_TRANSFER_MINUTES * 60_000);
  });

  it('always some minutes to pay, even for a slot that starts at once', () => {
    const payBy = transferPayBy({ createdAt: placedAt, date: '2026-12-07', slot: '14:00' }, 24 * 60, SEOUL);
    expect(payBy.getTime() - placedAt.getTime()).toBe(TRANSFER_DEADLINE_MIN * 60_000);
  });

  it('a shorter setting wins over a later slot', () => {
    const payBy = transferPayBy({ createdAt: placedAt, date: '2026-12-10', slot: '10:00' }, 60, SEOUL);
    expect(payBy.toISOString()).toBe(at('2026-12-07T06:00:00Z'));
  });
});

describe('transferMayLapse', () => {
  it('open before the food is made or sent out; never once ready, handed over or closed', () => {
    expect(transferMayLapse('placed')).toBe(true);
    expect(transferMayLapse('accepted')).toBe(true);
    expect(transferMayLapse('confirmed')).toBe(true);
    for (const s of ['ready', 'outForDelivery', 'completed', 'rejected', 'cancelled'] as const)
      expect(transferMayLapse(s)).toBe(false);
  });
});

describe('depositorName', () => {
  it('the name and the reference, short enough for a bank’s depositor field', () => {
    expect(depositorName('김단골', 'e53f')).toBe('김단골e53f');
    expect(depositorName(' 남궁 민수 아무개 ', 'e53f')).toBe('남궁민수아e53f');
    expect(depositorName('', 'e53f')).toBe('e53f');
  });

  it("the reference is the order's provisional code: the same on every device, before and after its number", () => {
    const id = '0b6f3c2e-8a41-4c1d-9f7e-5d2a1b3c4e5f';
    expect(depositorReference(id)).toBe(provisionalCode(id));
    expect(depositorReference(id)).toMatch(/^[A-Z][0-9A-Z]{3}$/);
  });
});
