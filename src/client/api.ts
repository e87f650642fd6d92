import { errorMessage, isErrorCode, type ErrorCode } from '../protocol/errors';
import { parseLenient } from '../protocol/lenient';
import type { Lang } from '../protocol/lang';
import {
  fillPath,
  routes,
  type RouteBody,
  type RouteName,
  type RouteParams,
  type RouteResponse,
} from '../protocol/routes';
import { HEADER_DEVICE, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../protocol/version';

/** A refusal from the server (or the network), already in words for the person at the screen. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export interface CallOptions<N extends RouteName> {
  params?: RouteParams<N>;
  body?: RouteBody<N>;
  lang: Lang;
  deviceToken?: string;
}

/**
 * Calls one route of the protocol table by name. The response is validated against the same schema
 * the server used (ignoring fields this app does not know, S16), so a mismatched server is caught
 * here, not deep in a screen.
 */
export async function call<N extends RouteName>(name: N, opts: CallOptions<N>): Promise<RouteResponse<N>> {
  const def = routes[name];
  const headers: Record<string, string> = {
    [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
    'accept-language': opts.lang,
  };
  if (opts.deviceToken) headers[HEADER_DEVICE] = opts.deviceToken;
  const hasBody = def.method !== 'GET' && def.method !== 'DELETE';
  if (hasBody) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(fillPath(def.path, opts.params as Record<string, string> | undefined), {
      method: def.method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(opts.body ?? {}) : undefined,
    });
  } catch {
    throw new ApiCallError('unavailable', errorMessage('unavailable', opts.lang), 0);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = json as { code?: unknown; message?: unknown; fields?: unknown } | null;
    const code: ErrorCode = isErrorCode(e?.code)
      ? e.code
      : res.status >= 500
        ? 'unavailable'
        : 'invalid_input';
    const message = typeof e?.message === 'string' ? e.message : errorMessage(code, opts.lang);
    throw new ApiCallError(code, message, res.status, Array.isArray(e?.fields) ? (e.fields as string[]) : []);
  }
  // S16: a field added to a response later is ignored, so an older cached app keeps working.
  const parsed = parseLenient(def.response, json);
  if (!parsed.success)
    throw new ApiCallError('client_too_old', errorMessage('client_too_old', opts.lang), res.status);
  return parsed.data as RouteResponse<N>;
}
