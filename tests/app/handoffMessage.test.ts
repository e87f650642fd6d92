import { describe, expect, it } from 'vitest';
import { handoffMessage, smsHref } from '../../src/app/customer/handoffMessage';
import { FSI, PDI } from '../../src/domain/bidi';
import { provisionalCode } from '../../src/domain/orderNumber';
import { decodeHandoff, type HandoffOrder } from '../../src/protocol/handoff';

const ITEM = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
const order: HandoffOrder = {
  orderId: '5f0c6b1e-3c2a-4d8e-9b7f-1a2b3c4d5e6f',
  shopSlug: 'banchan-house',
  lines: [{ itemId: ITEM, quantity: 2, optionIds: ['size-500'] }],
  fulfilment: 'pickup',
  date: '2026-05-01',
  slot: '12:30',
  customerName: '김민지',
  customerPhone: '010-1234-5678',
  address: '',
  note: '',
  payment: 'at_pickup',
};
const priced = {
  lines: [{ name: '떡갈비', quantity: 2, options: [{ name: '500g' }], lineTotal: 24000 }],
  total: 24000,
};
const catalogue = new Map([[ITEM, { id: ITEM, optionGroups: [{ options: [{ id: 'size-500' }] }] }]]);

describe('SMS hand-off message', () => {
  it('reads as a Korean order summary ending with the code the tablet decodes', () => {
    const text = handoffMessage({ shopName: '행복반찬', order, priced, lang: 'ko' });
    for (const part of [
      '행복반찬',
      '떡갈비',
      '500g',
      '×2',
      '24,000원',
      '2026-05-01 (금) 12:30',
      '김민지',
      '010-1234-5678',
    ])
      expect(text).toContain(part);
    // Named by the same provisional label the phone shows and the importing tablet will show (#16).
    expect(text.split('\n')[0]).toBe(`[${FSI}행복반찬${PDI}] 주문 임시 ${provisionalCode(order.orderId)}`);
    const code = text.split('\n').at(-1)!;
    expect(code).toMatch(/^DG-[0-9A-Z]+$/);
    expect(decodeHandoff(code, { shopSlug: 'banchan-house', catalogue })).toEqual({ ok: true, order });
  });

  it('says as soon as possible, delivery, the address and bank transfer in English', () => {
    const delivery = {
      ...order,
      slot: null,
      fulfilment: 'delivery' as const,
      address: '12 Worldcup-ro',
      note: 'Ring twice',
      payment: 'bank_transfer' as const,
    };
    const text = handoffMessage({ shopName: 'Happy Banchan', order: delivery, priced, lang: 'en' });
    for (const part of [
      '₩24,000',
      'Delivery 2026-05-01 (Fri) as soon as possible',
      '12 Worldcup-ro',
      'Ring twice',
      'bank transfer',
    ])
      expect(text).toContain(part);
  });

  it('leaves out the address for pickup and empty fields', () => {
    const text = handoffMessage({
      shopName: '행복반찬',
      order: { ...order, address: '어딘가' },
      priced,
      lang: 'ko',
    });
    expect(text).not.toContain('어딘가');
    expect(text).not.toContain('요청:');
  });

  it('isolates every typed text, so an override in a name cannot reverse the numbers after it', () => {
    const RLO = '\u202E';
    const text = handoffMessage({
      shopName: '행복반찬',
      order: { ...order, customerName: `${RLO}김민지`, note: '문 앞에' },
      priced: { ...priced, lines: [{ ...priced.lines[0]!, name: `${RLO}떡갈비` }] },
      lang: 'ko',
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`[${FSI}행복반찬${PDI}] 주문 임시 ${provisionalCode(order.orderId)}`);
    expect(lines[1]).toBe(`- ${FSI}${RLO}떡갈비${PDI} (${FSI}500g${PDI}) ×2 24,000원`);
    expect(lines).toContain(`이름: ${FSI}${RLO}김민지${PDI}`);
    expect(lines).toContain(`요청: ${FSI}문 앞에${PDI}`);
  });

  it('builds an sms: link whose body survives the round trip', () => {
    const body = handoffMessage({ shopName: '행복반찬', order, priced, lang: 'ko' });
    const href = smsHref('02-123-4567', body);
    expect(href.startsWith('sms:021234567?body=')).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf('?body=') + 6))).toBe(body);
    expect(smsHref(' +82 10-1234-5678', 'hi')).toBe('sms:+821012345678?body=hi');
  });
});
