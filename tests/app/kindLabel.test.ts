import { describe, expect, it } from 'vitest';
import { kindLabel, slotCaption, totalCaption } from '../../src/app/shop/reservations/kindLabel';
import { translate } from '../../src/i18n';
import { consoleMessages } from '../../src/i18n/shop/console';

const t = (key: string, vars: Record<string, string | number> = {}) =>
  (consoleMessages.ko[key as keyof typeof consoleMessages.ko] ?? translate('ko', key as never)).replace(
    /\{(\w+)\}/g,
    (_, k: string) => String(vars[k]),
  );

/** Issue #16 (6): the day's lists say which kind each order is; a delivery is never a pickup. */
describe('kind labels on the lists', () => {
  it('픽업 / 배달, with 예약 for a slot', () => {
    expect(t(kindLabel({ fulfilment: 'pickup', slot: null }))).toBe('픽업');
    expect(t(kindLabel({ fulfilment: 'delivery', slot: null }))).toBe('배달');
    expect(t(kindLabel({ fulfilment: 'pickup', slot: '10:00' }))).toBe('예약 픽업');
    expect(t(kindLabel({ fulfilment: 'delivery', slot: '10:00' }))).toBe('예약 배달');
  });

  it('production captions name deliveries, and keep the pickup wording when there are none', () => {
    expect(slotCaption('10:00', { orders: 4, deliveries: 0 }, t)).toBe('10:00 픽업 · 주문 4건');
    expect(slotCaption('11:30', { orders: 2, deliveries: 2 }, t)).toBe('11:30 배달 · 주문 2건');
    expect(slotCaption('12:00', { orders: 3, deliveries: 1 }, t)).toBe(
      '12:00 픽업 2건 · 배달 1건 · 주문 3건',
    );
    expect(totalCaption({ orders: 10, deliveries: 0 }, t)).toBe('하루 합계 · 주문 10건');
    expect(totalCaption({ orders: 4, deliveries: 2 }, t)).toBe('하루 합계 · 주문 4건 (픽업 2건 · 배달 2건)');
  });
});
