import { retryDelayMs } from '../../client/backoff';
import { ApiCallError, call } from '../../client/api';
import { SHOP_UNAUTHORIZED_EVENT } from '../../client/transport';
import { getLang } from '../../i18n';
import { useStore } from '../../ui/store';
import { createSessionStore, type Me, type Session } from './sessionStore';

export type { Me, Session };

/**
 * The tablet's memory of its sign-in: shop, user and role, never the session token (an HttpOnly
 * cookie). Forgotten on sign-out.
 */
const SESSION_KEY = 'dangol.shopSession';
/**
 * The shop whose database this tablet keeps (id and name, nothing secret). Kept after sign-out, so
 * the sign-in form can say that unsent changes are still on the device and offer them as a file.
 */
const DEVICE_SHOP_KEY = 'dangol.shopDevice';

export interface DeviceShop {
  id: string;
  name: string;
}

function readJson<T>(key: string, valid: (v: unknown) => v is T): T | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return valid(v) ? v : null;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isMe = (v: unknown): v is Me =>
  isObject(v) &&
  isObject(v.user) &&
  isObject(v.shop) &&
  isStr(v.user.id) &&
  isStr(v.user.username) &&
  (v.user.role === 'owner' || v.user.role === 'staff') &&
  isStr(v.shop.id) &&
  isStr(v.shop.slug) &&
  isStr(v.shop.name);
const isDeviceShop = (v: unknown): v is DeviceShop => isObject(v) && isStr(v.id) && isStr(v.name);

/** The sign-in this tablet remembers, if any. */
export function rememberedMe(): Me | null {
  return readJson(SESSION_KEY, isMe);
}

/** The shop whose database (and maybe unsent changes) this tablet holds, signed in or not. */
export function deviceShop(): DeviceShop | null {
  return readJson(DEVICE_SHOP_KEY, isDeviceShop);
}

function remember(me: Me | null): void {
  try {
    if (me) {
      localStorage.setItem(SESSION_KEY, JSON.stringify({ user: me.user, shop: me.shop }));
      localStorage.setItem(DEVICE_SHOP_KEY, JSON.stringify({ id: me.shop.id, name: me.shop.name }));
    } else localStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage full or blocked: the console still works; it just cannot open offline next time.
  }
}

/** The console's sign-in, one per page. */
const session = createSessionStore();

/**
 * Signs in or out on this tablet: a sign-in the server just gave (login, invite, a settings change)
 * is verified; `null` is a sign-out. Signing out forgets only who was signed in: the device's
 * database and its outbox stay, and are sent after the next sign-in to the same shop.
 */
export function setMe(next: Me | null): void {
  remember(next);
  session.signedIn(next);
}

export function useSession(): Session {
  return useStore(session, (s) => s);
}

export function useMe(): Me | null | undefined {
  return useSession().me;
}

let inFlight = false;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Asks the server who is signed in (GET /api/auth/me). A 401 signs out — and says so when a sign-in
 * was on screen; a server that cannot be reached leaves the console running from the device and
 * asks again with backoff until it answers.
 */
export async function checkSession(): Promise<void> {
  if (inFlight) return;
  inFlight = true;
  clearTimeout(retryTimer);
  try {
    const me = await call('me', { lang: getLang() });
    failures = 0;
    setMe(me);
  } catch (err) {
    if (err instanceof ApiCallError && err.status === 401) {
      failures = 0;
      remember(null);
      session.refused();
    } else {
      failures++;
      const failure = err instanceof Error ? err.message : String(err);
      // Once the server has confirmed the sign-in, a later outage is the sync banner's to tell, and a
      // refused sync asks again (SHOP_UNAUTHORIZED_EVENT); until then, keep asking with backoff.
      if (!session.unreachable(failure)) return;
      retryTimer = setTimeout(() => void checkSession(), retryDelayMs(failures));
    }
  } finally {
    inFlight = false;
  }
}

let started = false;

/**
 * Opens the console on the sign-in this tablet remembers, if any, and checks it with the server now,
 * whenever the network returns or the tablet is looked at again, and when sync is refused for want of
 * a sign-in. Once per page.
 */
export function startSession(): void {
  if (started) return;
  started = true;
  const remembered = rememberedMe();
  if (remembered) session.opened(remembered);
  const recheck = () => {
    const { me, failure } = session.getState();
    if (me !== null || failure) void checkSession();
  };
  window.addEventListener('online', recheck);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') recheck();
  });
  window.addEventListener(SHOP_UNAUTHORIZED_EVENT, recheck);
  void checkSession();
}

/** The "try again" button of the no-sign-in-remembered, server-unreachable screen. */
export function retrySessionNow(): void {
  session.retrying();
  void checkSession();
}
