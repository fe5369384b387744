import type { ScheduleAssignment, ScheduleInstance } from '@rueda/formats';

export interface MeasuredSchedule {
  scheduled: number;
  weight: number;
  holes: number;
  breaks: number;
  /** Idle time per participant with at least one meeting, by the instance's idleMeasure. */
  idleByParticipant: Map<string, number>;
}

/**
 * Weight and idle time of a set of assignments, as the format defines them. Holes: for each
 * participant, the slots between its first and last meeting where it is available but has no
 * meeting. Breaks: for each participant, the times two consecutive meetings of its agenda are
 * not in consecutive slots.
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
  let breaks = 0;
  const idleByParticipant = new Map<string, number>();
  for (const [pid, set] of slotsOf) {
    const unavailable = new Set((parts.get(pid)?.unavailable ?? []).map((id) => slotIdx.get(id)));
    const busy = [...set].sort((x, y) => x - y);
    let h = 0;
    let b = 0;
    for (let k = 1; k < busy.length; k++) {
      if (busy[k] === busy[k - 1] + 1) continue;
      b++;
      for (let s = busy[k - 1] + 1; s < busy[k]; s++) if (!unavailable.has(s)) h++;
    }
    holes += h;
    breaks += b;
    idleByParticipant.set(pid, instance.idleMeasure === 'breaks' ? b : h);
  }
  return { scheduled: assignments.length, weight, holes, breaks, idleByParticipant };
}
