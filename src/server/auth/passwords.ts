import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt with N = 2^17, r = 8, p = 1 (OWASP's recommendation): ~128 MiB and a noticeable fraction of
 * a second per guess, which is what makes a stolen table expensive to crack. The parameters travel in
 * the stored string, so they can be raised later without breaking old hashes.
 */
export const SCRYPT = { logN: 17, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number, keyLength: number) {
  const N = 2 ** logN;
  // Node's default 32 MiB ceiling is below what N=2^17, r=8 needs (128·N·r bytes).
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * "scrypt$17$8$1$<salt>$<hash>", both base64url. `logN` is SCRYPT's everywhere but in tests, which
 * lower it through Config.passwordLogN so hundreds of sign-ups do not take minutes; the stored string
 * names its own cost, so verifying is the same code either way.
 */
export async function hashPassword(password: string, logN: number = SCRYPT.logN): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, logN, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ['scrypt', logN, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await derive(
    password,
    Buffer.from(saltText, 'base64url'),
    Number(logN),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/**
 * A login for an unknown user still pays for one hash, so response time does not reveal which
 * user names exist.
 */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dangol-timing-equaliser');
  await verifyPassword(password, await dummyHash);
}
