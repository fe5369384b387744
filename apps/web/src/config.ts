/**
 * Where the API lives. Same origin by default (the API serves the SPA at /app/), so no
 * configuration is needed in production. For development or tests a different origin can be
 * given with `?api=http://host:port` (remembered for the tab) or `window.RUEDA_CONFIG.apiBase`
 * (the API must then allow that origin with CORS).
 */
const KEY = 'rueda.apiBase';

declare global {
  interface Window {
    RUEDA_CONFIG?: { apiBase?: string };
  }
}

function resolveApiBase(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('api');
  if (fromQuery !== null) sessionStorage.setItem(KEY, fromQuery);
  const value = window.RUEDA_CONFIG?.apiBase ?? sessionStorage.getItem(KEY) ?? '';
  return value.replace(/\/+$/, '');
}

export const API_BASE = resolveApiBase();
/** The SPA's own base path, '/app/'. */
export const APP_BASE = import.meta.env.BASE_URL;
/** Absolute URL of a page of this SPA (for access links). */
export const appUrl = (path: string) => `${window.location.origin}${APP_BASE}${path.replace(/^\/+/, '')}`;
