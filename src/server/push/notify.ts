import webPush from 'web-push';
import { dateFormatter } from '../../domain/intl';
import type { OrderStatus } from '../../domain/order';
import { AUTO_REJECT_REASON } from '../../domain/orderAlerts';
import type { Lang } from '../../protocol/lang';
import type { Storage } from '../storage/types';
import { deleteSubscriptionById, subscriptionsOf, type PushSubscriptionRow } from './subscriptions';
import { loadOrCreateVapidKeys, type VapidKeys } from './vapid';

/** The mutations whose outcome a customer wants to hear about while away from the page. */
const NOTIFYING = new Set([
  'acceptOrder',
  'confirmOrder',
  'rejectOrder',
  'markReady',
  'dispatchOrder',
  // Not a mutation: the server's own cancellation of a transfer past its deadline (payments/transferSweeper).
  'transferDeadline',
  // Nor this: the server's rejection of an order nobody answered in time (jobs/autoRejectSweeper, #17).
  'autoReject',
]);

/** Who ordered it, where, and what the customer should read now. */
interface OrderFacts {
  id: string;
  status: OrderStatus;
  device_id: string | null;
  ready_by: Date | null;
  fulfilment: 'pickup' | 'delivery';
  date: string;
  slot: string | null;
  reject_reason: string | null;
  cancel_reason: string | null;
  shop_id: string;
  slug: string;
  shop_name: string;
  time_zone: string;
}

/** What the service worker (public/sw-push.js) turns into a notification. */
export interface PushPayload {
  title: string;
  body: string;
  /** The order's page, relative to the app's origin. */
  url: string;
  /** One notification per order: a newer status replaces the older one on the lock screen. */
  tag: string;
}

type Notified = 'accepted' | 'confirmed' | 'rejected' | 'ready' | 'outForDelivery' | 'cancelled';
const NOTIFIED: ReadonlySet<OrderStatus> = new Set<Notified>([
  'accepted',
  'confirmed',
  'rejected',
  'ready',
  'outForDelivery',
  // Only ever sent for the server's cancellation (a customer's own cancel is not in NOTIFYING).
  'cancelled',
]);

const clock = (at: Date, timeZone: string) =>
  dateFormatter('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);

const TEXT: Record<Lang, Record<Notified, (o: OrderFacts) => string>> = {
  ko: {
    accepted: (o) =>
      !o.ready_by
        ? '주문이 접수됐어요'
        : o.fulfilment === 'delivery'
          ? `주문이 접수됐어요 · ${clock(o.ready_by, o.time_zone)}쯤 배달을 출발해요`
          : `주문이 접수됐어요 · ${clock(o.ready_by, o.time_zone)}까지 준비돼요`,
    confirmed: (o) =>
      `예약이 확정됐어요 · ${o.date.slice(5).replace('-', '/')} ${o.slot ?? ''}${o.fulfilment === 'delivery' ? ' 배달' : ' 픽업'}`,
    outForDelivery: () => '주문이 배달을 출발했어요',
    rejected: (o) =>
      o.cancel_reason === AUTO_REJECT_REASON
        ? '가게가 제때 주문을 확인하지 못해 자동으로 취소됐어요. 급하시면 가게에 전화해 주세요.'
        : o.reject_reason
          ? `주문이 거절됐어요: ${o.reject_reason}`
          : '주문이 거절됐어요',
    ready: () => '주문이 준비됐어요 · 가게에서 찾아가세요',
    cancelled: (o) =>
      o.cancel_reason === 'transfer_deadline'
        ? '입금 기한이 지나 주문이 취소됐어요. 이미 입금하셨다면 가게에 연락해 주세요.'
        : '주문이 취소됐어요',
  },
  en: {
    accepted: (o) =>
      o.ready_by
        ? o.fulfilment === 'delivery'
          ? `Your order was accepted · leaves for delivery around ${clock(o.ready_by, o.time_zone)}`
          : `Your order was accepted · ready by ${clock(o.ready_by, o.time_zone)}`
        : 'Your order was accepted',
    confirmed: (o) =>
      `Your pre-order is confirmed · ${o.fulfilment === 'delivery' ? 'delivery' : 'pickup'} ${o.date} ${o.slot ?? ''}`.trim(),
    outForDelivery: () => 'Your order is out for delivery',
    rejected: (o) =>
      o.cancel_reason === AUTO_REJECT_REASON
        ? 'The shop did not confirm your order in time, so it was cancelled automatically. If it is urgent, please call the shop.'
        : o.reject_reason
          ? `Your order was declined: ${o.reject_reason}`
          : 'Your order was declined',
    ready: () => 'Your order is ready to collect',
    cancelled: (o) =>
      o.cancel_reason === 'transfer_deadline'
        ? 'The transfer deadline passed, so your order was cancelled. If you have paid, please contact the shop.'
        : 'Your order was cancelled',
  },
};

export function orderPayload(o: OrderFacts, lang: Lang): PushPayload | null {
  if (!NOTIFIED.has(o.status)) return null;
  return {
    title: o.shop_name,
    body: TEXT[lang][o.status as Notified](o),
    url: `/s/${encodeURIComponent(o.slug)}/o/${o.id}`,
    tag: o.id,
  };
}

/** Fastify's logger fits; so does anything with a pino-style warn. */
export interface PushLog {
  warn(obj: object, msg: string): void;
}

export interface SendOptions {
  vapid: VapidKeys & { subject: string };
  log: PushLog;
  /** Every outgoing request runs through this, so one busy minute cannot open a thousand sockets. */
  limit: <T>(job: () => Promise<T>) => Promise<T>;
  timeoutMs?: number;
  /** Aborts sends still waiting on a push service (shutdown). */
  signal?: AbortSignal;
}

/** One delivery attempt: the push service's HTTP status, or 'error' when there was no answer. */
export interface SendReport {
  subscriptionId: string;
  status: number | 'error';
}

/** Long enough for a slow push service; short enough that a hung one cannot pile up sends. */
export const SEND_TIMEOUT_MS = 10_000;
/** How long the push service keeps a message for a phone that is off: past an hour, it is stale news. */
const TTL_SECONDS = 3600;

/**
 * Tells the device that placed the order, on each of its subscriptions at that shop, what the order's
 * status now is. Reads the order as committed, so a notification never describes a change that was
 * rolled back. A subscription the push service calls gone (404/410) is deleted; any other failure is
 * logged and reported, never thrown.
 */
export async function notifyOrderStatus(
  storage: Storage,
  orderId: string,
  opts: SendOptions,
): Promise<SendReport[]> {
  const [order] = await storage.query<OrderFacts>(
    `select o.id, o.status, o.device_id, o.ready_by, o.fulfilment, o.date::text as date, o.slot,
            o.reject_reason, o.cancel_reason, o.shop_id,
            s.slug, s.name as shop_name, s.time_zone
       from orders o join shops s on s.id = o.shop_id
      where o.id = $1`,
    [orderId],
  );
  // Phone orders the shop typed in have no device to tell.
  if (!order?.device_id || !NOTIFIED.has(order.status)) return [];
  const subs = await subscriptionsOf(storage, order.shop_id, order.device_id);
  return Promise.all(
    subs.map((sub) => {
      const payload = orderPayload(order, sub.lang)!;
      return opts.limit(() => sendOne(storage, sub, payload, opts));
    }),
  );
}

async function sendOne(
  storage: Storage,
  sub: PushSubscriptionRow,
  payload: PushPayload,
  opts: SendOptions,
): Promise<SendReport> {
  const report = (status: SendReport['status']): SendReport => ({ subscriptionId: sub.id, status });
  // Shutting down: what has not started yet is dropped quietly rather than failed one by one.
  if (opts.signal?.aborted) return report('error');
  // The endpoint is the customer's browser's push service; log its origin only, never the path (the
  // path is the capability to reach that browser).
  const where = URL.canParse(sub.endpoint) ? new URL(sub.endpoint).origin : 'invalid';
  try {
    const details = webPush.generateRequestDetails(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: opts.vapid,
        TTL: TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        // The customer is waiting on these; a phone in power saving should still wake for them.
        urgency: 'high',
        // A newer status for the same order replaces an undelivered older one at the push service.
        topic: payload.tag.replaceAll('-', ''),
      },
    );
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(details.headers)) {
      // fetch sets the length from the body it sends; a hand-set one could only disagree with it.
      if (k.toLowerCase() !== 'content-length') headers[k] = String(v);
    }
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? SEND_TIMEOUT_MS);
    // Not webPush.sendNotification: it speaks only https and has no overall deadline.
    const res = await fetch(details.endpoint, {
      method: 'POST',
      headers,
      // A copy as a plain Uint8Array: fetch's types take no Node Buffer.
      body: details.body ? new Uint8Array(details.body) : null,
      signal: opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout,
      redirect: 'error',
    });
    await res.body?.cancel();
    if (res.status === 404 || res.status === 410) {
      await deleteSubscriptionById(storage, sub.id);
    } else if (!res.ok) {
      opts.log.warn({ push: where, status: res.status }, 'push service refused a notification');
    }
    return report(res.status);
  } catch (err) {
    opts.log.warn({ push: where, err }, 'push notification not sent');
    return report('error');
  }
}

export interface NotifierOptions {
  /** The VAPID `sub` claim (see vapid.ts). */
  subject: string;
  log?: PushLog;
  /** Requests to push services at once, for the whole process. */
  concurrency?: number;
  /** Orders waiting to be notified; past this, new ones are dropped (logged) instead of queued. */
  maxPending?: number;
  timeoutMs?: number;
}

/**
 * Sends order notifications after the change has committed, off the request's path: the shop's
 * tablet gets its push answer without waiting on anyone's push service, and a failure there never
 * reaches it. Outstanding work is tracked so tests (and shutdown) can wait for it.
 */
export class PushNotifier {
  private keys: Promise<VapidKeys> | undefined;
  private readonly pending = new Set<Promise<void>>();
  private readonly closing = new AbortController();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly log: PushLog;

  constructor(
    private readonly storage: Storage,
    private readonly opts: NotifierOptions,
  ) {
    this.log = opts.log ?? { warn: (obj, msg) => console.warn(msg, obj) };
  }

  /** Loads (on first start: creates) the instance's key pair once; a failed load is retried next time. */
  vapidKeys(): Promise<VapidKeys> {
    this.keys ??= loadOrCreateVapidKeys(this.storage).catch((err: unknown) => {
      this.keys = undefined;
      throw err;
    });
    return this.keys;
  }

  /** Called after a mutation committed; returns at once. Only status changes a customer awaits send anything. */
  mutationApplied(mutationName: string, orderId: string): void {
    if (!NOTIFYING.has(mutationName) || this.closing.signal.aborted) return;
    if (this.pending.size >= (this.opts.maxPending ?? 1000)) {
      this.log.warn({ orderId }, 'too many notifications waiting; this one is dropped');
      return;
    }
    const job: Promise<void> = this.notify(orderId)
      .then(() => undefined)
      .catch((err: unknown) => this.log.warn({ err, orderId }, 'order notification failed'))
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  /** The sends for one order, awaited (the fire-and-forget path above calls this). */
  async notify(orderId: string): Promise<SendReport[]> {
    const keys = await this.vapidKeys();
    return notifyOrderStatus(this.storage, orderId, {
      vapid: { ...keys, subject: this.opts.subject },
      log: this.log,
      limit: (job) => this.limited(job),
      timeoutMs: this.opts.timeoutMs,
      signal: this.closing.signal,
    });
  }

  /** Resolves once every notification started so far (and any they led to) has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Gives outstanding sends a moment, then abandons the rest so shutdown never waits out a timeout. */
  async close(graceMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.settled(), grace]);
    clearTimeout(timer);
    this.closing.abort();
    await this.settled();
  }

  private async limited<T>(job: () => Promise<T>): Promise<T> {
    const max = this.opts.concurrency ?? 8;
    while (this.active >= max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await job();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
