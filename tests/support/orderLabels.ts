import { expect } from 'vitest';
import { orderLabel } from '../../src/i18n/orderLabel';
import type { Lang } from '../../src/protocol/lang';
import type { Storage } from '../../src/server/storage/types';

/**
 * What the screens call an order (issue #16), for finding it by role and name in browser tests: the
 * server's number for the day once it has the order, a provisional label before.
 */

/** The server's number for the order, waiting (up to `timeoutMs`) until the order reaches the server. */
export async function numberOf(storage: Storage, orderId: string, timeoutMs = 15_000): Promise<number> {
  let number: number | null = null;
  await expect
    .poll(
      async () => {
        const [row] = await storage.query<{ number: number | null }>(
          'select number from orders where id = $1',
          [orderId],
        );
        number = row?.number ?? null;
        return number;
      },
      { timeout: timeoutMs },
    )
    .not.toBeNull();
  return number!;
}

/** "23번" (or "No. 23"): the label of an order the server has, once it has it. */
export async function serverLabel(storage: Storage, orderId: string, lang: Lang = 'ko'): Promise<string> {
  return orderLabel({ id: orderId, number: await numberOf(storage, orderId) }, lang);
}

/** "임시 K7Q2" (or "Temp K7Q2"): the label of an order only on a device so far. */
export function tempLabel(orderId: string, lang: Lang = 'ko'): string {
  return orderLabel({ id: orderId }, lang);
}
