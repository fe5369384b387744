import { generateLiveState } from '@rueda/live';

/**
 * The day the recovery benchmarks seed at `scale` times the Jornada (1: 301 participants, 60
 * tables, 24 slots, ~1,400 meetings, a waitlist and 3,000 match candidates), the same for
 * recovery-scale.ts and recovery-plans.ts so their figures describe one workload.
 */
export const recoveryDay = (scale: number) =>
  generateLiveState({
    seed: 42,
    gadms: 221 * scale,
    cooperants: 80 * scale,
    slots: 24,
    tables: 60 * scale,
    meetings: 1400 * scale,
    unscheduled: 200 * scale,
    candidates: 3000 * scale,
    nowOffsetMinutes: 70,
    fixedTableShare: 0.05,
  });
