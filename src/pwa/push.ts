/**
 * The only module that speaks the browser's Push API, so screens deal in "supported or not,
 * subscribe, unsubscribe" and never in service worker registrations or key encodings.
 */

export type PushSupport = 'unsupported' | 'denied' | 'default' | 'granted';

/**
 * Whether this browser can receive the shop's notifications, and what the customer already said.
 * iOS/iPadOS Safari offers push only to a web app added to the home screen (16.4+), so a Safari
 * tab reports 'unsupported' here: the Push API is simply absent there.
 */
export function pushSupport(): PushSupport {
  if (typeof window === 'undefined' || !window.isSecureContext) return 'unsupported';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return 'unsupported';
  return Notification.permission;
}

/**
 * iPhone and iPad: push exists only in a web app opened from the home screen, so the honest advice
 * is "install first". (iPadOS reports itself as a Mac; its touch points give it away.)
 */
export function needsHomeScreenInstall(): boolean {
  if (typeof navigator === 'undefined') return false;
  const ios =
    /iPhone|iPad|iPod/.test(navigator.userAgent) ||
    (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1);
  const standalone =
    window.matchMedia?.('(display-mode: standalone)').matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return ios && !standalone;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  return x.every((v, i) => v === b[i]);
}

/**
 * Asks permission if the customer has not answered yet (call it from a tap: browsers refuse prompts
 * that no gesture asked for), then subscribes this browser with the server's VAPID key. A
 * subscription made earlier with another key (a reinstalled server) is replaced, since the browser
 * refuses to hold two.
 */
export async function subscribePush(vapidPublicKey: string): Promise<PushSubscriptionJSON> {
  if (pushSupport() === 'unsupported') throw new Error('push unsupported');
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission !== 'granted') throw new Error('push permission denied');
  // `ready` never settles without a registration (a dev server, a failed install): fail instead.
  if (!(await navigator.serviceWorker.getRegistration())) throw new Error('no service worker');
  const registration = await navigator.serviceWorker.ready;
  const applicationServerKey = keyBytes(vapidPublicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing && sameKey(existing.options.applicationServerKey, applicationServerKey))
    return existing.toJSON();
  if (existing) await existing.unsubscribe();
  const sub = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
  return sub.toJSON();
}

/** This browser's current subscription, if any, without asking anything. */
export async function currentPush(): Promise<PushSubscriptionJSON | null> {
  if (pushSupport() !== 'granted') return null;
  const registration = await navigator.serviceWorker.getRegistration();
  const sub = await registration?.pushManager.getSubscription();
  return sub ? sub.toJSON() : null;
}

/** Ends this browser's subscription; resolves with its endpoint (to tell the server), or null if there was none. */
export async function unsubscribePush(): Promise<string | null> {
  if (pushSupport() === 'unsupported') return null;
  const registration = await navigator.serviceWorker.getRegistration();
  const sub = await registration?.pushManager.getSubscription();
  if (!sub) return null;
  const { endpoint } = sub;
  await sub.unsubscribe();
  return endpoint;
}
