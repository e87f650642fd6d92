import { describe, expect, it } from 'vitest';
import { RETRY_CAP_MS, retryDelayMs } from '../../src/client/backoff';

describe('retry backoff', () => {
  it('starts at half a second and doubles up to the cap', () => {
    const mid = () => 0.5; // jitter factor exactly 1
    expect([1, 2, 3, 4, 5, 6, 20].map((f) => retryDelayMs(f, mid))).toEqual([
      500,
      1000,
      2000,
      RETRY_CAP_MS,
      RETRY_CAP_MS,
      RETRY_CAP_MS,
      RETRY_CAP_MS,
    ]);
  });

  it('never waits longer than the drill leaves for converging (10 s, less time to reload and sync)', () => {
    const worst = retryDelayMs(1_000, () => 0.999_999);
    expect(worst).toBeLessThanOrEqual(6_000);
    expect(retryDelayMs(1_000, () => 0)).toBe(RETRY_CAP_MS / 2);
  });

  it('treats "no failure yet" like the first', () => {
    expect(retryDelayMs(0, () => 0.5)).toBe(500);
  });
});
