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

/** The origin this request was addressed to, as a browser on the same site would send it. */
function ownOrigins(req: FastifyRequest, publicUrl: string | undefined): string[] {
  const origins = [`${req.protocol}://${req.host}`];
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}

export function installSecurity(
  app: FastifyInstance,
  opts: { publicUrl?: string; tileUrl?: string; geocoderUrl?: string },
): void {
  const https = opts.publicUrl?.startsWith('https:') ?? false;
  const policy =
    opts.tileUrl || opts.geocoderUrl
      ? contentSecurityPolicy(
          (opts.tileUrl && tileSource(opts.tileUrl)) || undefined,
          opts.geocoderUrl ? new URL(opts.geocoderUrl).origin : undefined,
        )
      : CONTENT_SECURITY_POLICY;

  app.addHook('onRequest', async (req) => {
    // S14: a client from before the oldest protocol we speak is told to reload, not given a 500.
    const sent = req.headers[HEADER_PROTOCOL];
    if (typeof sent === 'string') {
      const verdict = protocolVerdict(sent);
      if (verdict === 'too_old') throw new ApiError(426, 'client_too_old');
      if (verdict === 'unsupported') throw new ApiError(400, 'protocol_unsupported');
    }
    if (!STATE_CHANGING.has(req.method)) return;
    // CSRF: browsers always send Origin on cross-origin writes; Sec-Fetch-Site covers the rest.
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins(req, opts.publicUrl).includes(origin)) {
      throw new ApiError(403, 'cross_site');
    }
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new ApiError(403, 'cross_site');
    // Only JSON bodies: an HTML form cannot send application/json across sites without CORS.
    if (WITH_BODY.has(req.method)) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type');
    }
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', policy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), geolocation=(self), microphone=(), payment=()');
    if (https) reply.header('strict-transport-security', 'max-age=31536000');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
