import type { GadmFairness, IdleFairness, ScheduleAssignment, ScheduleBounds, ScheduleInstance } from '@rueda/formats';
import { fairnessReport, idleFairnessReport } from './fairness';
import { measureSchedule } from './stats';

/** What a schedule's value and its proven bounds say: the gaps and whether it is the proven optimum. */
export function proofFigures(weight: number, idle: number, weightUpperBound: number, idleLowerBound: number) {
  const gap = weightUpperBound > 0 ? Math.round(((weightUpperBound - weight) / weightUpperBound) * 1e6) / 1e6 : 0;
  return {
    // weightRatio = weight / bound (1 = provably optimal weight); gap is the usual 1 - ratio.
    weightRatio: weightUpperBound > 0 ? Math.round((weight / weightUpperBound) * 1e6) / 1e6 : 1,
    gap,
    idleGap: Math.max(0, idle - idleLowerBound),
    optimal: gap <= 0 && idle <= idleLowerBound,
  };
}

/**
 * Figures of a schedule changed by hand (a draft edit): measured again, and its proof too —
 * the bounds stay true of the instance, but a moved meeting can open a gap the solver had closed.
 */
export function remeasureSchedule(
  instance: ScheduleInstance,
  assignments: ScheduleAssignment[],
  bounds: ScheduleBounds,
): { weight: number; holes: number; breaks: number; bounds: ScheduleBounds; fairness: GadmFairness; idleFairness: IdleFairness } {
  const measured = measureSchedule(instance, assignments);
  const idle = (instance.idleMeasure ?? 'holes') === 'breaks' ? measured.breaks : measured.holes;
  const idleLowerBound = bounds.idleLowerBound ?? 0;
  return {
    weight: measured.weight,
    holes: measured.holes,
    breaks: measured.breaks,
    bounds: { ...bounds, ...proofFigures(measured.weight, idle, bounds.weightUpperBound, idleLowerBound) },
    fairness: fairnessReport(instance, { assignments }),
    idleFairness: idleFairnessReport(instance, assignments),
  };
}
