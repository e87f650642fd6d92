import pg from 'pg';
import { LocalPokeHub } from './localPokeHub';
import type { PokeEvent, PokeHub } from './pokeHub';

/** PostgreSQL rejects a NOTIFY payload of 8000 bytes or more (default build). */
export const MAX_NOTIFY_BYTES = 7999;

// Lower case only: LISTEN folds an unquoted name to lower case but pg_notify() takes it verbatim,
// so a mixed-case channel would listen on one name and notify another.
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;
// A half-open TCP connection (server gone without a RST) is only noticed when something is sent.
const PING_MS = 30_000;

// Non-ASCII as \u escapes: the byte length is then the string length in any server encoding.
const ascii = (json: string) =>
  json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const payload = (e: PokeEvent, deviceIds: string[]) =>
  ascii(
    JSON.stringify({
      shopId: e.shopId,
      version: e.version,
      deviceIds,
      public: e.public,
      // Sent only when set, so every other payload keeps its exact shape.
      ...(e.devicesOnly ? { devicesOnly: true } : {}),
    }),
  );

/** One event as NOTIFY payloads, the device list split so that each stays under the limit. */
export function notifyPayloads(event: PokeEvent, maxBytes = MAX_NOTIFY_BYTES): string[] {
  const head = payload(event, []).length;
  const out: string[] = [];
  let ids: string[] = [];
  let size = head;
  for (const id of event.deviceIds) {
    const bytes = ascii(JSON.stringify(id)).length;
    if (ids.length > 0 && size + 1 + bytes > maxBytes) {
      out.push(payload(event, ids));
      ids = [];
      size = head;
    }
    size += (ids.length > 0 ? 1 : 0) + bytes;
    ids.push(id);
  }
  out.push(payload(event, ids));
  return out;
}

/** Anyone may NOTIFY the channel; only well-formed events go on to the streams. */
function parse(text: string | undefined): PokeEvent | null {
  try {
    const v = JSON.parse(text ?? '') as Partial<PokeEvent>;
    const ok =
      typeof v.shopId === 'string' &&
      typeof v.version === 'number' &&
      Number.isFinite(v.version) &&
      typeof v.public === 'boolean' &&
      (v.devicesOnly === undefined || typeof v.devicesOnly === 'boolean') &&
      Array.isArray(v.deviceIds) &&
      v.deviceIds.every((d) => typeof d === 'string');
    return ok ? (v as PokeEvent) : null;
  } catch {
    return null;
  }
}

/**
 * Pokes across every server process on one PostgreSQL. A process hears its own NOTIFYs too, so
 * publish only notifies and every delivery comes from LISTEN: each subscriber gets each poke once.
 */
export async function openPgPokeHub(opts: { url: string; channel?: string }): Promise<PokeHub> {
  const channel = opts.channel ?? 'dangol_poke';
  if (!CHANNEL.test(channel)) throw new Error('bad poke channel name');
  const local = new LocalPokeHub();
  const pool = new pg.Pool({ connectionString: opts.url, max: 2, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process.
  pool.on('error', () => {});

  let closed = false;
  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;

  const drop = (client: pg.Client) => {
    if (client !== listener) return;
    listener = null;
    client.end().catch(() => {});
    if (!closed) scheduleReconnect();
  };

  const listen = async (): Promise<pg.Client> => {
    const client = new pg.Client({
      connectionString: opts.url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
    });
    client.on('error', () => drop(client));
    client.on('end', () => drop(client));
    client.on('notification', (msg) => {
      const event = msg.channel === channel ? parse(msg.payload) : null;
      if (event) local.publish(event);
    });
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
      return client;
    } catch (err) {
      client.end().catch(() => {});
      throw err;
    }
  };

  // Pokes sent while the connection was down are lost; the devices' periodic pull heals that.
  function scheduleReconnect() {
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** failures) * (0.5 + Math.random() / 2);
    failures = Math.min(failures + 1, 16);
    retry = setTimeout(() => {
      retry = null;
      connecting = listen().then(
        (client) => {
          connecting = null;
          if (closed) return client.end().catch(() => {});
          listener = client;
          failures = 0;
        },
        () => {
          connecting = null;
          if (!closed) scheduleReconnect();
        },
      );
    }, delay);
    retry.unref();
  }

  try {
    listener = await listen();
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }

  const ping = setInterval(() => {
    const client = listener;
    client?.query('select 1').catch(() => drop(client));
  }, PING_MS);
  ping.unref();

  return {
    publish(event) {
      if (closed) return;
      try {
        for (const text of notifyPayloads(event)) {
          pool.query('select pg_notify($1, $2)', [channel, text]).catch(() => {});
        }
      } catch {
        // Never into the caller: its transaction has already committed.
      }
    },
    subscribe: (shopId, fn) => local.subscribe(shopId, fn),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(ping);
      if (retry) clearTimeout(retry);
      await connecting;
      const client = listener;
      listener = null;
      await Promise.allSettled([client?.end(), pool.end(), local.close()]);
    },
  };
}
