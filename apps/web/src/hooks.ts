import { useCallback, useEffect, useRef, useState } from 'react';
import type { LivePush } from '@rueda/realtime';
import { connectLive, type LiveClient, type LiveState } from './live';
import { LiveView, type LiveReducer } from './live-apply';

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

/** What a page's live data offers the feed: each message, and a reload when the server says the feed cannot be continued. */
export interface LiveFed {
  receive: (m: LivePush) => void;
  reload: () => Promise<void>;
}

/**
 * `useLoad` kept current by live messages: each message goes through `reduce` (see
 * live-apply.ts) and the page shows the result at once; only a RELOAD verdict reloads. Messages
 * that arrive during a reload are applied again on its answer.
 */
export function useLiveLoad<T>(load: () => Promise<T>, deps: unknown[], reduce: LiveReducer<T>): Loaded<T> & LiveFed {
  const [data, setState] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const loader = useRef(load);
  loader.current = load;
  const view = useRef<LiveView<T> | null>(null);
  view.current ??= new LiveView(reduce);
  const reload = useCallback(async (): Promise<void> => {
    const v = view.current!;
    const ticket = v.reloading();
    try {
      const fresh = await loader.current();
      const verdict = v.loaded(ticket, fresh);
      if (verdict === 'stale') return;
      setState(v.state);
      setError(undefined);
      setLoading(false);
      if (verdict === 'again') await reload();
    } catch (e) {
      if (!v.failed(ticket)) return;
      setError(e);
      setLoading(false);
    }
  }, []);
  const receive = useCallback(
    (m: LivePush) => {
      const verdict = view.current!.receive(m);
      if (verdict === 'applied') setState(view.current!.state);
      else if (verdict === 'reload') void reload();
    },
    [reload],
  );
  const setData = useCallback((v: T) => {
    view.current!.state = v;
    setState(v);
  }, []);
  useEffect(() => {
    setLoading(true);
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error, loading, reload, setData, receive };
}

/**
 * The live feed of a page: every message goes to each of `fed` (which apply it, see
 * useLiveLoad); they reload only when the server says the feed cannot be continued (a gap it
 * cannot replay, or a client with nothing yet), when a message carries too little, and every
 * `pollMs` while the socket is not live.
 */
export function useLiveFeed(opts: {
  token: string | null;
  eventId?: string;
  tableId?: string;
  view?: 'board';
  fed: LiveFed[];
  onMessage?: (m: LivePush) => void;
  pollMs?: number;
}): { state: LiveState; client: React.RefObject<LiveClient | null> } {
  const [state, setState] = useState<LiveState>('connecting');
  const client = useRef<LiveClient | null>(null);
  const fed = useRef(opts.fed);
  fed.current = opts.fed;
  const onMessage = useRef(opts.onMessage);
  onMessage.current = opts.onMessage;
  useEffect(() => {
    if (!opts.token) return;
    const c = connectLive({
      token: opts.token,
      eventId: opts.eventId,
      tableId: opts.tableId,
      view: opts.view,
      onMessage: (m) => {
        for (const f of fed.current) f.receive(m);
        onMessage.current?.(m);
      },
      onSnapshot: async () => {
        await Promise.all(fed.current.map((f) => f.reload()));
      },
      onState: (s) => setState(s),
    });
    client.current = c;
    return () => {
      c.close();
      client.current = null;
    };
  }, [opts.token, opts.eventId, opts.tableId, opts.view]);
  useInterval(() => fed.current.forEach((f) => void f.reload()), opts.pollMs ?? 5000, state !== 'live');
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
