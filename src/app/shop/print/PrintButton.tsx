import type { Order } from '../../../domain/order';

/** Prints an order's kitchen slip or receipt (print/ owns it). */
export function PrintButton(_props: { order: Order; shopName: string }) {
  return null;
}
