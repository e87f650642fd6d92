import { describe, expect, it } from 'vitest';
import { createSessionStore, type Me } from '../../../src/app/shop/sessionStore';

const me: Me = {
  user: { id: 'u1', username: 'owner', role: 'owner' },
  shop: { id: 's1', slug: 'uri-banchan', name: '우리반찬' },
} as Me;

describe("the console's session store", () => {
  it('a tablet that remembers no one waits for the server, then is signed in', () => {
    const s = createSessionStore();
    expect(s.getState()).toEqual({ me: undefined, check: 'checking', endedByServer: false, failure: null });
    s.signedIn(me);
    expect(s.getState()).toEqual({ me, check: 'verified', endedByServer: false, failure: null });
  });

  it('#17: a remembered sign-in opens at once; an outage leaves it running, unverified, and asking again', () => {
    const s = createSessionStore();
    s.opened(me);
    expect(s.getState()).toMatchObject({ me, check: 'checking' });
    expect(s.unreachable('Failed to fetch')).toBe(true);
    expect(s.getState()).toEqual({ me, check: 'unverified', endedByServer: false, failure: null });
    s.signedIn(me);
    expect(s.getState().check).toBe('verified');
  });

  it('once verified, an outage changes nothing and stops asking (the sync banner tells it)', () => {
    const s = createSessionStore();
    s.signedIn(me);
    const before = s.getState();
    expect(s.unreachable('Failed to fetch')).toBe(false);
    expect(s.getState()).toBe(before);
  });

  it('no sign-in remembered and no server: the failure is shown until "try again"', () => {
    const s = createSessionStore();
    expect(s.unreachable('Failed to fetch')).toBe(true);
    expect(s.getState()).toMatchObject({ me: undefined, failure: 'Failed to fetch' });
    s.retrying();
    expect(s.getState().failure).toBeNull();
  });

  it('the server refusing a sign-in on screen ends it and says so; refusing no one says nothing', () => {
    const s = createSessionStore();
    s.opened(me);
    s.refused();
    expect(s.getState()).toEqual({ me: null, check: 'verified', endedByServer: true, failure: null });
    const fresh = createSessionStore();
    fresh.refused();
    expect(fresh.getState().endedByServer).toBe(false);
    // Signing in again clears the notice.
    s.signedIn(me);
    expect(s.getState().endedByServer).toBe(false);
  });

  it('tells subscribers of each change', () => {
    const s = createSessionStore();
    const seen: unknown[] = [];
    s.subscribe((st) => seen.push(st.me));
    s.opened(me);
    s.signedIn(null);
    expect(seen).toEqual([me, null]);
  });
});
