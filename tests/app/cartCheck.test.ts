import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../../src/domain/catalogue';
import { DEFAULT_CHECKOUT_LIMITS } from '../../src/domain/checkoutLimits';
import { checkCart, keptLines } from '../../src/app/customer/cartCheck';

const item = (id: string, price: number, extra: Partial<MenuItem> = {}): MenuItem => ({
  id,
  categoryId: 'c',
  name: `메뉴 ${id}`,
  description: '',
  price,
  photoUrl: null,
  optionGroups: [],
  soldOutUntil: null,
  dailyQuota: null,
  leadDays: 0,
  orderCutoff: null,
  position: 0,
  ...extra,
});
const TODAY = '2026-12-08';
const line = (itemId: string, quantity: number, unitPrice?: number, optionIds: string[] = []) => ({
  itemId,
  quantity,
  optionIds,
  ...(unitPrice === undefined ? {} : { unitPrice }),
});

/** #16: a kept or re-ordered cart meets the menu as it is now, and every change is said. */
describe('a kept cart against the current menu', () => {
  const sized = item('s', 10_000, {
    optionGroups: [
      {
        id: 'g',
        name: '용량',
        minChoices: 1,
        maxChoices: 1,
        options: [
          { id: 'small', name: '작은', priceDelta: 0 },
          { id: 'big', name: '큰', priceDelta: 3000 },
        ],
      },
    ],
  });
  const menu = new Map([
    ['a', item('a', 5000)],
    ['b', item('b', 6000, { soldOutUntil: '2999-01-01' })],
    ['s', sized],
  ]);

  it('keeps what is unchanged, silently', () => {
    const kept = keptLines([line('a', 2), line('s', 1, undefined, ['big'])], menu, TODAY);
    expect(kept).toEqual([line('a', 2, 5000), line('s', 1, 13_000, ['big'])]);
    expect(checkCart(kept, menu, TODAY, DEFAULT_CHECKOUT_LIMITS)).toEqual({
      cart: [line('a', 2), line('s', 1, undefined, ['big'])],
      notices: [],
    });
  });

  it('drops what left the menu, is sold out or lost its options; says a new price; cuts to the limits', () => {
    const { cart, notices } = checkCart(
      [
        line('gone', 1, 1000),
        line('b', 1, 6000),
        line('s', 1, 13_000, ['removed-option']),
        line('a', 40, 4500),
      ],
      menu,
      TODAY,
      DEFAULT_CHECKOUT_LIMITS,
      (l) => (l.itemId === 'gone' ? '옛 메뉴' : ''),
    );
    expect(cart).toEqual([line('a', 30)]);
    expect(notices).toEqual([
      { kind: 'gone', name: '옛 메뉴' },
      { kind: 'soldOut', name: '메뉴 b' },
      { kind: 'optionsChanged', name: '메뉴 s' },
      { kind: 'priceChanged', name: '메뉴 a', from: 4500, to: 5000 },
      { kind: 'quantityCut', name: '메뉴 a', n: 30 },
    ]);
  });
});
