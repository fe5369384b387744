/* Rueda's service worker (scope /app/): shows the Web Push notices the server sends about a
 * participant's own agenda. Hand-written and small on purpose: it only relays notices. */
/* global self */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function readNotice(event) {
  try {
    return event.data ? event.data.json() : null;
  } catch {
    return null;
  }
}

self.addEventListener('push', (event) => {
  const notice = readNotice(event);
  if (!notice || !notice.title) return;
  // Spanish first: English only on a phone set to English.
  const lang = (self.navigator.language || 'es').toLowerCase().startsWith('en') ? 'en' : 'es';
  event.waitUntil(
    self.registration.showNotification(notice.title[lang] || notice.title.es, {
      body: (notice.body && (notice.body[lang] || notice.body.es)) || '',
      tag: notice.tag,
      renotify: true,
      lang,
      data: { at: notice.at },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
      const open = list.find((c) => new URL(c.url).pathname.startsWith('/app/a/'));
      if (open) return open.focus();
      return list[0] ? list[0].focus() : self.clients.openWindow(self.registration.scope);
    }),
  );
});
