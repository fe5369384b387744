import type { ScheduleAssignment, ScheduleInstance } from '@rueda/formats';

export interface MeasuredSchedule {
  scheduled: number;
  weight: number;
  holes: number;
}

/**
 * Weight and holes of a set of assignments, as the format defines them: for each participant,
 * the slots between its first and last meeting where it is available but has no meeting.
 */
export function measureSchedule(instance: ScheduleInstance, assignments: ScheduleAssignment[]): MeasuredSchedule {
  const slotIdx = new Map(instance.slots.map((s, i) => [s.id, i]));
  const parts = new Map(instance.participants.map((p) => [p.id, p]));
  const meetings = new Map(instance.meetings.map((m) => [m.id, m]));
  const slotsOf = new Map<string, Set<number>>();
  let weight = 0;
  for (const a of assignments) {
    const m = meetings.get(a.meeting);
    const s = slotIdx.get(a.slot);
    if (!m) continue;
    weight += m.weight ?? 1;
    if (s === undefined) continue;
    for (const pid of new Set(m.participants)) {
      const set = slotsOf.get(pid) ?? new Set<number>();
      set.add(s);
      slotsOf.set(pid, set);
    }
  }
  let holes = 0;
  for (const [pid, set] of slotsOf) {
    const unavailable = new Set((parts.get(pid)?.unavailable ?? []).map((id) => slotIdx.get(id)));
    const first = Math.min(...set);
    const last = Math.max(...set);
    for (let s = first + 1; s < last; s++) if (!set.has(s) && !unavailable.has(s)) holes++;
  }
  return { scheduled: assignments.length, weight, holes };
}
