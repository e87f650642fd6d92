import { describe, expect, it } from 'vitest';
import { chatOrder } from '../../src/client/chatOrder';
import type { LocalMessage } from '../../src/client/db';

const at = '2026-11-23T10:00:00.000Z';
const msg = (id: string, version: number | null, seq?: number, createdAt = at): LocalMessage => ({
  id,
  deviceId: 'd',
  orderId: null,
  author: 'customer',
  body: id,
  createdAt,
  version,
  state: version === null ? 'sending' : 'sent',
  seq,
});

describe('S12: the order of a conversation on a device', () => {
  it('unsent messages written in the same millisecond keep the order they were written, whatever their ids', () => {
    const written = [msg('ffff', null, 7), msg('0000', null, 8), msg('8888', null, 9)];
    expect(
      [...written]
        .reverse()
        .sort(chatOrder)
        .map((m) => m.id),
    ).toEqual(['ffff', '0000', '8888']);
  });

  it("the server's version orders what it returned, before anything unsent; old rows without seq go by time", () => {
    const rows = [
      msg('unsent-new', null, 3),
      msg('legacy', null, undefined, '2026-11-23T09:00:00.000Z'),
      msg('second', 12),
      msg('first', 5),
    ];
    expect(rows.sort(chatOrder).map((m) => m.id)).toEqual(['first', 'second', 'unsent-new', 'legacy']);
  });
});
