import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../src/client/api';
import { parseLenient } from '../../src/protocol/lenient';
import { PullResponse } from '../../src/protocol/sync';
import { SettingsPatch } from '../../src/protocol/schemas';

/** A pull as today's server sends it, with no orders or items but every field present. */
const pull = {
  cursor: 3,
  more: false,
  lastSeq: 0,
  orders: [],
  items: [],
  messages: [],
  schedule: {
    timeZone: 'Asia/Seoul',
    hours: Array.from({ length: 7 }, () => [{ open: '09:00', close: '18:00' }]),
    slotMinutes: 30,
    slotCapacity: 10,
    leadMinutes: 0,
    preorderDays: 14,
    closedDates: [],
  },
};

describe('S16: responses are read leniently', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a field added later, at the top or deep inside, is ignored; the rest is read as before', () => {
    const base = PullResponse.safeParse(pull);
    // The test's own pull must be valid first, or the rest proves nothing.
    if (!base.success) {
      const known = Object.keys((PullResponse as unknown as { shape: object }).shape);
      throw new Error(`fixture no longer matches PullResponse (${known.join(', ')}): ${base.error.message}`);
    }
    const newer = { ...pull, loyaltyPoints: 120, schedule: { ...pull.schedule, busyUntil: null } };
    expect(PullResponse.safeParse(newer).success).toBe(false);
    const read = parseLenient(PullResponse, newer);
    expect(read.success).toBe(true);
    expect(read.data).toEqual(base.data);
    // The caller's object is left as it came.
    expect(newer.loyaltyPoints).toBe(120);
  });

  it('anything else is still a mismatch: a missing field or a wrong type', () => {
    const { cursor: _cursor, ...missing } = pull;
    expect(parseLenient(PullResponse, { ...missing, extra: 1 }).success).toBe(false);
    expect(parseLenient(PullResponse, { ...pull, cursor: 'three', extra: 1 }).success).toBe(false);
  });

  it('requests stay strict: an unknown field in what a client sends is refused', () => {
    expect(SettingsPatch.safeParse({ notice: '휴무', loyalty: true }).success).toBe(false);
  });

  it("the app's API client accepts a response carrying an unknown nested field", async () => {
    const body = { ok: true, database: 'pglite', protocol: 1, build: { sha: 'abc', extra: [1] } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 200 }));
    await expect(call('health', { lang: 'ko' })).resolves.toEqual({
      ok: true,
      database: 'pglite',
      protocol: 1,
    });
  });
});
