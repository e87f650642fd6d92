import type { PaymentMethod } from '../../domain/checkout';
import { transferPayBy } from '../../domain/transferDeadline';
import type { Queryable } from '../storage/types';

/**
 * Issue #16 (5): a bank-transfer order is given its deadline as it is placed, from the shop's setting
 * read in the same transaction, and keeps it: a later change of the setting never moves a promise.
 */
export async function setTransferDeadline(
  tx: Queryable,
  shopId: string,
  orderId: string,
  order: { payment: PaymentMethod; date: string; slot: string | null },
  now: Date,
  timeZone: string,
): Promise<void> {
  if (order.payment !== 'bank_transfer') return;
  const [shop] = await tx.query<{ minutes: number }>(
    'select transfer_deadline_minutes as minutes from shops where id = $1',
    [shopId],
  );
  if (!shop) throw new Error(`shop ${shopId} vanished`);
  const payBy = transferPayBy({ createdAt: now, date: order.date, slot: order.slot }, shop.minutes, timeZone);
  await tx.query('update orders set pay_by = $2 where id = $1', [orderId, payBy.toISOString()]);
}
