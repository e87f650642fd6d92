import webPush from 'web-push';
import type { Config } from '../config';
import type { Queryable } from '../storage/types';

export interface VapidKeys {
  /** base64url of the 65-byte uncompressed P-256 point: what browsers subscribe with. */
  publicKey: string;
  /** base64url of the 32-byte private scalar. */
  privateKey: string;
}

/**
 * The instance's key pair, made on first start and kept in the database for good: every browser
 * subscription is bound to this public key, so a new one would silently orphan them all.
 * Several processes may start at once on one PostgreSQL: each offers its own fresh pair, exactly
 * one insert wins (the table holds a single row), and every process then reads the winner.
 */
export async function loadOrCreateVapidKeys(db: Queryable): Promise<VapidKeys> {
  const stored = await readKeys(db);
  if (stored) return stored;
  const fresh = webPush.generateVAPIDKeys();
  await db.query(
    `insert into vapid_keys (singleton, public_key, private_key) values (true, $1, $2)
     on conflict (singleton) do nothing`,
    [fresh.publicKey, fresh.privateKey],
  );
  const winner = await readKeys(db);
  if (!winner) throw new Error('vapid_keys has no row right after inserting one');
  return winner;
}

async function readKeys(db: Queryable): Promise<VapidKeys | null> {
  const [row] = await db.query<{ public_key: string; private_key: string }>(
    'select public_key, private_key from vapid_keys where singleton',
  );
  return row ? { publicKey: row.public_key, privateKey: row.private_key } : null;
}

/**
 * The VAPID `sub` claim: how a push service's operator reaches whoever sends these messages, and
 * web-push accepts only an https: URL or a mailto: address. A shop that serves customers over
 * https (which push needs outside localhost anyway) is best reached at its own site; local
 * development on http gets a placeholder mailto, since http URLs are refused and Apple's service
 * refuses localhost URLs ("BadJwtToken").
 */
export function vapidSubject(config: Pick<Config, 'publicUrl'>): string {
  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    if (url.protocol === 'https:' && url.hostname !== 'localhost') return url.origin;
  }
  return 'mailto:webpush@localhost.invalid';
}
