import { createHash, timingSafeEqual } from 'node:crypto';

/** The server keeps only the digest of a share link's secret: a leaked table opens no order. */
export function shareHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function shareSecretMatches(secret: string, stored: string | null): boolean {
  if (stored === null) return false;
  const a = Buffer.from(shareHash(secret));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
