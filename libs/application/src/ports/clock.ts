/** The time, asked in one place: use cases and adapters never call `new Date()` themselves. */
export interface Clock {
  now(): Date;
}

/** The machine's clock: the one adapter allowed to read it. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that shows `at` until moved; tests and replays use it. */
export function fixedClock(at: Date | string): Clock & { set(to: Date | string): void; advance(ms: number): void } {
  let t = new Date(at).getTime();
  return {
    now: () => new Date(t),
    set: (to) => void (t = new Date(to).getTime()),
    advance: (ms) => void (t += ms),
  };
}
