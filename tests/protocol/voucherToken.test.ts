import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VoucherClaims } from '../../src/domain/voucher';
import {
  encodeVoucherPayload,
  fromBase64Url,
  joinToken,
  readVoucherToken,
  signingInput,
  toBase64Url,
  verifyVoucherToken,
} from '../../src/protocol/voucher';

const DAY = 86_400_000;

/** A shop's key pair, made the way the server makes it (node:crypto). */
function shopKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { privateKey, publicKey: x };
}

function signToken(claims: VoucherClaims, key: KeyObject): string {
  const payload = encodeVoucherPayload(claims);
  return joinToken(payload, sign(null, signingInput(payload), key));
}

function claims(shopId: string, extra: Partial<VoucherClaims> = {}): VoucherClaims {
  const now = Math.floor(Date.now() / 1000) * 1000;
  return {
    id: randomUUID(),
    shopId,
    won: 30_000,
    item: null,
    issuedAt: now,
    expiresAt: now + 365 * DAY,
    ...extra,
  };
}

describe('voucher token (Ed25519, WebCrypto verify)', () => {
  const shopId = randomUUID();
  const key = shopKey();

  it('verifies a token the shop signed, and reads back the same claims', async () => {
    const c = claims(shopId, { item: { id: randomUUID(), name: '불고기 "500g", 한 팩' } });
    const token = signToken(c, key.privateKey);
    expect(token.length).toBeLessThan(400);
    const r = await verifyVoucherToken(token, { id: shopId, publicKey: key.publicKey }, Date.now());
    expect(r).toEqual({ ok: true, claims: c });
  });

  it('refuses a tampered token: a raised value under the old signature', async () => {
    const c = claims(shopId);
    const token = signToken(c, key.privateKey);
    const sig = token.split('.')[1]!;
    const forged = `${encodeVoucherPayload({ ...c, won: 300_000 })}.${sig}`;
    const r = await verifyVoucherToken(forged, { id: shopId, publicKey: key.publicKey }, Date.now());
    expect(r).toEqual({ ok: false, code: 'voucher_forged' });
    // One flipped bit anywhere in the signature is refused too.
    const bytes = fromBase64Url(sig)!;
    bytes[10]! ^= 1;
    const flipped = `${token.split('.')[0]}.${toBase64Url(bytes)}`;
    expect((await verifyVoucherToken(flipped, { id: shopId, publicKey: key.publicKey }, Date.now())).ok).toBe(
      false,
    );
  });

  it("refuses a token signed by another shop's key", async () => {
    const other = shopKey();
    const token = signToken(claims(shopId), other.privateKey);
    const r = await verifyVoucherToken(token, { id: shopId, publicKey: key.publicKey }, Date.now());
    expect(r).toEqual({ ok: false, code: 'voucher_forged' });
  });

  it("refuses another shop's genuine voucher at this shop", async () => {
    const otherShop = randomUUID();
    const token = signToken(claims(otherShop), key.privateKey);
    const r = await verifyVoucherToken(token, { id: shopId, publicKey: key.publicKey }, Date.now());
    expect(r.ok === false && r.code).toBe('voucher_other_shop');
  });

  it('says expired from the expiry instant on, still naming the voucher', async () => {
    const c = claims(shopId);
    const token = signToken(c, key.privateKey);
    const shop = { id: shopId, publicKey: key.publicKey };
    expect((await verifyVoucherToken(token, shop, c.expiresAt - 1000)).ok).toBe(true);
    const r = await verifyVoucherToken(token, shop, c.expiresAt);
    expect(r).toEqual({ ok: false, code: 'voucher_expired', claims: c });
  });

  it('calls junk malformed, never throws', async () => {
    const shop = { id: shopId, publicKey: key.publicKey };
    for (const junk of ['', 'abc', 'a.b', `${'A'.repeat(40)}.${'B'.repeat(86)}`, '💥'.repeat(300)]) {
      expect(await verifyVoucherToken(junk, shop, Date.now())).toEqual({
        ok: false,
        code: 'voucher_malformed',
      });
    }
    expect(readVoucherToken(`${toBase64Url(new TextEncoder().encode('[2]'))}.${'A'.repeat(86)}`)).toBeNull();
  });

  it('a bad public key means forged, not a crash', async () => {
    const token = signToken(claims(shopId), key.privateKey);
    const r = await verifyVoucherToken(token, { id: shopId, publicKey: 'not-a-key' }, Date.now());
    expect(r).toEqual({ ok: false, code: 'voucher_forged' });
  });
});
