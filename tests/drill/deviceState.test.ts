import { describe, expect, it } from 'vitest';
import { newLocalOrder } from '../../src/client/db';
import { caughtUpAsOf, type RawDevice } from './deviceState';

const RETURN = 10_000;
const saved = (at: number) => newLocalOrder(`order-${at}`, at);
const sent = (at: number) => ({ ...newLocalOrder(`order-${at}`, at), ackedAt: at + 50 });
const device = (d: Partial<RawDevice>): RawDevice => ({ orders: [], outbox: 0, outboxMadeAt: [], ...d });

describe('a phone in step with the server as it came back', () => {
  it('is not while a change made before the return waits', () => {
    expect(caughtUpAsOf(device({ outbox: 1, outboxMadeAt: [RETURN - 1] }), RETURN)).toBe(false);
  });

  it('is not while an order made before the return is only on the phone', () => {
    expect(caughtUpAsOf(device({ orders: [saved(RETURN - 5_000)] }), RETURN)).toBe(false);
  });

  it('is once those reached the server, though newer work still waits', () => {
    const d = device({
      orders: [sent(RETURN - 5_000), saved(RETURN + 2_000)],
      outbox: 1,
      outboxMadeAt: [RETURN + 2_000],
    });
    expect(caughtUpAsOf(d, RETURN)).toBe(true);
  });
});
