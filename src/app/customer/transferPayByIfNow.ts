import { TRANSFER_DEADLINE_DEFAULT, transferPayBy } from '../../domain/transferDeadline';

/**
 * The deadline a transfer order would get if placed this moment, with the server's own rule
 * (domain/transferDeadline): shown on the review step so the customer knows before the final tap.
 */
export function transferPayByIfNow(
  order: { date: string; slot: string | null },
  minutes: number | undefined,
  timeZone: string,
): string | undefined {
  if (!order.date) return undefined;
  return transferPayBy(
    { createdAt: new Date(), date: order.date, slot: order.slot },
    minutes ?? TRANSFER_DEADLINE_DEFAULT,
    timeZone,
  ).toISOString();
}
