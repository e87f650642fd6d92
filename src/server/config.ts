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
  logLevel: string;
  /** The built PWA; not served when absent (API-only tests). */
  staticDir?: string;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  seedDemo: boolean;
  limits: {
    /** Every login attempt from one address. */
    loginPerIp: RateLimit;
    /** Failed logins against one account, from anywhere: stops slow distributed guessing. */
    loginFailuresPerAccount: RateLimit;
    /** Invite look-ups and acceptances from one address. */
    invitePerIp: RateLimit;
    /** New shops from one address. */
    signupPerIp: RateLimit;
    /** New customer devices from one address; generous, since a mobile carrier's NAT hides many phones. */
    devicePerIp: RateLimit;
  };
  sessionDays: number;
  inviteHours: number;
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
  invitePerIp: { max: 20, windowSec: 600 },
  signupPerIp: { max: 10, windowSec: 3600 },
  devicePerIp: { max: 600, windowSec: 600 },
};

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
    logLevel: env.LOG_LEVEL ?? 'info',
    staticDir: env.STATIC_DIR ?? 'dist',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    seedDemo: env.SEED_DEMO !== '0' && env.SEED_DEMO !== 'false',
    limits: DEFAULT_LIMITS,
    sessionDays: 30,
    inviteHours: 72,
    tiles: tilesFromEnv(env),
    geocoderUrl: geocoderFromEnv(env),
  };
}
