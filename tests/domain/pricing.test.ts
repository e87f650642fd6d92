import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidOptionGroup, type MenuItem, type OptionGroup } from '../../src/domain/catalogue';
import { MAX_WON } from '../../src/domain/money';
import type { OrderLineInput } from '../../src/domain/order';
import { MAX_LINES, MAX_QUANTITY, priceOrder, quantitiesByItem, quotaLeft } from '../../src/domain/pricing';

const DATE = '2026-11-23';

const item = (id: string, price: number, extra: Partial<MenuItem> = {}): MenuItem => ({
  id,
  categoryId: 'cat',
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

/** 반찬 세트: pick exactly one size, and up to two extras. */
const SIZE: OptionGroup = {
  id: 'size',
  name: '크기',
  minChoices: 1,
  maxChoices: 1,
  options: [
    { id: 'small', name: '소', priceDelta: 0 },
    { id: 'large', name: '대', priceDelta: 3000 },
  ],
};
const EXTRAS: OptionGroup = {
  id: 'extras',
  name: '추가',
  minChoices: 0,
  maxChoices: 2,
  options: [
    { id: 'egg', name: '계란', priceDelta: 500 },
    { id: 'ham', name: '햄', priceDelta: 1000 },
    { id: 'cheese', name: '치즈', priceDelta: 1500 },
  ],
};
const SET = item('set', 8000, { optionGroups: [SIZE, EXTRAS] });
const KIMCHI = item('kimchi', 12000);
const catalogue = new Map<string, MenuItem>([
  [SET.id, SET],
  [KIMCHI.id, KIMCHI],
]);

const line = (itemId: string, quantity = 1, optionIds: string[] = []): OrderLineInput => ({
  itemId,
  quantity,
  optionIds,
});

describe('priceOrder: totals', () => {
  it('prices a line as (base price + option deltas) × quantity, options named by group, in menu order', () => {
    const r = priceOrder(catalogue, [line('set', 2, ['ham', 'large']), line('kimchi', 3)], DATE);
    expect(r).toEqual({
      ok: true,
      total: (8000 + 3000 + 1000) * 2 + 12000 * 3,
      lines: [
        {
          itemId: 'set',
          name: '메뉴 set',
          quantity: 2,
          options: [
            { id: 'large', name: '크기: 대', priceDelta: 3000 },
            { id: 'ham', name: '추가: 햄', priceDelta: 1000 },
          ],
          unitPrice: 12000,
          lineTotal: 24000,
        },
        {
          itemId: 'kimchi',
          name: '메뉴 kimchi',
          quantity: 3,
          options: [],
          unitPrice: 12000,
          lineTotal: 36000,
        },
      ],
    });
  });

  it('the order in which option ids are sent does not change the price or the lines', () => {
    const a = priceOrder(catalogue, [line('set', 1, ['large', 'egg', 'cheese'])], DATE);
    const b = priceOrder(catalogue, [line('set', 1, ['cheese', 'large', 'egg'])], DATE);
    expect(a.ok && a.total).toBe(8000 + 3000 + 500 + 1500);
    expect(b).toEqual(a);
  });

  it('the same item may appear on several lines with different options', () => {
    const r = priceOrder(catalogue, [line('set', 1, ['small']), line('set', 1, ['large'])], DATE);
    expect(r.ok && r.total).toBe(8000 + 11000);
  });

  it('a client can never influence prices: lines carry no prices, and extra fields are ignored', () => {
    const sneaky = {
      itemId: 'kimchi',
      quantity: 1,
      optionIds: [],
      price: 1,
      unitPrice: 1,
      lineTotal: 1,
      total: 1,
    } as OrderLineInput;
    const r = priceOrder(catalogue, [sneaky], DATE);
    expect(r).toMatchObject({ ok: true, total: 12000 });
    expect(r.ok && r.lines[0]).toEqual({
      itemId: 'kimchi',
      name: '메뉴 kimchi',
      quantity: 1,
      options: [],
      unitPrice: 12000,
      lineTotal: 12000,
    });
    // The input type itself has no place for a price.
    const keys: (keyof OrderLineInput)[] = ['itemId', 'quantity', 'optionIds'];
    expect(Object.keys(line('kimchi')).sort()).toEqual([...keys].sort());
  });

  it('takes names and prices from the catalogue as it is now: a price change shows on the next pricing', () => {
    const dearer = new Map(catalogue).set('kimchi', { ...KIMCHI, price: 15000, name: '묵은지' });
    expect(priceOrder(dearer, [line('kimchi', 2)], DATE)).toMatchObject({
      ok: true,
      total: 30000,
      lines: [{ name: '묵은지', unitPrice: 15000 }],
    });
  });

  it('accepts a total of exactly MAX_WON', () => {
    const big = new Map([['big', item('big', MAX_WON / 4)]]);
    expect(priceOrder(big, [line('big', 4)], DATE)).toMatchObject({ ok: true, total: MAX_WON });
  });

  it('accepts exactly MAX_LINES lines and quantities 1 and MAX_QUANTITY', () => {
    const lines = Array.from({ length: MAX_LINES }, (_, i) => line('kimchi', i % 2 ? 1 : MAX_QUANTITY));
    const r = priceOrder(catalogue, lines, DATE);
    expect(r).toMatchObject({ ok: true, total: 12000 * (25 * MAX_QUANTITY + 25) });
  });
});

describe('priceOrder: each rejection reason', () => {
  it('empty_order: no lines at all', () => {
    expect(priceOrder(catalogue, [], DATE)).toEqual({ ok: false, problem: 'empty_order' });
  });

  it('empty_order: more than MAX_LINES (50) lines is refused as a whole', () => {
    expect(MAX_LINES).toBe(50);
    const lines = Array.from({ length: MAX_LINES + 1 }, () => line('kimchi'));
    expect(priceOrder(catalogue, lines, DATE)).toEqual({ ok: false, problem: 'empty_order' });
  });

  it('unknown_item: an id the catalogue does not have, naming it', () => {
    expect(priceOrder(catalogue, [line('kimchi'), line('ghost')], DATE)).toEqual({
      ok: false,
      problem: 'unknown_item',
      itemId: 'ghost',
    });
  });

  it('unknown_item: inherited object keys are not menu items', () => {
    expect(priceOrder(catalogue, [line('constructor')], DATE)).toMatchObject({ problem: 'unknown_item' });
    expect(priceOrder(catalogue, [line('__proto__')], DATE)).toMatchObject({ problem: 'unknown_item' });
  });

  it.each([0, -1, MAX_QUANTITY + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'invalid_quantity: %s is outside 1..99 or not whole',
    (q) => {
      expect(priceOrder(catalogue, [line('kimchi', q)], DATE)).toEqual({
        ok: false,
        problem: 'invalid_quantity',
        itemId: 'kimchi',
      });
    },
  );

  it('sold_out: sold out on the pickup date, yet available for a pickup on another date', () => {
    const cat = new Map(catalogue).set('kimchi', { ...KIMCHI, soldOutUntil: '2026-11-24' });
    const lines = [line('kimchi')];
    expect(priceOrder(cat, lines, '2026-11-23')).toEqual({
      ok: false,
      problem: 'sold_out',
      itemId: 'kimchi',
    });
    expect(priceOrder(cat, lines, '2026-11-24')).toEqual({
      ok: false,
      problem: 'sold_out',
      itemId: 'kimchi',
    });
    expect(priceOrder(cat, lines, '2026-11-25')).toMatchObject({ ok: true, total: 12000 });
  });

  it('sold_out: the pickup date decides, not the month or year boundary', () => {
    const cat = new Map(catalogue).set('kimchi', { ...KIMCHI, soldOutUntil: '2026-12-31' });
    expect(priceOrder(cat, [line('kimchi')], '2026-12-31')).toMatchObject({ problem: 'sold_out' });
    expect(priceOrder(cat, [line('kimchi')], '2027-01-01')).toMatchObject({ ok: true });
  });

  it('invalid_options: a required group left empty', () => {
    expect(priceOrder(catalogue, [line('set', 1, ['egg'])], DATE)).toEqual({
      ok: false,
      problem: 'invalid_options',
      itemId: 'set',
    });
    expect(priceOrder(catalogue, [line('set', 1, [])], DATE)).toMatchObject({ problem: 'invalid_options' });
  });

  it('invalid_options: more than a group allows', () => {
    expect(priceOrder(catalogue, [line('set', 1, ['small', 'large'])], DATE)).toMatchObject({
      problem: 'invalid_options',
    });
    expect(priceOrder(catalogue, [line('set', 1, ['small', 'egg', 'ham', 'cheese'])], DATE)).toMatchObject({
      problem: 'invalid_options',
    });
  });

  it('invalid_options: an option id the item does not have, even another item’s', () => {
    expect(priceOrder(catalogue, [line('set', 1, ['small', 'bacon'])], DATE)).toMatchObject({
      problem: 'invalid_options',
    });
    expect(priceOrder(catalogue, [line('kimchi', 1, ['large'])], DATE)).toMatchObject({
      problem: 'invalid_options',
      itemId: 'kimchi',
    });
  });

  it('invalid_options: the same option twice (it would be charged twice)', () => {
    expect(priceOrder(catalogue, [line('set', 1, ['large', 'egg', 'egg'])], DATE)).toMatchObject({
      problem: 'invalid_options',
    });
  });

  it('invalid_options: an unknown id cannot hide behind an option id that two groups share', () => {
    // isValidOptionGroup only checks ids within a group, so two groups may reuse an id.
    const shared = item('shared', 1000, {
      optionGroups: [
        {
          id: 'a',
          name: 'A',
          minChoices: 0,
          maxChoices: 1,
          options: [{ id: 'x', name: 'x', priceDelta: 100 }],
        },
        {
          id: 'b',
          name: 'B',
          minChoices: 0,
          maxChoices: 1,
          options: [{ id: 'x', name: 'x', priceDelta: 100 }],
        },
      ],
    });
    const cat = new Map([['shared', shared]]);
    expect(priceOrder(cat, [line('shared', 1, ['x', 'forged'])], DATE)).toMatchObject({
      ok: false,
      problem: 'invalid_options',
    });
    // One tap must not be charged in two groups: an ambiguous id is refused rather than guessed.
    expect(priceOrder(cat, [line('shared', 1, ['x'])], DATE)).toMatchObject({
      ok: false,
      problem: 'invalid_options',
    });
    expect(priceOrder(cat, [line('shared', 1, [])], DATE)).toMatchObject({ ok: true, total: 1000 });
  });

  it('total_too_large: one won over MAX_WON', () => {
    const cat = new Map([
      ['big', item('big', MAX_WON / 4)],
      ['one', item('one', 1)],
    ]);
    expect(priceOrder(cat, [line('big', 4), line('one')], DATE)).toEqual({
      ok: false,
      problem: 'total_too_large',
    });
  });

  it('total_too_large: a single line may already overflow', () => {
    const cat = new Map([['big', item('big', MAX_WON)]]);
    expect(priceOrder(cat, [line('big', 2)], DATE)).toEqual({ ok: false, problem: 'total_too_large' });
  });

  it('the first bad line decides the answer; nothing is partly priced', () => {
    const r = priceOrder(catalogue, [line('kimchi'), line('set', 1, []), line('ghost')], DATE);
    expect(r).toEqual({ ok: false, problem: 'invalid_options', itemId: 'set' });
  });
});

// ---------------------------------------------------------------------------------------------
// Generated catalogues: valid groups, option ids unique per item, and line choices that keep to
// each group's bounds. Prices are whole won.

interface Generated {
  items: MenuItem[];
}

const arbGroup = (itemIx: number, groupIx: number): fc.Arbitrary<OptionGroup> =>
  fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 4 }).chain((deltas) =>
    fc
      .integer({ min: 1, max: deltas.length })
      .chain((max) => fc.record({ max: fc.constant(max), min: fc.integer({ min: 0, max }) }))
      .map(({ min, max }) => ({
        id: `g${itemIx}.${groupIx}`,
        name: `그룹${groupIx}`,
        minChoices: min,
        maxChoices: max,
        options: deltas.map((priceDelta, k) => ({
          id: `o${itemIx}.${groupIx}.${k}`,
          name: `옵션${k}`,
          priceDelta,
        })),
      })),
  );

const arbCatalogue: fc.Arbitrary<Generated> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 3 })), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((specs) =>
    fc.tuple(
      ...specs.map(([price, groupCount], i) =>
        fc
          .tuple(...Array.from({ length: groupCount }, (_, g) => arbGroup(i, g)))
          .map((groups) => item(`item${i}`, price, { optionGroups: groups })),
      ),
    ),
  )
  .map((items) => ({ items }));

/** A valid choice for one group: between min and max of its options, as a subset. */
const arbChoice = (g: OptionGroup) =>
  fc.subarray(g.options, { minLength: g.minChoices, maxLength: g.maxChoices });

const arbLine = (it: MenuItem) =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: MAX_QUANTITY }),
      chosen: fc.tuple(...it.optionGroups.map(arbChoice)).map((cs) => cs.flat()),
    })
    .chain(({ quantity, chosen }) =>
      fc.shuffledSubarray(chosen, { minLength: chosen.length }).map((shuffled) => ({
        input: { itemId: it.id, quantity, optionIds: shuffled.map((o) => o.id) },
        expectedUnit: it.price + chosen.reduce((s, o) => s + o.priceDelta, 0),
      })),
    );

const arbOrder = arbCatalogue.chain(({ items }) =>
  fc
    .array(
      fc.constantFrom(...items).chain((it) => arbLine(it)),
      { minLength: 1, maxLength: MAX_LINES },
    )
    .map((lines) => ({ catalogue: new Map(items.map((i) => [i.id, i])), items, lines })),
);

describe('priceOrder: properties over generated catalogues', () => {
  it('generated option groups are well formed', () => {
    fc.assert(
      fc.property(arbCatalogue, ({ items }) => {
        for (const i of items) for (const g of i.optionGroups) expect(isValidOptionGroup(g)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('total = Σ (price + Σ deltas) × quantity over lines, or total_too_large past MAX_WON', () => {
    fc.assert(
      fc.property(arbOrder, ({ catalogue: cat, lines }) => {
        const expected = lines.reduce((s, l) => s + l.expectedUnit * l.input.quantity, 0);
        const r = priceOrder(
          cat,
          lines.map((l) => l.input),
          DATE,
        );
        if (expected > MAX_WON) {
          expect(r).toEqual({ ok: false, problem: 'total_too_large' });
          return;
        }
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.total).toBe(expected);
        expect(Number.isSafeInteger(r.total)).toBe(true);
        expect(r.lines).toHaveLength(lines.length);
        r.lines.forEach((pl, k) => {
          const l = lines[k]!;
          expect(pl.itemId).toBe(l.input.itemId);
          expect(pl.quantity).toBe(l.input.quantity);
          expect(pl.unitPrice).toBe(l.expectedUnit);
          expect(pl.lineTotal).toBe(pl.unitPrice * pl.quantity);
          expect(pl.unitPrice).toBe(
            cat.get(pl.itemId)!.price + pl.options.reduce((s, o) => s + o.priceDelta, 0),
          );
          expect(pl.options.map((o) => o.id).sort()).toEqual([...l.input.optionIds].sort());
        });
        expect(r.lines.reduce((s, pl) => s + pl.lineTotal, 0)).toBe(r.total);
      }),
      { numRuns: 300 },
    );
  });

  it('reordering option ids within any line never changes the result', () => {
    fc.assert(
      fc.property(
        arbOrder.chain((o) =>
          fc
            .tuple(
              ...o.lines.map((l) =>
                fc.shuffledSubarray(l.input.optionIds, { minLength: l.input.optionIds.length }),
              ),
            )
            .map((reordered) => ({ ...o, reordered })),
        ),
        ({ catalogue: cat, lines, reordered }) => {
          const a = priceOrder(
            cat,
            lines.map((l) => l.input),
            DATE,
          );
          const b = priceOrder(
            cat,
            lines.map((l, k) => ({ ...l.input, optionIds: reordered[k]! })),
            DATE,
          );
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adding a made-up option id to any line is always refused', () => {
    fc.assert(
      fc.property(
        arbOrder,
        fc.nat(),
        fc.string({ minLength: 1 }),
        ({ catalogue: cat, lines }, pick, forged) => {
          const known = new Set(
            [...cat.values()].flatMap((i) => i.optionGroups.flatMap((g) => g.options.map((o) => o.id))),
          );
          fc.pre(!known.has(forged));
          const k = pick % lines.length;
          const input = lines.map((l, j) =>
            j === k ? { ...l.input, optionIds: [...l.input.optionIds, forged] } : l.input,
          );
          const r = priceOrder(cat, input, DATE);
          // An earlier line may already push the total over the limit; otherwise line k is refused.
          expect(r.ok).toBe(false);
          if (!r.ok && r.problem !== 'total_too_large') {
            expect(r).toEqual({ ok: false, problem: 'invalid_options', itemId: lines[k]!.input.itemId });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('breaking any one group’s minChoices or maxChoices is always invalid_options', () => {
    const arbBroken = arbCatalogue
      .map(({ items }) => items.filter((i) => i.optionGroups.length > 0))
      .filter((items) => items.length > 0)
      .chain((items) => fc.constantFrom(...items))
      .chain((it) =>
        fc.tuple(
          fc.constant(it),
          fc.tuple(...it.optionGroups.map(arbChoice)),
          fc.nat({ max: it.optionGroups.length - 1 }),
          fc.boolean(),
        ),
      )
      .filter(([it, , g, tooMany]) => {
        const group = it.optionGroups[g]!;
        return tooMany ? group.maxChoices < group.options.length : group.minChoices > 0;
      });
    fc.assert(
      fc.property(arbBroken, ([it, choices, g, tooMany]) => {
        const group = it.optionGroups[g]!;
        const broken = choices.map((c, k) => {
          if (k !== g) return c;
          return tooMany
            ? group.options.slice(0, group.maxChoices + 1)
            : group.options.slice(0, group.minChoices - 1);
        });
        const optionIds = broken.flat().map((o) => o.id);
        const r = priceOrder(new Map([[it.id, it]]), [{ itemId: it.id, quantity: 1, optionIds }], DATE);
        expect(r).toEqual({ ok: false, problem: 'invalid_options', itemId: it.id });
      }),
      { numRuns: 200 },
    );
  });

  it('pricing reads the catalogue and lines without changing them', () => {
    fc.assert(
      fc.property(arbOrder, ({ catalogue: cat, items, lines }) => {
        const inputs = lines.map((l) => l.input);
        const before = JSON.stringify([items, inputs]);
        priceOrder(cat, inputs, DATE);
        expect(JSON.stringify([items, inputs])).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});

describe('quotas', () => {
  it('quotaLeft: unlimited is null; otherwise what is left, never below zero', () => {
    expect(quotaLeft({ dailyQuota: null }, 1000)).toBeNull();
    expect(quotaLeft({ dailyQuota: 10 }, 0)).toBe(10);
    expect(quotaLeft({ dailyQuota: 10 }, 7)).toBe(3);
    expect(quotaLeft({ dailyQuota: 10 }, 10)).toBe(0);
    expect(quotaLeft({ dailyQuota: 10 }, 12)).toBe(0);
  });

  it('quantitiesByItem sums an item over all its lines', () => {
    const m = quantitiesByItem([line('set', 2, ['small']), line('kimchi', 1), line('set', 3, ['large'])]);
    expect([...m.entries()].sort()).toEqual([
      ['kimchi', 1],
      ['set', 5],
    ]);
    expect(quantitiesByItem([]).size).toBe(0);
  });

  it('property: quantitiesByItem preserves the total quantity', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ itemId: fc.constantFrom('a', 'b', 'c'), quantity: fc.integer({ min: 1, max: 99 }) }),
        ),
        (lines) => {
          const m = quantitiesByItem(lines);
          const sum = (xs: Iterable<number>) => [...xs].reduce((s, x) => s + x, 0);
          expect(sum(m.values())).toBe(sum(lines.map((l) => l.quantity)));
          for (const [id, q] of m)
            expect(q).toBe(sum(lines.filter((l) => l.itemId === id).map((l) => l.quantity)));
        },
      ),
    );
  });
});
