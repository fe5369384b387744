import type { GadmFairness, IdleFairness, Schedule, ScheduleAssignment, ScheduleInstance } from '@rueda/formats';
import { isGadmParticipant } from './model';
import { measureSchedule } from './stats';

/**
 * How evenly meetings fall on GADMs: a municipality that asked for meetings and got none is
 * the failure organisers care about most, so it is counted separately.
 */
export function fairnessReport(instance: ScheduleInstance, schedule: Pick<Schedule, 'assignments'>): GadmFairness {
  const gadms = instance.participants.filter((p) => isGadmParticipant(p)).map((p) => p.id);
  const requested = new Map<string, number>(gadms.map((g) => [g, 0]));
  const got = new Map<string, number>(gadms.map((g) => [g, 0]));
  const meetingParticipants = new Map(instance.meetings.map((m) => [m.id, m.participants]));
  for (const m of instance.meetings) {
    for (const p of new Set(m.participants)) if (requested.has(p)) requested.set(p, requested.get(p)! + 1);
  }
  for (const a of schedule.assignments) {
    for (const p of new Set(meetingParticipants.get(a.meeting) ?? [])) if (got.has(p)) got.set(p, got.get(p)! + 1);
  }
  const counts = gadms.map((g) => got.get(g)!);
  const histogram: Record<string, number> = {};
  for (const c of counts) histogram[String(c)] = (histogram[String(c)] ?? 0) + 1;
  const withRequests = gadms.filter((g) => requested.get(g)! > 0);
  return {
    gadms: gadms.length,
    gadmsWithRequests: withRequests.length,
    gadmsWithRequestsAndNoMeeting: withRequests.filter((g) => got.get(g) === 0).length,
    min: counts.length ? Math.min(...counts) : 0,
    max: counts.length ? Math.max(...counts) : 0,
    mean: counts.length ? Math.round((counts.reduce((x, y) => x + y, 0) / counts.length) * 1000) / 1000 : 0,
    minAmongRequesting: withRequests.length ? Math.min(...withRequests.map((g) => got.get(g)!)) : 0,
    histogram,
  };
}

/**
 * How idle time falls on participants (the fairness of waits, Bofill et al.'s d): the spread
 * between the most and the least idle participant that has meetings, and the histogram.
 */
export function idleFairnessReport(instance: ScheduleInstance, assignments: ScheduleAssignment[]): IdleFairness {
  const idle = [...measureSchedule(instance, assignments).idleByParticipant.values()];
  const histogram: Record<string, number> = {};
  for (const n of idle) histogram[String(n)] = (histogram[String(n)] ?? 0) + 1;
  const max = idle.length ? Math.max(...idle) : 0;
  const min = idle.length ? Math.min(...idle) : 0;
  return { measure: instance.idleMeasure ?? 'holes', spread: max - min, max, histogram };
}
