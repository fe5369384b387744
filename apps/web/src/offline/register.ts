import { APP_BASE } from '../config';

/** The service worker built from sw/sw.ts (vite-plugin-pwa); push opt-in registers the same one. */
export const SW_URL = `${APP_BASE}sw.js`;

/**
 * Installs the service worker once the page has loaded, so the first paint and the page's own
 * requests never wait for its precache. Not under the development server (`vite` serves no
 * sw.js). The mode, not PROD: a build made with NODE_ENV=test (npm test) is not PROD but has one.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.MODE === 'development' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register(SW_URL, { scope: APP_BASE }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
