import { describe, expect, it } from 'vitest';
import { handoffMessage } from '../../../src/app/customer/handoffMessage';
import { extractHandoffCode, readHandoff } from '../../../src/app/shop/intake/smsCode';
import { encodeHandoff, type HandoffOrder } from '../../../src/protocol/handoff';

const ITEM = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
const order: HandoffOrder = {
  orderId: '5f0c6b1e-3c2a-4d8e-9b7f-1a2b3c4d5e6f',
  shopSlug: 'uri-banchan',
  lines: [{ itemId: ITEM, quantity: 2, optionIds: ['size-500'] }],
  fulfilment: 'pickup',
  date: '2026-05-01',
  slot: '12:30',
  customerName: '김민지',
  customerPhone: '010-1234-5678',
  address: '',
  note: '코드 DG-ABCDE 아님',
  payment: 'at_pickup',
};
const catalogue = new Map([[ITEM, { id: ITEM, optionGroups: [{ options: [{ id: 'size-500' }] }] }]]);
const ctx = { shopSlug: 'uri-banchan', catalogue };
const message = handoffMessage({
  shopName: '우리동네 반찬가게',
  order,
  priced: { lines: [{ name: '떡갈비', quantity: 2, options: [], lineTotal: 24_000 }], total: 24_000 },
  lang: 'ko',
});
const code = encodeHandoff(order);

describe('reading a pasted hand-off', () => {
  it('finds the code at the end of the whole text message, past a note that quotes "DG-"', () => {
    expect(message).toContain('DG-ABCDE');
    expect(extractHandoffCode(message)).toBe(code);
    expect(extractHandoffCode(`  ${code}\n`)).toBe(code);
    expect(extractHandoffCode('안녕하세요, 주문이요')).toBe(null);
  });

  it('decodes the message, the bare code, and a code a person grouped with spaces or hyphens', () => {
    const grouped = 'DG-' + (code.slice(3).match(/.{1,5}/g) ?? []).join(' - ');
    for (const text of [message, code, code.toLowerCase(), grouped]) {
      const r = readHandoff(text, ctx);
      expect(r.ok && r.order).toEqual(order);
    }
  });

  it('says what is wrong: no code, one changed character, another shop, an item not on the menu, no menu yet', () => {
    expect(readHandoff('전화 주세요', ctx)).toEqual({ ok: false, problem: 'handoff_malformed' });
    const i = Math.floor(code.length / 2);
    const typo = code.slice(0, i) + (code[i] === '0' ? '1' : '0') + code.slice(i + 1);
    expect(readHandoff(message.replace(code, typo), ctx)).toEqual({ ok: false, problem: 'handoff_checksum' });
    expect(readHandoff(code, { ...ctx, shopSlug: 'other-shop' })).toEqual({
      ok: false,
      problem: 'handoff_other_shop',
    });
    const otherMenu = new Map([[ITEM, { id: ITEM, optionGroups: [{ options: [{ id: 'size-300' }] }] }]]);
    expect(readHandoff(code, { ...ctx, catalogue: otherMenu })).toEqual({
      ok: false,
      problem: 'handoff_unknown_item',
    });
    expect(readHandoff(code, { ...ctx, catalogue: new Map() })).toEqual({
      ok: false,
      problem: 'menu_missing',
    });
  });
});
