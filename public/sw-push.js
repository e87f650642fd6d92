/* global clients */
// Web Push for the generated service worker (vite.config.ts: workbox.importScripts). Plain JS,
// served as-is from public/: the server sends {title, body, url, tag} (src/server/push/notify.ts).

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    // Not ours or garbled: still show something, since a push without a notification is a
    // broken promise to the browser (userVisibleOnly) and Chrome shows its own generic one.
  }
  const title = typeof data.title === 'string' && data.title ? data.title : '단골';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      // One notification per order: "ready" replaces "accepted" rather than stacking below it.
      tag: typeof data.tag === 'string' ? data.tag : undefined,
      data: { url: typeof data.url === 'string' ? data.url : '/' },
      icon: '/icons/icon-192.png',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  // Only our own pages: a URL from the payload is resolved against this origin and must stay on it.
  const wanted = new URL(event.notification.data?.url || '/', self.location.origin);
  const target = wanted.origin === self.location.origin ? wanted.href : self.location.origin + '/';
  event.waitUntil(
    (async () => {
      const open = await clients.matchAll({ type: 'window', includeUncontrolled: true });
      const same = open.find((c) => c.url === target);
      // Another tab of the app is left alone (it may hold a cart being filled): a new window instead.
      if (same) return same.focus();
      return clients.openWindow(target);
    })(),
  );
});
