import { useRef, useState } from 'react';
import { useLoad, type Loaded } from '../hooks';
import { readSnapshot, saveSnapshot, unreachable } from './snapshot';

/** How a page's data goes to and comes back from storage (Maps and the like need a plain shape). */
export interface SnapshotCodec<T, S> {
  save: (v: T) => S;
  restore: (s: S) => T;
}
const plain = { save: (v: unknown) => v, restore: (s: unknown) => s };

/**
 * `useLoad`, remembering each answer on the device: when the server cannot be reached, the last
 * answer is shown instead and `offlineSince` says when it was read (null while the data is fresh).
 */
export function useOfflineLoad<T, S = T>(
  key: string,
  load: () => Promise<T>,
  deps: unknown[],
  codec: SnapshotCodec<T, S> = plain as SnapshotCodec<T, S>,
): Loaded<T> & { savedAt: string | null } {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const loaded = useLoad(async () => {
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
  }, deps);
  return { ...loaded, savedAt };
}
