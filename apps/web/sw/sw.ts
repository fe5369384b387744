/// <reference lib="webworker" />
/**
 * Rueda's service worker (scope /app/), built by vite-plugin-pwa (injectManifest) with Workbox:
 *   - precaches the app shell and the pages a phone needs with no connection — the participant's
 *     agenda and the table view — never the organiser console (see `pocketChunks` in
 *     vite.config.ts), and answers every /app/… navigation with the cached shell;
 *   - shows the Web Push notices the server sends about a participant's own agenda.
 * The data itself (agenda, table plan) is kept by the pages, with the time it was read, so they
 * can say how old it is; table marks made offline wait in the page's queue (src/offline/).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

void self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/app/index.html'), { allowlist: [/^\/app(\/|$)/] }));

interface Notice {
  title?: { es: string; en?: string };
  body?: { es: string; en?: string };
  tag?: string;
  at?: string;
}

function readNotice(event: PushEvent): Notice | null {
  try {
    return event.data ? (event.data.json() as Notice) : null;
  } catch {
    return null;
  }
}

self.addEventListener('push', (event) => {
  const notice = readNotice(event);
  if (!notice?.title) return;
  // Spanish first: English only on a phone set to English.
  const lang = (self.navigator.language || 'es').toLowerCase().startsWith('en') ? 'en' : 'es';
  event.waitUntil(
    self.registration.showNotification(notice.title[lang] || notice.title.es, {
      body: notice.body?.[lang] || notice.body?.es || '',
      tag: notice.tag,
      lang,
      data: { at: notice.at },
      // Not in TypeScript's NotificationOptions yet: a changed meeting buzzes again under the same tag.
      ...({ renotify: true } as object),
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
