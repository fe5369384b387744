// Test and benchmark helper: the small instances of exact.spec.ts and bench/scheduling/dense.ts.
import { generateInstance } from '../generator';
import { Rng } from '../rng';

/** Small instances of varied shape: tight tables, tight agendas, pins, fixed tables, GADM–GADM meetings. */
export function smallInstance(seed: number) {
  const r = new Rng(seed * 7919 + 1);
  const participants = 6 + r.int(20); // 6..25
  const gadms = Math.max(1, Math.round(participants * (0.5 + r.next() * 0.3)));
  return generateInstance({
    seed,
    gadms,
    cooperants: Math.max(1, participants - gadms),
    meetings: 8 + r.int(53), // ..60
    slots: 2 + r.int(6),
    tables: 1 + r.int(6),
    unavailableShare: 0.3,
    maxMeetingsShare: 0.3,
    fixedTableShare: 0.3,
    pins: r.int(4),
    sameKindShare: 0.1,
  });
}
