import { useCallback, useEffect, useRef, useState } from 'react';
import type { LivePush } from '@rueda/realtime';
import { connectLive, type LiveClient, type LiveState } from './live';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (v: T) => void;
}

/** Loads data with `load` whenever `deps` change; `reload` refetches quietly (no flicker). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const loader = useRef(load);
  loader.current = load;
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const v = await loader.current();
      if (mine === seq.current) {
        setData(v);
        setError(undefined);
      }
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);
  useEffect(() => {
    setLoading(true);
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error, loading, reload, setData };
}

/** Calls `fn` every `ms` while `active`. */
export function useInterval(fn: () => void, ms: number, active = true): void {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => saved.current(), ms);
    return () => window.clearInterval(id);
  }, [ms, active]);
}

/**
 * Live updates with a REST fallback: `refresh` runs (debounced) after live messages, and every
 * `pollMs` while the socket is not live (every 30 s when it is, as a safety net).
 */
export function useLiveRefresh(opts: {
  token: string | null;
  eventId?: string;
  tableId?: string;
  view?: 'board';
  refresh: () => void;
  onMessage?: (m: LivePush) => void;
  pollMs?: number;
}): { state: LiveState; client: React.RefObject<LiveClient | null> } {
  const [state, setState] = useState<LiveState>('connecting');
  const client = useRef<LiveClient | null>(null);
  const refresh = useRef(opts.refresh);
  refresh.current = opts.refresh;
  const onMessage = useRef(opts.onMessage);
  onMessage.current = opts.onMessage;
  useEffect(() => {
    if (!opts.token) return;
    let timer: number | undefined;
    const c = connectLive({
      token: opts.token,
      eventId: opts.eventId,
      tableId: opts.tableId,
      view: opts.view,
      onMessage: (m) => {
        onMessage.current?.(m);
        window.clearTimeout(timer);
        timer = window.setTimeout(() => refresh.current(), 250);
      },
      onSnapshot: async () => refresh.current(),
      onState: (s) => setState(s),
    });
    client.current = c;
    return () => {
      window.clearTimeout(timer);
      c.close();
      client.current = null;
    };
  }, [opts.token, opts.eventId, opts.tableId, opts.view]);
  useInterval(() => refresh.current(), state === 'live' ? 30_000 : (opts.pollMs ?? 5000));
  return { state, client };
}

/** The current time, ticking every `ms` (for countdowns); `?at=ISO` pins it for previews. */
export function useNow(ms = 1000): number {
  const pinned = new URLSearchParams(window.location.search).get('at');
  const offset = useRef(pinned && !Number.isNaN(Date.parse(pinned)) ? Date.parse(pinned) - Date.now() : 0);
  const [now, setNow] = useState(Date.now() + offset.current);
  useInterval(() => setNow(Date.now() + offset.current), ms);
  return now;
}
