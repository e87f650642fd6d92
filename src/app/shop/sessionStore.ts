import type { RouteResponse } from '../../protocol/routes';
import { createStore, type ReadableStore } from '../../ui/store';

/** Who is signed in on this tablet. */
export type Me = RouteResponse<'me'>;

/**
 * Where the console's sign-in stands. `me` is undefined only while a tablet that remembers no one
 * asks the server; a tablet that remembers its sign-in opens on it at once (issue #17: a tablet that
 * restarts during an outage must not go dark) and the server re-checks it when it can be reached.
 * - `checking`: the server has not answered yet; `unverified`: it could not be reached (the console
 *   runs from the device and says so); `verified`: it confirmed the sign-in since this page opened.
 * - `endedByServer`: the server refused the sign-in this tablet remembered (expired, revoked, password
 *   changed elsewhere): the sign-in form says so.
 * - `failure`: no sign-in is remembered and the server cannot be reached: the words to show.
 */
export interface Session {
  me: Me | null | undefined;
  check: 'checking' | 'unverified' | 'verified';
  endedByServer: boolean;
  failure: string | null;
}

/** The session's transitions; session.ts does the talking to the server and the remembering. */
export interface SessionStore extends ReadableStore<Session> {
  /** The page opens on the sign-in this tablet remembers, until the server says otherwise. */
  opened(remembered: Me): void;
  /** A sign-in the server just gave or confirmed; `null` is a sign-out. */
  signedIn(me: Me | null): void;
  /** The server refused the sign-in (401): signed out, and said so if one was on screen. */
  refused(): void;
  /**
   * The server could not be reached. Returns whether to keep asking: not once the server confirmed the
   * sign-in (a later outage is the sync banner's to tell, and a refused sync asks again).
   */
  unreachable(failure: string): boolean;
  /** "Try again" on the no-sign-in, server-unreachable screen. */
  retrying(): void;
}

export function createSessionStore(): SessionStore {
  const store = createStore<Session>(() => ({
    me: undefined,
    check: 'checking',
    endedByServer: false,
    failure: null,
  }));
  const set = store.setState;
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    opened: (me) => set({ me, check: 'checking' }),
    signedIn: (me) => set({ me, check: 'verified', endedByServer: false, failure: null }),
    refused: () => set((s) => ({ me: null, check: 'verified', endedByServer: Boolean(s.me), failure: null })),
    unreachable(failure) {
      const { me, check } = store.getState();
      if (me && check === 'verified') return false;
      if (me) set({ check: 'unverified' });
      else set({ me: undefined, failure });
      return true;
    },
    retrying: () => set({ failure: null }),
  };
}
