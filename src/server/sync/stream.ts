import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors';
import { reaches, type Audience, type PokeHub } from './pokeHub';

export interface OpenStreamOptions {
  hub: PokeHub;
  shopId: string;
  audience: Audience;
  currentVersion: () => Promise<number>;
  /** Whose stream this is, for the per-device cap: a customer device's id, a shop session's id. */
  holder: string;
  /** Under the idle timeout of any proxy in between. */
  heartbeatMs?: number;
}

const HEARTBEAT_MS = 25_000;
/** EventSource's reconnect delay after the stream ends (a restart, a dropped connection). */
const RETRY_MS = 3_000;

const frame = (version: number) => `id: ${version}\ndata: {"version":${version}}\n\n`;

export interface StreamCaps {
  /** Open streams one device (or one shop session) may hold. */
  perDevice: number;
  /** Open streams one client address may hold in this process. */
  perAddress: number;
}

export interface PokeStreamsOptions {
  /** The security headers every answer carries (http/security.ts securityHeaders). */
  headers?: Readonly<Record<string, string>>;
  caps?: StreamCaps;
}

/** Counts per key, forgetting a key at zero so the map holds only what is open. */
class Tally {
  readonly #counts = new Map<string, number>();
  get(key: string): number {
    return this.#counts.get(key) ?? 0;
  }
  add(key: string, by: 1 | -1): void {
    const n = this.get(key) + by;
    if (n > 0) this.#counts.set(key, n);
    else this.#counts.delete(key);
  }
}

/**
 * S8: each device's open poke stream. Kept in one place so that shutdown can end them all: an open
 * stream would otherwise hold its connection, and the server's close, until the client gave up.
 * Issue #15: one device, or one address, can hold only so many at once; the slot frees on close.
 */
export class PokeStreams {
  readonly #open = new Set<() => void>();
  readonly #headers: Readonly<Record<string, string>>;
  readonly #caps: StreamCaps;
  readonly #perHolder = new Tally();
  readonly #perAddress = new Tally();

  constructor(opts: PokeStreamsOptions = {}) {
    this.#headers = opts.headers ?? {};
    this.#caps = opts.caps ?? { perDevice: Infinity, perAddress: Infinity };
  }

  get size(): number {
    return this.#open.size;
  }

  /** Ends every open stream; their devices reconnect (to another process, or after the restart). */
  closeAll(): void {
    for (const end of [...this.#open]) end();
  }

  /** Open streams of one holder (a device or session); for tests and diagnostics. */
  heldBy(holder: string): number {
    return this.#perHolder.get(holder);
  }

  /**
   * Answers the stream, or refuses it with 429 too_many_streams (thrown before the response is taken
   * over, so Fastify answers {code, message} with its usual headers).
   */
  async open(req: FastifyRequest, reply: FastifyReply, opts: OpenStreamOptions): Promise<void> {
    const holder = opts.holder;
    const address = req.ip;
    if (
      this.#perHolder.get(holder) >= this.#caps.perDevice ||
      this.#perAddress.get(address) >= this.#caps.perAddress
    ) {
      throw new ApiError(429, 'too_many_streams', undefined, Math.ceil(RETRY_MS / 1000));
    }
    // Counted before anything is awaited, so streams opened at once cannot slip past the cap together.
    this.#perHolder.add(holder, 1);
    this.#perAddress.add(address, 1);
    const res = reply.raw;
    reply.hijack();
    // From here on nothing may throw into Fastify: it no longer owns this response.
    let ended = false;
    let ready = false;
    let draining = false;
    let sent = -1;
    let pending = -1;
    let unsubscribe = () => {};
    let heartbeat: NodeJS.Timeout | undefined;

    const write = (chunk: string) => {
      if (ended || res.destroyed || res.writableEnded) return;
      if (!res.write(chunk)) draining = true;
    };
    // Pokes carry no content, so a stream that cannot keep up needs only the newest version.
    const offer = (version: number) => {
      if (ended || version <= sent) return;
      if (!ready || draining) {
        pending = Math.max(pending, version);
        return;
      }
      sent = version;
      write(frame(version));
    };
    const onDrain = () => {
      draining = false;
      if (pending > sent) offer(pending);
    };
    const end = () => {
      if (ended) return;
      ended = true;
      this.#open.delete(end);
      this.#perHolder.add(holder, -1);
      this.#perAddress.add(address, -1);
      unsubscribe();
      clearInterval(heartbeat);
      res.off('drain', onDrain);
      if (res.destroyed) return;
      // A client that stopped reading would never let a graceful end finish.
      if (draining) return void res.destroy();
      res.end();
      // EventSource never sends another request on it; an idle keep-alive socket would only linger.
      res.socket?.destroySoon();
    };

    try {
      this.#open.add(end);
      res.on('close', end);
      res.on('error', end);
      res.on('drain', onDrain);
      // Gone before we got here: its 'close' has already been emitted.
      if (res.destroyed || !res.socket || res.socket.destroyed) return end();
      res.socket.setNoDelay(true);
      res.writeHead(200, {
        // The same security headers as every other answer: this one bypasses Fastify's onSend.
        ...this.#headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        // A hop-by-hop header HTTP/2 forbids.
        ...(req.raw.httpVersionMajor === 1 ? { connection: 'keep-alive' } : {}),
      });
      write(`retry: ${RETRY_MS}\n\n`);
      // Subscribed before reading the version, so nothing committed in between is missed.
      unsubscribe = opts.hub.subscribe(opts.shopId, (event) => {
        if (reaches(event, opts.audience)) offer(event.version);
      });
      heartbeat = setInterval(() => {
        if (ready && !draining) write(': ping\n\n');
      }, opts.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref();
      const current = await opts.currentVersion();
      if (ended) return;
      // The first event tells a device resuming from an older Last-Event-ID to pull.
      sent = current;
      write(frame(current));
      ready = true;
      if (!draining && pending > sent) offer(pending);
    } catch {
      // No version to start from: end, and EventSource reconnects after the retry delay.
      end();
    }
  }
}
