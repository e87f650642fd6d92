import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import type { Queryable } from '../storage/types';
import { encodeVoucherPayload, joinToken, signingInput } from '../../protocol/voucher';
import type { VoucherClaims } from '../../domain/voucher';

/**
 * The shop's voucher signing key. Made with node:crypto on first use (Ed25519: 32-byte keys, 64-byte
 * signatures, so a token fits a QR code a phone camera reads easily). The private key stays in
 * shop_signing_keys; only the public key is ever returned.
 */
async function keyRow(tx: Queryable, shopId: string) {
  const [row] = await tx.query<{ private_key: string; public_key: string }>(
    'select private_key, public_key from shop_signing_keys where shop_id = $1',
    [shopId],
  );
  if (row) return row;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const raw = publicKey.export({ format: 'jwk' }).x!;
  // Two first uses at once: one insert wins, both read the winner.
  await tx.query(
    `insert into shop_signing_keys (shop_id, private_key, public_key) values ($1, $2, $3)
     on conflict (shop_id) do nothing`,
    [shopId, pem, raw],
  );
  const [won] = (await tx.query<{ private_key: string; public_key: string }>(
    'select private_key, public_key from shop_signing_keys where shop_id = $1',
    [shopId],
  )) as [{ private_key: string; public_key: string }];
  return won;
}

export async function shopPublicKey(tx: Queryable, shopId: string): Promise<string> {
  return (await keyRow(tx, shopId)).public_key;
}

export async function signVoucher(tx: Queryable, claims: VoucherClaims): Promise<string> {
  const { private_key } = await keyRow(tx, claims.shopId);
  const payload = encodeVoucherPayload(claims);
  return joinToken(payload, sign(null, signingInput(payload), createPrivateKey(private_key)));
}
