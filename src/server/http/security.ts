import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HEADER_PROTOCOL, protocolVerdict } from '../../protocol/version';
import { ApiError } from './errors';

/** OpenStreetMap's standard tiles: the map's default (server/shops/delivery.ts OSM_TILES). */
const OSM_TILE_ORIGIN = 'https://tile.openstreetmap.org';

/**
 * The origin a tile URL template loads from, as a CSP source: "{s}" subdomains become a wildcard.
 * Null when the template is not an http(s) URL (config.ts refuses those at start-up anyway).
 */
export function tileSource(template: string): string | null {
  try {
    const url = new URL(template.replace('{s}', 'sub').replace(/\{[a-z]\}/g, '0'));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const host = template.includes('{s}') ? url.host.replace(/^sub\./, '*.') : url.host;
    return `${url.protocol}//${host}`;
  } catch {
    return null;
  }
}

/**
 * The app runs with no inline script or style, so the policy can be strict. Map tiles come from the
 * instance's tile server (TILE_URL): images for the map, fetches for the service worker's tile cache.
 * Leaflet positions tiles through element.style (CSSOM), which style-src does not govern.
 */
export function contentSecurityPolicy(tiles: string = OSM_TILE_ORIGIN, geocoder?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${tiles}`,
    "font-src 'self'",
    // The geocoder (GEOCODER_URL), when one is configured, is fetched by the owner's browser.
    `connect-src 'self' ${tiles}${geocoder ? ` ${geocoder}` : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy with the default tiles (OpenStreetMap). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

export interface SecurityOptions {
  publicUrl?: string;
  /** ALLOWED_ORIGINS: origins besides PUBLIC_URL's that may write. */
  allowedOrigins?: string[];
  tileUrl?: string;
  geocoderUrl?: string;
  /** The configured port: the one to expect when a request did not come over a socket (tests' inject). */
  port?: number;
}

/**
 * The security headers every answer carries, as one set: Fastify's answers get them in onSend, and
 * event streams (which write their own head, sync/stream.ts) spread them into writeHead.
 */
export function securityHeaders(opts: SecurityOptions = {}): Readonly<Record<string, string>> {
  const policy =
    opts.tileUrl || opts.geocoderUrl
      ? contentSecurityPolicy(
          (opts.tileUrl && tileSource(opts.tileUrl)) || undefined,
          opts.geocoderUrl ? new URL(opts.geocoderUrl).origin : undefined,
        )
      : CONTENT_SECURITY_POLICY;
  return Object.freeze({
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(self), geolocation=(self), microphone=(), payment=()',
    ...(opts.publicUrl?.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  });
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** An address as it appears in a URL's host: IPv6 in brackets, IPv4-mapped IPv6 as plain IPv4. */
function urlHost(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return plain.includes(':') ? `[${plain}]` : plain;
}

/**
 * Who may write (issue #15), never derived from the Host header, which a DNS-rebinding page controls:
 * PUBLIC_URL's origin and ALLOWED_ORIGINS; without PUBLIC_URL (local use), localhost and 127.0.0.1 on
 * the port the request came in on, and the very address and port the connection reached (a tablet on
 * the shop's Wi-Fi opening http://192.168.0.10:3000: a rebinding page has a name, never an address).
 */
export function originAllowed(origin: string, req: FastifyRequest, opts: SecurityOptions): boolean {
  if (opts.publicUrl && new URL(opts.publicUrl).origin === origin) return true;
  if (opts.allowedOrigins?.includes(origin)) return true;
  if (opts.publicUrl) return false;
  const socket = req.raw.socket as { localPort?: number; localAddress?: string } | undefined;
  const port = socket?.localPort ?? opts.port;
  if (port === undefined) return false;
  const hosts = [...LOOPBACK_HOSTS, ...(socket?.localAddress ? [urlHost(socket.localAddress)] : [])];
  return hosts.some((h) => origin === `http://${h}:${port}`);
}

/** The host name of a Host header value (port dropped), lower case; null when it is not one. */
function hostName(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The names a write may be addressed to: those of the allowed origins, loopback (a reverse proxy on
 * this machine) and the address the connection reached (a proxy that forwards to it by address).
 * A DNS-rebinding page's requests carry the attacker's own name and are refused.
 */
export function hostAllowed(req: FastifyRequest, opts: SecurityOptions): boolean {
  const host = req.headers.host;
  if (host === undefined) return true; // HTTP/1.0 or HTTP/2 without :authority: no name to abuse
  const name = hostName(host);
  if (name === null) return false;
  const names = new Set(LOOPBACK_HOSTS);
  for (const o of [opts.publicUrl, ...(opts.allowedOrigins ?? [])])
    if (o) names.add(new URL(o).hostname.toLowerCase());
  const local = (req.raw.socket as { localAddress?: string } | undefined)?.localAddress;
  if (local) names.add(urlHost(local).toLowerCase());
  return names.has(name);
}

export function installSecurity(app: FastifyInstance, opts: SecurityOptions): void {
  const headers = securityHeaders(opts);

  app.addHook('onRequest', async (req) => {
    // S14: a client from before the oldest protocol we speak is told to reload, not given a 500.
    const sent = req.headers[HEADER_PROTOCOL];
    if (typeof sent === 'string') {
      const verdict = protocolVerdict(sent);
      if (verdict === 'too_old') throw new ApiError(426, 'client_too_old');
      if (verdict === 'unsupported') throw new ApiError(400, 'protocol_unsupported');
    }
    if (!STATE_CHANGING.has(req.method)) return;
    // CSRF and DNS rebinding: browsers always send Origin on cross-origin writes; Sec-Fetch-Site
    // covers the rest. Neither the Origin nor the Host may be a name we do not serve.
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, req, opts)) throw new ApiError(403, 'cross_site');
    if (!hostAllowed(req, opts)) throw new ApiError(403, 'cross_site');
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new ApiError(403, 'cross_site');
    // Only JSON bodies: an HTML form cannot send application/json across sites without CORS.
    if (WITH_BODY.has(req.method)) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type');
    }
  });

  app.addHook('onSend', async (req, reply) => {
    reply.headers(headers);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
