import type { Transport } from '../../src/client/syncEngine';
import { PullResponse, PushResponse } from '../../src/protocol/sync';
import { DeviceRegistered } from '../../src/protocol/schemas';
import { HEADER_DEVICE, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../src/protocol/version';

/** The {code} of an error answer, as the app's HTTP client reads it (undefined if there is none). */
export function errorCodeOf(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Each request is bounded: a server killed mid-request must never leave a client waiting forever. */
const REQUEST_MS = 5_000;

async function post(url: string, body: unknown, extra: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
      'content-type': 'application/json',
      ...extra,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_MS),
  });
  const text = await res.text();
  if (!res.ok)
    throw Object.assign(new Error(`${url} ${res.status} ${text}`), {
      status: res.status,
      code: errorCodeOf(text),
    });
  return JSON.parse(text) as unknown;
}

/**
 * A customer device's transport over real HTTP, as the phone's would be. `base` is read on every
 * request, so when the server restarts on a new port the device follows it.
 */
export function fetchTransport(base: () => string, slug: string, deviceToken: string): Transport {
  const url = (path: string) => `${base()}/api/s/${encodeURIComponent(slug)}/${path}`;
  const headers = { [HEADER_DEVICE]: deviceToken };
  return {
    push: async (body) => PushResponse.parse(await post(url('push'), body, headers)),
    pull: async (body) => PullResponse.parse(await post(url('pull'), body, headers)),
  };
}

/** POST /api/devices: a new customer device and its token. */
export async function registerDeviceOver(base: string): Promise<{ deviceId: string; token: string }> {
  return DeviceRegistered.parse(await post(`${base}/api/devices`, {}));
}
