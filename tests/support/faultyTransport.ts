import Fastify, { type FastifyInstance } from 'fastify';
import type { z } from 'zod/mini';
import type { Transport } from '../../src/client/syncEngine';
import type { PushResponse } from '../../src/protocol/sync';
import { SESSION_COOKIE } from '../../src/protocol/version';
import { createSession } from '../../src/server/auth/sessions';
import type { Config } from '../../src/server/config';
import type { Storage } from '../../src/server/storage/types';
import type { TestApp } from './testApp';

/**
 * What the network does to a device's next calls (S1, S4, S9):
 * - drop-request: the request never reaches the server;
 * - drop-response: the server commits, the answer is lost on the way back;
 * - duplicate: the request reaches the server twice (a retrying proxy), one answer comes back;
 * - delay: the call waits some macrotasks before and after, so concurrent calls interleave;
 * - offline: no network at all.
 */
export type FaultMode = 'reliable' | 'drop-request' | 'drop-response' | 'duplicate' | 'delay' | 'offline';

export interface Fault {
  mode: FaultMode;
  /** Which calls it hits. */
  on: 'push' | 'pull' | 'both';
  /** How many calls it hits before the line is good again; Infinity: until it is changed. */
  times: number;
  /** 'delay': macrotasks to wait before and after each call, taken in turn. */
  delays: readonly number[];
  /** 'duplicate': the two copies race (true) or follow one another (false). */
  concurrent: boolean;
  /** 'duplicate': which copy's answer the device gets. */
  answer: 0 | 1;
}

export const RELIABLE: Fault = {
  mode: 'reliable',
  on: 'both',
  times: Infinity,
  delays: [0],
  concurrent: false,
  answer: 0,
};

/** A failure this file made up, as opposed to one the server or the client code produced. */
export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

export const macrotasks = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

type Kind = 'push' | 'pull';
type PushAnswer = z.output<typeof PushResponse>;

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A device's line to the server. `server` is asked for the real transport on every call, so after a
 * restart the same device talks to the new app. It also keeps what only the wire can see, whether
 * the answer was delivered or lost: the seqs the server answered with `mutation_conflict` (answered,
 * never stored) and every error the server answered with (a real bug, never a made-up fault).
 */
export class FaultyTransport implements Transport {
  fault: Fault = RELIABLE;
  private delayTurn = 0;
  /** Seqs the server answered with `mutation_conflict`: they advance last_seq without a stored row. */
  readonly conflictSeqs = new Set<number>();
  readonly serverErrors: string[] = [];
  /** How many requests reached the server. */
  delivered = 0;
  /** The cursor of the last pull answer this line handed to the device (not one it lost). */
  lastPullCursor: number | null = null;

  constructor(private readonly server: () => Transport) {}

  push: Transport['push'] = (req) => this.call('push', () => this.server().push(req));
  pull: Transport['pull'] = async (req) => {
    const res = await this.call('pull', () => this.server().pull(req));
    this.lastPullCursor = res.cursor;
    return res;
  };

  /** Straight to the server, no fault and no delivery: for a tab that will never read the answer. */
  readonly raw: Transport = {
    push: (req) => this.send('push', () => this.server().push(req)),
    pull: (req) => this.send('pull', () => this.server().pull(req)),
  };

  /** The fault for this call, counting it down. */
  private take(kind: Kind): Fault {
    const f = this.fault;
    if (f.mode === 'reliable' || (f.on !== 'both' && f.on !== kind)) return RELIABLE;
    if (f.times !== Infinity) {
      const left = f.times - 1;
      this.fault = left > 0 ? { ...f, times: left } : RELIABLE;
    }
    return f;
  }

  /** One request to the server, with what it answered written down before the network may lose it. */
  private async send<T>(kind: Kind, call: () => Promise<T>): Promise<T> {
    this.delivered++;
    try {
      const res = await call();
      if (kind === 'push') {
        for (const r of (res as PushAnswer).results)
          if (r.code === 'mutation_conflict') this.conflictSeqs.add(r.seq);
      }
      return res;
    } catch (err) {
      this.serverErrors.push(`${kind}: ${describeError(err)}`);
      throw err;
    }
  }

  private async call<T>(kind: Kind, call: () => Promise<T>): Promise<T> {
    const f = this.take(kind);
    switch (f.mode) {
      case 'reliable':
        return this.send(kind, call);
      case 'offline':
      case 'drop-request':
        throw new InjectedFault(`${f.mode} (${kind})`);
      case 'drop-response':
        await this.send(kind, call);
        throw new InjectedFault(`drop-response (${kind})`);
      case 'duplicate': {
        const copies = f.concurrent
          ? await Promise.allSettled([this.send(kind, call), this.send(kind, call)])
          : [
              await this.send(kind, call).then(
                (value) => ({ status: 'fulfilled' as const, value }),
                (reason: unknown) => ({ status: 'rejected' as const, reason }),
              ),
              await this.send(kind, call).then(
                (value) => ({ status: 'fulfilled' as const, value }),
                (reason: unknown) => ({ status: 'rejected' as const, reason }),
              ),
            ];
        const chosen = copies[f.answer]!;
        if (chosen.status === 'rejected') throw chosen.reason;
        return chosen.value;
      }
      case 'delay': {
        const wait = () => f.delays[this.delayTurn++ % f.delays.length] ?? 0;
        await macrotasks(wait());
        const res = await this.send(kind, call);
        await macrotasks(wait());
        return res;
      }
    }
  }
}

/** Per-tab waits around each call (before, after, taken in turn): how two tabs' calls get reordered. */
export interface Lag {
  delays: readonly number[];
  turn: number;
}

export function lagged(line: Transport, lag: Lag): Transport {
  const wait = () => macrotasks(lag.delays.length ? (lag.delays[lag.turn++ % lag.delays.length] ?? 0) : 0);
  const go = async <T>(call: () => Promise<T>): Promise<T> => {
    await wait();
    const res = await call();
    await wait();
    return res;
  };
  return { push: (req) => go(() => line.push(req)), pull: (req) => go(() => line.pull(req)) };
}

/**
 * The line of a tab that is closed mid-sync: the call never returns. The line's faults do not apply
 * (closing the tab is the fault); the server's answer is recorded but never delivered. `when` says
 * how far the call got:
 * - before: nothing left the device;
 * - after: the server committed and answered, the tab was gone before the answer arrived;
 * - in-flight: the request is still on its way while the device goes on; `background` holds it so
 *   the test can wait for it before a restart or the final check.
 * `reached` resolves once the call has got that far.
 */
export function hangingTransport(
  line: FaultyTransport,
  when: 'before' | 'after' | 'in-flight',
  background: Set<Promise<unknown>>,
): { transport: Transport; reached: Promise<void> } {
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const never = new Promise<never>(() => {});
  const hang = async <T>(call: () => Promise<T>): Promise<T> => {
    if (when === 'before') {
      reach();
      return never;
    }
    const sent = call().then(
      () => undefined,
      () => undefined, // a server error: the line has recorded it for the final check
    );
    if (when === 'after') await sent;
    else {
      background.add(sent);
      void sent.finally(() => background.delete(sent));
    }
    reach();
    return never;
  };
  return {
    transport: {
      push: (req) => hang(() => line.raw.push(req)),
      pull: (req) => hang(() => line.raw.pull(req)),
    },
    reached,
  };
}

/** A shop member's session, minted directly: scrypt at N=2^17 per login would dominate the run. */
export async function shopSession(storage: Storage, shopId: string, config: Config): Promise<string> {
  const [owner] = await storage.query<{ id: string }>(
    `select id from users where shop_id = $1 and role = 'owner'`,
    [shopId],
  );
  if (!owner) throw new Error(`shop ${shopId} has no owner`);
  const { token } = await createSession(storage, owner.id, shopId, config.sessionDays);
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * Stands in for the app when `makeSyncShop` signs its owner in: answers POST /api/auth/login with a
 * session made by `createSession`, without checking the password. The shop and its items are made by
 * `makeSyncShop` itself, so this test's shop is the same as every other sync test's.
 */
export async function quickLoginApp(storage: Storage, config: Config): Promise<TestApp> {
  const app: FastifyInstance = Fastify({ logger: false });
  app.post('/api/auth/login', async (req, reply) => {
    const { slug } = req.body as { slug: string };
    const [shop] = await storage.query<{ id: string }>('select id from shops where slug = $1', [slug]);
    if (!shop) return reply.status(404).send({ error: 'shop_not_found' });
    reply.header('set-cookie', `${await shopSession(storage, shop.id, config)}; Path=/; HttpOnly`);
    return { ok: true };
  });
  await app.ready();
  return { app, registered: [], storage, config, close: () => app.close() };
}
