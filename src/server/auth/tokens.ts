import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters, unguessable, safe in cookies, headers and URLs. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this digest, so the database never holds a usable credential. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
