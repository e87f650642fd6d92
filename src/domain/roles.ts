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
  | 'sales.read';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set<Permission>([
    'orders.handle',
    'menu.soldOut',
    'menu.edit',
    'settings.read',
    'settings.edit',
    'staff.manage',
    'sales.read',
  ]),
  staff: new Set<Permission>(['orders.handle', 'menu.soldOut', 'settings.read']),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
