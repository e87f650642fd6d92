import { describe, expect, it } from 'vitest';
import { reaches, type PokeEvent } from '../../src/server/sync/pokeHub';

describe('who a poke reaches (S8, S13)', () => {
  const base: PokeEvent = { shopId: 's', version: 7, deviceIds: ['a'], public: false };
  const shop = { kind: 'shop' } as const;
  const a = { kind: 'device', deviceId: 'a' } as const;
  const b = { kind: 'device', deviceId: 'b' } as const;

  it("a change to device A's order reaches the shop and A, never B", () => {
    expect([reaches(base, shop), reaches(base, a), reaches(base, b)]).toEqual([true, true, false]);
  });

  it('a public change (menu, sold out) reaches every device', () => {
    expect(reaches({ ...base, deviceIds: [], public: true }, b)).toBe(true);
  });

  it('a receipt reaches only its customers: poking the shop would send it to pull again, in a loop', () => {
    const receipt = { ...base, devicesOnly: true };
    expect([reaches(receipt, shop), reaches(receipt, a), reaches(receipt, b)]).toEqual([false, true, false]);
  });
});
