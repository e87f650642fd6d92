import { Workbox } from 'workbox-window';

/**
 * The only module that imports workbox-window. The service worker precaches the app shell so the
 * shop's page opens offline after one visit. No forced skipWaiting: a new version waits until every
 * tab reloads, so lazy chunks of the running version are never pulled out from under it.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const wb = new Workbox('/sw.js');
  void wb.register().catch(() => {
    /* no service worker: the app still works online */
  });
}
