import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../storage/types';
import { newToken, tokenDigest } from './tokens';

/**
 * A customer's phone proves itself with "<deviceId>.<secret>". No name or phone number is needed to
 * browse; the device id is what scopes a customer's orders, chats and vouchers.
 */
export async function registerDevice(db: Queryable): Promise<{ deviceId: string; token: string }> {
  const deviceId = randomUUID();
  const secret = newToken();
  await db.query('insert into devices (id, token_hash) values ($1, $2)', [deviceId, tokenDigest(secret)]);
  return { deviceId, token: `${deviceId}.${secret}` };
}

const HEADER_PATTERN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export async function resolveDevice(
  db: Queryable,
  header: string,
): Promise<{ deviceId: string; createdAt: Date } | null> {
  const m = HEADER_PATTERN.exec(header);
  if (!m) return null;
  const [, deviceId, secret] = m as unknown as [string, string, string];
  const [row] = await db.query<{ token_hash: string; created_at: Date }>(
    'select token_hash, created_at from devices where id = $1',
    [deviceId],
  );
  if (!row) return null;
  const a = Buffer.from(row.token_hash, 'hex');
  const b = Buffer.from(tokenDigest(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? { deviceId, createdAt: row.created_at } : null;
}
