import { ApiError } from '../api';

/**
 * The last data a page read, kept on the device with the time it was read, so the agenda and
 * the table plan stay readable with no connection and can say how old they are. localStorage:
 * small (one agenda, one table's day), synchronous, and already where the session lives.
 */
export interface Snapshot<T> {
  /** When the data was read from the server (ISO). */
  at: string;
  data: T;
}

const PREFIX = 'rueda.offline.';

/**
 * Snapshots of organiser pages (the table plan) are kept under this scope, so signing out of a
 * shared tablet can forget them: a participant's own agenda (keyed by its link) is not touched.
 */
export const STAFF_SCOPE = 'staff.';

/** Removes every localStorage entry whose key starts with one of these prefixes. */
export function forgetStored(...prefixes: string[]): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k !== null);
    for (const k of keys) if (prefixes.some((p) => k.startsWith(p))) localStorage.removeItem(k);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/** The organiser pages' snapshots on this device. */
export const STAFF_SNAPSHOTS = PREFIX + STAFF_SCOPE;

export function saveSnapshot<T>(key: string, data: T, at = new Date()): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ at: at.toISOString(), data }));
  } catch {
    // Storage full or disabled: the page still works online, it just cannot be read offline.
  }
}

export function readSnapshot<T>(key: string): Snapshot<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as Snapshot<T>) : null;
  } catch {
    return null;
  }
}

/** The server could not be reached (no network, or a gateway with nothing behind it). */
export function unreachable(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504);
}

/** A short, stable name for a secret (a participant's link) in a storage key, never the secret itself. */
export function keyOf(secret: string): string {
  let h = 5381;
  for (let i = 0; i < secret.length; i++) h = ((h << 5) + h + secret.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
