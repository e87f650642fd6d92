import type { ClientDb } from './db';

/** The secret in an order's share link stays on the phone that placed it (the server has only its hash). */
export async function rememberShareSecret(db: ClientDb, orderId: string, secret: string): Promise<void> {
  await db.setMeta(`share:${orderId}`, secret);
}

export async function shareSecretOf(db: ClientDb, orderId: string): Promise<string | undefined> {
  return db.getMeta<string>(`share:${orderId}`);
}
