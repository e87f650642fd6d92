import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT, verifyPassword } from '../../src/server/auth/passwords';
import { configFromEnv, DEFAULT_LIMITS } from '../../src/server/config';
import { drivers, dropTestSchemas } from '../support/drivers';
import { json, sessionCookie, startTestApp, type TestApp } from '../support/testApp';
import { inviteToken, makeWorld, PASSWORD, type World } from '../support/world';

afterAll(dropTestSchemas);

describe('password hashing', () => {
  it('uses scrypt N=2^17, r=8, p=1 with a fresh salt per hash', async () => {
    expect(SCRYPT).toMatchObject({ logN: 17, r: 8, p: 1 });
    // New passwords get that cost outside tests: nothing in the environment lowers it.
    expect(configFromEnv({}).passwordLogN).toBe(SCRYPT.logN);
    expect(configFromEnv({ PASSWORD_LOGN: '4', SCRYPT_LOGN: '4' }).passwordLogN).toBe(17);
    const [a, b] = await Promise.all([hashPassword('같은 비밀번호'), hashPassword('같은 비밀번호')]);
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong or malformed one', async () => {
    const h = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('correct hors', h)).toBe(false);
    expect(await verifyPassword('correct horse', 'bcrypt$whatever')).toBe(false);
  });

  it('treats canonically equal Hangul the same (NFC): a tablet and a phone type 한 differently', async () => {
    const h = await hashPassword('비밀번호한글');
    expect(await verifyPassword('비밀번호한글'.normalize('NFD'), h)).toBe(true);
  });
});

describe.each(drivers)('accounts on $name', (driver) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(driver, {
      limits: {
        ...DEFAULT_LIMITS,
        loginFailuresPerAccount: { max: 3, windowSec: 600 },
        loginPerIp: { max: 1000, windowSec: 600 },
      },
    });
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, slug = 'shop-one', remoteAddress = '127.0.0.1') =>
    json(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { slug, username, password },
      remoteAddress,
    });

  it('logs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await login('owner', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dangol_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(res.json()).toMatchObject({
      user: { username: 'owner', role: 'owner' },
      shop: { slug: 'shop-one' },
    });
  });

  it('answers a wrong password and an unknown user with the same 401 bad_credentials', async () => {
    const wrong = await login('owner', 'not the password', 'shop-two');
    const unknown = await login('nobody', 'not the password', 'shop-two');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'bad_credentials' });
  });

  it('stores only a digest of the session token', async () => {
    const res = await login('owner', PASSWORD);
    const token = sessionCookie(res).split('=')[1]!;
    const rows = await t.storage.query('select 1 from sessions where id = $1', [token]);
    expect(rows).toEqual([]);
  });

  it('refuses an expired session with session_expired and clears the cookie', async () => {
    const cookie = sessionCookie(await login('owner', PASSWORD));
    expect((await json(t.app, { method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
    await t.storage.query(
      `update sessions set expires_at = now() - interval '1 second' where revoked_at is null and user_id = $1`,
      [w.shop1.ownerId],
    );
    const res = await json(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'session_expired' });
    expect(res.cookies.find((c) => c.name === 'dangol_session')?.value).toBe('');
    w.actors.owner1.cookie = sessionCookie(await login('owner', PASSWORD));
  });

  it('extends a session used in the second half of its life', async () => {
    const cookie = sessionCookie(await login('owner', PASSWORD));
    await t.storage.query(
      `update sessions set expires_at = now() + interval '2 days' where id = (select id from sessions where user_id = $1 order by created_at desc limit 1)`,
      [w.shop1.ownerId],
    );
    const res = await json(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(res.statusCode).toBe(200);
    const renewed = res.cookies.find((c) => c.name === 'dangol_session')!;
    expect(renewed.expires!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it('revokes the session on logout', async () => {
    const cookie = sessionCookie(await login('owner', PASSWORD));
    expect(
      (await json(t.app, { method: 'POST', url: '/api/auth/logout', cookie, payload: {} })).statusCode,
    ).toBe(200);
    const res = await json(t.app, { method: 'GET', url: '/api/auth/me', cookie });
    expect(res.statusCode).toBe(401);
  });

  it('changing the password keeps this session, ends the others, and retires the old password', async () => {
    const token = await inviteToken(t, w.actors.owner1.cookie!);
    const joined = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token, username: 'changer', password: PASSWORD },
    });
    const here = sessionCookie(joined);
    const elsewhere = sessionCookie(await login('changer', PASSWORD));
    const wrong = await json(t.app, {
      method: 'POST',
      url: '/api/auth/password',
      cookie: here,
      payload: { currentPassword: 'wrong wrong', newPassword: 'new password 1' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password' });
    const ok = await json(t.app, {
      method: 'POST',
      url: '/api/auth/password',
      cookie: here,
      payload: { currentPassword: PASSWORD, newPassword: 'new password 1' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await json(t.app, { method: 'GET', url: '/api/auth/me', cookie: here })).statusCode).toBe(200);
    expect((await json(t.app, { method: 'GET', url: '/api/auth/me', cookie: elsewhere })).statusCode).toBe(
      401,
    );
    expect((await login('changer', PASSWORD)).statusCode).toBe(401);
    expect((await login('changer', 'new password 1')).statusCode).toBe(200);
  });

  it('refuses a too-short new password with password_too_short', async () => {
    const res = await json(t.app, {
      method: 'POST',
      url: '/api/auth/password',
      cookie: w.actors.owner1.cookie,
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'password_too_short', fields: ['newPassword'] });
  });

  it('an invite works once; a second use and an expired invite are refused', async () => {
    const token = await inviteToken(t, w.actors.owner1.cookie!);
    const peek = await json(t.app, { method: 'POST', url: '/api/invites/inspect', payload: { token } });
    expect(peek.json()).toEqual({ shopName: '가게 shop-one', role: 'staff' });
    const first = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token, username: 'once', password: PASSWORD },
    });
    expect(first.statusCode).toBe(201);
    const again = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token, username: 'twice', password: PASSWORD },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'invite_invalid' });

    const old = await inviteToken(t, w.actors.owner1.cookie!);
    await t.storage.query(
      `update invites set expires_at = now() - interval '1 minute' where used_at is null`,
    );
    const expired = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token: old, username: 'late', password: PASSWORD },
    });
    expect(expired.statusCode).toBe(410);
  });

  it('two people racing for one invite: exactly one joins', async () => {
    const token = await inviteToken(t, w.actors.owner1.cookie!);
    const results = await Promise.all(
      ['racer-a', 'racer-b'].map((username) =>
        json(t.app, {
          method: 'POST',
          url: '/api/invites/accept',
          payload: { token, username, password: PASSWORD },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 410]);
  });

  it('a taken user name leaves the invite unused for a second try', async () => {
    const token = await inviteToken(t, w.actors.owner1.cookie!);
    const taken = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token, username: 'staff', password: PASSWORD },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'username_taken' });
    const retry = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token, username: 'staff-two', password: PASSWORD },
    });
    expect(retry.statusCode).toBe(201);
  });

  it('staff may mark sold out but not change prices, settings or staff', async () => {
    const staff = w.actors.staff1.cookie;
    const soldOut = await json(t.app, {
      method: 'PATCH',
      url: `/api/shop/items/${w.shop1.itemId}`,
      cookie: staff,
      payload: { soldOutUntil: '2026-11-23' },
    });
    expect(soldOut.statusCode).toBe(200);
    expect(soldOut.json()).toMatchObject({ soldOutUntil: '2026-11-23', price: 5000 });
    const price = await json(t.app, {
      method: 'PATCH',
      url: `/api/shop/items/${w.shop1.itemId}`,
      cookie: staff,
      payload: { price: 100 },
    });
    expect(price.statusCode).toBe(403);
    expect(price.json()).toMatchObject({ code: 'owner_only' });
    const settings = await json(t.app, {
      method: 'PATCH',
      url: '/api/shop/settings',
      cookie: staff,
      payload: { name: 'mine now' },
    });
    expect(settings.statusCode).toBe(403);
    const invite = await json(t.app, {
      method: 'POST',
      url: '/api/shop/invites',
      cookie: staff,
      payload: {},
    });
    expect(invite.statusCode).toBe(403);
    const [item] = await t.storage.query<{ price: number }>('select price from menu_items where id = $1', [
      w.shop1.itemId,
    ]);
    expect(item!.price).toBe(5000);
  });

  it('removing a staff member ends their sessions and their login; the owner cannot be removed', async () => {
    const token = await inviteToken(t, w.actors.owner1.cookie!);
    const joined = await json(t.app, {
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token, username: 'leaver', password: PASSWORD },
    });
    const leaver = joined.json() as { user: { id: string } };
    const cookie = sessionCookie(joined);
    const del = await json(t.app, {
      method: 'DELETE',
      url: `/api/shop/staff/${leaver.user.id}`,
      cookie: w.actors.owner1.cookie,
    });
    expect(del.statusCode).toBe(200);
    expect((await json(t.app, { method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
    expect((await login('leaver', PASSWORD)).statusCode).toBe(401);
    const owner = await json(t.app, {
      method: 'DELETE',
      url: `/api/shop/staff/${w.shop1.ownerId}`,
      cookie: w.actors.owner1.cookie,
    });
    expect(owner.statusCode).toBe(409);
    expect(owner.json()).toMatchObject({ code: 'cannot_remove_owner' });
  });

  it('signup refuses a reserved, malformed or taken shop ID with a clear code', async () => {
    const attempt = (slug: string) =>
      json(t.app, {
        method: 'POST',
        url: '/api/shops',
        payload: { shopName: 'x', slug, username: 'owner', password: PASSWORD },
      });
    for (const bad of ['api', 'Shop-One', 'a', '-abc', 'abc-', 'a--b', '가게']) {
      const res = await attempt(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json(), bad).toMatchObject({ code: 'slug_invalid', fields: ['slug'] });
    }
    const taken = await attempt('shop-one');
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'slug_taken' });
  });

  it('rate-limits failed logins per account with 429, a message and Retry-After', async () => {
    await t.storage.query('delete from rate_limits');
    for (let i = 0; i < 3; i++)
      expect((await login('owner', `guess ${i}`, 'shop-two', `10.0.0.${i}`)).statusCode).toBe(401);
    const limited = await login('owner', PASSWORD, 'shop-two', '10.0.0.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('잠시 후'),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is unaffected.
    expect((await login('owner', PASSWORD, 'shop-one', '10.0.0.9')).statusCode).toBe(200);
  });

  it('registers a customer device whose token proves it and nothing else', async () => {
    const res = await json(t.app, { method: 'GET', url: '/api/devices/me', device: w.actors.deviceA.device });
    expect(res.statusCode).toBe(200);
    const [id, secret] = w.actors.deviceA.device!.split('.') as [string, string];
    expect(res.json()).toMatchObject({ deviceId: id });
    const forged = await json(t.app, {
      method: 'GET',
      url: '/api/devices/me',
      device: `${id}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`,
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'device_invalid' });
  });
});

describe.each(drivers)('rate limit per address on $name', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver, { limits: { ...DEFAULT_LIMITS, loginPerIp: { max: 2, windowSec: 600 } } });
  });
  afterAll(() => t.close());

  it('refuses the third login attempt from one address, in English when asked', async () => {
    const attempt = () =>
      json(t.app, {
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.7',
        headers: { 'accept-language': 'en-US,en;q=0.9' },
        payload: { slug: 'nope', username: 'xx', password: 'y' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const third = await attempt();
    expect(third.statusCode).toBe(429);
    expect(third.json()).toEqual({
      code: 'rate_limited',
      message: 'Too many attempts. Please wait and try again.',
    });
  });
});

describe('secure cookies behind https', () => {
  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const t = await startTestApp(drivers[0]!, { publicUrl: 'https://order.example.kr' });
    try {
      const res = await json(t.app, {
        method: 'POST',
        url: '/api/shops',
        payload: { shopName: 'https 가게', slug: 'secure-shop', username: 'owner', password: PASSWORD },
      });
      expect(res.statusCode).toBe(201);
      expect(res.cookies.find((c) => c.name === 'dangol_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      await t.close();
    }
  });
});
