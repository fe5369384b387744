import { APP_BASE } from '../config';

/** The service worker built from sw/sw.ts (vite-plugin-pwa); push opt-in registers the same one. */
export const SW_URL = `${APP_BASE}sw.js`;

/**
 * Installs the service worker once the page has loaded, so the first paint and the page's own
 * requests never wait for its precache. Not in development (`vite` serves no sw.js).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register(SW_URL, { scope: APP_BASE }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
