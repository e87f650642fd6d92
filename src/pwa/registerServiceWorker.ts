import { Workbox } from 'workbox-window';
import { markUpdateWaiting } from './updateStore';

/**
 * The only module that imports workbox-window. The service worker precaches the app shell so the
 * shop's page opens offline after one visit.
 *
 * No automatic skipWaiting: a new version waits until the user taps "reload" (applyUpdate). Taking
 * over a running page would leave it asking for lazy chunks of its own version that the new worker
 * has just dropped from its cache — a blank screen on a phone that is offline at that moment.
 */

/** Long-lived tabs (the shop's counter tablet, open all day) must still learn about new builds. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** Coming back to the tab checks too, but at most this often, so tab flipping never floods the server. */
const MIN_CHECK_GAP_MS = 5 * 60 * 1000;

let wb: Workbox | undefined;
let registration: ServiceWorkerRegistration | undefined;
let reloading = false;
let lastCheck = 0;

function reloadOnce(): void {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}

function checkForUpdate(): void {
  if (!wb || !navigator.onLine) return;
  lastCheck = Date.now();
  void wb.update().catch(() => {
    /* offline or the server is down: the next check will do */
  });
}

/** The user chose to update: activate the waiting worker, then reload under it. */
export function applyUpdate(): void {
  if (!wb) return;
  const waiting = registration?.waiting;
  if (!waiting) {
    // Another tab already activated it; this page only needs the new code.
    reloadOnce();
    return;
  }
  // `controlling` fires when the new worker takes this page (it also fires with isExternal when the
  // page tracked an older worker; either way it is the update we asked for).
  wb.addEventListener('controlling', reloadOnce);
  // A page loaded with a hard reload is not controlled, so it never sees `controlling`.
  waiting.addEventListener('statechange', () => {
    if (waiting.state === 'activated' && !navigator.serviceWorker.controller) reloadOnce();
  });
  wb.messageSkipWaiting();
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  wb = new Workbox('/sw.js');
  // Also dispatched right after register() when a worker was already waiting
  // (wasWaitingBeforeRegister), e.g. the user reloaded without tapping the prompt.
  wb.addEventListener('waiting', markUpdateWaiting);
  wb.register()
    .then((reg) => {
      registration = reg;
      if (!reg) return;
      lastCheck = Date.now(); // register() itself just checked
      setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && Date.now() - lastCheck >= MIN_CHECK_GAP_MS)
          checkForUpdate();
      });
    })
    .catch(() => {
      /* no service worker: the app still works online */
    });
}
