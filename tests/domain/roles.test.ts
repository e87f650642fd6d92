import { describe, expect, it } from 'vitest';
import { can, type Permission } from '../../src/domain/roles';

describe('roles', () => {
  const all: Permission[] = [
    'orders.handle',
    'menu.soldOut',
    'menu.edit',
    'settings.read',
    'settings.edit',
    'staff.manage',
  ];

  it('the owner may do everything', () => {
    for (const p of all) expect(can('owner', p), p).toBe(true);
  });

  it('staff run the counter but never touch prices, settings or accounts', () => {
    expect(all.filter((p) => can('staff', p))).toEqual(['orders.handle', 'menu.soldOut', 'settings.read']);
  });
});
