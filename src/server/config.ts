import { SCRYPT } from './auth/passwords';
export interface RateLimit {
  max: number;
  windowSec: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** The address customers use (e.g. https://order.example.kr); links and cookie security follow it. */
  publicUrl?: string;
  /**
   * Further origins a browser may write from besides PUBLIC_URL's (ALLOWED_ORIGINS, comma-separated),
   * e.g. the address a tablet uses on the shop's Wi-Fi. Never derived from the Host header.
   */
  allowedOrigins: string[];
  /**
   * scrypt's cost for new passwords: always SCRYPT.logN (2^17) from the environment, with no variable to
   * lower it by mistake. Only tests set a smaller one (startTestApp), for speed.
   */
  passwordLogN: number;
  logLevel: string;
  /** The built PWA; not served when absent (API-only tests). */
  staticDir?: string;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  seedDemo: boolean;
  limits: {
    /** Every login attempt from one address. */
    loginPerIp: RateLimit;
    /**
     * Failed logins against one account, from anywhere. Past `max`, an address that guessed wrong is
     * locked out of the account for the window, and every other unknown device waits out a backoff
     * that doubles with each further failure (up to loginBackoffMaxSec): an attacker rotating
     * addresses is slowed, while a known device (signed in before) is never held back.
     */
    loginFailuresPerAccount: RateLimit;
    /** The longest wait the per-account backoff imposes between two attempts from unknown devices. */
    loginBackoffMaxSec: number;
    /** Wrong passwords from one known device: its own budget, instead of the address's and account's. */
    loginPerKnownDevice: RateLimit;
    /** Invite look-ups and acceptances from one address. */
    invitePerIp: RateLimit;
    /** New shops from one address. */
    signupPerIp: RateLimit;
    /** New customer devices from one address; generous, since a mobile carrier's NAT hides many phones. */
    devicePerIp: RateLimit;
  };
  sessionDays: number;
  inviteHours: number;
  /** How long a browser that signed in stays a "known device" of that account (login lockouts spare it). */
  knownDeviceDays: number;
  /**
   * Node's HTTP server timeouts. requestMs bounds receiving a whole request (headers and body),
   * headersMs its headers; neither covers the answer, so event streams stay open. idleMs closes a
   * socket with no traffic at all (event streams send a heartbeat well within it).
   */
  timeouts: { requestMs: number; headersMs: number; keepAliveMs: number; idleMs: number };
  /** Open event streams (S8) one device or session may hold, and one client address per process. */
  streams: { perDevice: number; perAddress: number };
  /** Map tiles (TILE_URL, TILE_ATTRIBUTION, TILE_MAX_ZOOM); absent: OpenStreetMap's standard tiles. */
  tiles?: TileConfig;
  /** A Nominatim-compatible search URL (GEOCODER_URL) for the owner's "find the address"; off by default. */
  geocoderUrl?: string;
}

export interface TileConfig {
  /** A template with {z}, {x}, {y} (and optionally {s}), http(s) only. */
  tileUrl: string;
  attribution: string;
  maxZoom: number;
}

/** TILE_URL and friends, checked at start-up: a typo fails loudly rather than as a grey map. */
export function tilesFromEnv(env: NodeJS.ProcessEnv): TileConfig | undefined {
  if (!env.TILE_URL) return undefined;
  const url = new URL(env.TILE_URL.replace(/\{[a-z]\}/g, '0'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('TILE_URL must be http(s)');
  if (!/\{z\}/.test(env.TILE_URL) || !/\{x\}/.test(env.TILE_URL) || !/\{y\}/.test(env.TILE_URL))
    throw new Error('TILE_URL needs {z}, {x} and {y}');
  const maxZoom = env.TILE_MAX_ZOOM === undefined ? 19 : Number(env.TILE_MAX_ZOOM);
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22)
    throw new Error('TILE_MAX_ZOOM must be 1–22');
  // A tile server other than OSM's still needs its credit shown; this is only the fallback wording.
  return {
    tileUrl: env.TILE_URL,
    attribution: env.TILE_ATTRIBUTION ?? '© OpenStreetMap contributors',
    maxZoom,
  };
}

/** GEOCODER_URL, checked at start-up: an https (or loopback http) URL, or nothing. */
export function geocoderFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GEOCODER_URL) return undefined;
  const url = new URL(env.GEOCODER_URL);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('GEOCODER_URL must be http(s)');
  return url.href;
}

export const DEFAULT_LIMITS: Config['limits'] = {
  loginPerIp: { max: 20, windowSec: 600 },
  loginFailuresPerAccount: { max: 8, windowSec: 900 },
  loginBackoffMaxSec: 60,
  loginPerKnownDevice: { max: 20, windowSec: 900 },
  invitePerIp: { max: 20, windowSec: 600 },
  signupPerIp: { max: 10, windowSec: 3600 },
  devicePerIp: { max: 600, windowSec: 600 },
};

export const DEFAULT_TIMEOUTS: Config['timeouts'] = {
  requestMs: 30_000,
  headersMs: 15_000,
  // Above a load balancer's usual 60 s idle timeout, so it never reuses a socket we just closed.
  keepAliveMs: 72_000,
  idleMs: 120_000,
};

export const DEFAULT_STREAM_CAPS: Config['streams'] = { perDevice: 4, perAddress: 50 };

/** ALLOWED_ORIGINS: comma-separated http(s) origins, each checked at start-up. */
export function allowedOriginsFromEnv(env: NodeJS.ProcessEnv): string[] {
  if (!env.ALLOWED_ORIGINS) return [];
  return env.ALLOWED_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const url = new URL(s);
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new Error(`ALLOWED_ORIGINS must be http(s) origins, got ${s}`);
      return url.origin;
    });
}

/** A positive whole number from the environment, or the default when unset. */
function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, got ${raw}`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  if (env.PUBLIC_URL) new URL(env.PUBLIC_URL); // fails early on a typo rather than in every link
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    allowedOrigins: allowedOriginsFromEnv(env),
    passwordLogN: SCRYPT.logN,
    logLevel: env.LOG_LEVEL ?? 'info',
    staticDir: env.STATIC_DIR ?? 'dist',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    seedDemo: env.SEED_DEMO !== '0' && env.SEED_DEMO !== 'false',
    limits: DEFAULT_LIMITS,
    sessionDays: 30,
    inviteHours: 72,
    knownDeviceDays: 365,
    timeouts: DEFAULT_TIMEOUTS,
    streams: {
      perDevice: positiveInt(env, 'STREAMS_PER_DEVICE', DEFAULT_STREAM_CAPS.perDevice),
      perAddress: positiveInt(env, 'STREAMS_PER_ADDRESS', DEFAULT_STREAM_CAPS.perAddress),
    },
    tiles: tilesFromEnv(env),
    geocoderUrl: geocoderFromEnv(env),
  };
}
