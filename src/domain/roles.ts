/**
 * Who may do what in a shop. The owner runs the business; staff run the counter. Staff may mark an
 * item sold out (the kitchen knows first) but never touch prices, settings or other accounts.
 */
export type Role = 'owner' | 'staff';
export const ROLES: readonly Role[] = ['owner', 'staff'];

export type Permission =
  | 'orders.handle'
  | 'menu.soldOut'
  | 'menu.edit'
  | 'settings.read'
  | 'settings.edit'
  | 'staff.manage'
  /** Sales figures, exports and the shop's backup: the owner's business. */
  | 'sales.read'
  /** Sell a gift voucher and confirm its payment (issue #7). */
  | 'vouchers.issue'
  /** Accept a gift voucher at the counter. */
  | 'vouchers.redeem';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set<Permission>([
    'orders.handle',
    'menu.soldOut',
    'menu.edit',
    'settings.read',
    'settings.edit',
    'staff.manage',
    'sales.read',
    'vouchers.issue',
    'vouchers.redeem',
  ]),
  staff: new Set<Permission>(['orders.handle', 'menu.soldOut', 'settings.read', 'vouchers.redeem']),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
