import { useEffect, useRef, useState } from 'react';
import { useLiveLoad, type LiveFed, type Loaded } from '../hooks';
import type { LiveReducer } from '../live-apply';
import { readSnapshot, saveSnapshot, unreachable } from './snapshot';

/** How a page's data goes to and comes back from storage (Maps and the like need a plain shape). */
export interface SnapshotCodec<T, S> {
  save: (v: T) => S;
  restore: (s: S) => T;
}
const plain = { save: (v: unknown) => v, restore: (s: unknown) => s };

/**
 * `useLiveLoad`, remembering each answer on the device: when the server cannot be reached, the
 * last answer is shown instead and `savedAt` says when it was read (null while the data is fresh).
 * Live messages applied to fresh data are remembered too.
 */
export function useOfflineLoad<T, S = T>(
  key: string,
  load: () => Promise<T>,
  deps: unknown[],
  codec: SnapshotCodec<T, S> = plain as SnapshotCodec<T, S>,
  reduce: LiveReducer<T> = (s) => s,
): Loaded<T> & LiveFed & { savedAt: string | null } {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const loaded = useLiveLoad(
    async () => {
      try {
        const v = await load();
        saveSnapshot(keyRef.current, codec.save(v));
        setSavedAt(null);
        return v;
      } catch (e) {
        const kept = unreachable(e) ? readSnapshot<S>(keyRef.current) : null;
        if (!kept) throw e;
        setSavedAt(kept.at);
        return codec.restore(kept.data);
      }
    },
    deps,
    reduce,
  );
  const codecRef = useRef(codec);
  codecRef.current = codec;
  // What live messages changed is what the device shows now: keep it (never over a kept copy shown offline).
  useEffect(() => {
    if (loaded.data !== undefined && savedAt === null) saveSnapshot(keyRef.current, codecRef.current.save(loaded.data));
  }, [loaded.data, savedAt]);
  return { ...loaded, savedAt };
}
