import { SCHEDULE_FORMAT, Schedule, ScheduleInstance } from '@rueda/formats';
import { measureSchedule } from './stats';

export interface ScheduleViolation {
  code:
    | 'format'
    | 'unknown-meeting'
    | 'duplicate-meeting'
    | 'missing-meeting'
    | 'missing-reason'
    | 'unknown-slot'
    | 'unknown-table'
    | 'table-double-booked'
    | 'parallel-exceeded'
    | 'unavailable'
    | 'max-meetings-exceeded'
    | 'fixed-table'
    | 'pin-moved'
    | 'outside-window'
    | 'stats'
    | 'bound';
  message: string;
}

/**
 * Checks a schedule against its instance: every hard rule of rueda.schedule-instance/1 and the
 * consistency of stats and bounds. Returns all violations (empty = valid).
 */
export function validateSchedule(instance: ScheduleInstance, schedule: Schedule): ScheduleViolation[] {
  const out: ScheduleViolation[] = [];
  const add = (code: ScheduleViolation['code'], message: string) => out.push({ code, message });
  if (schedule.format !== SCHEDULE_FORMAT) add('format', `format ${String(schedule.format)}`);

  const slotIdx = new Map(instance.slots.map((s, i) => [s.id, i]));
  const tableIds = new Set(instance.tables.map((t) => t.id));
  const parts = new Map(instance.participants.map((p) => [p.id, p]));
  const meetings = new Map(instance.meetings.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const note = (id: string) => {
    if (!meetings.has(id)) add('unknown-meeting', `meeting ${id} is not in the instance`);
    else if (seen.has(id)) add('duplicate-meeting', `meeting ${id} appears more than once`);
    seen.add(id);
  };

  const tableSlot = new Set<string>();
  const perSlot = new Map<string, number>();
  const perParticipant = new Map<string, number>();
  let weight = 0;
  for (const a of schedule.assignments) {
    note(a.meeting);
    const m = meetings.get(a.meeting);
    const s = slotIdx.get(a.slot);
    if (s === undefined) add('unknown-slot', `meeting ${a.meeting}: slot ${a.slot}`);
    if (!tableIds.has(a.table)) add('unknown-table', `meeting ${a.meeting}: table ${a.table}`);
    const key = `${a.table}@${a.slot}`;
    if (tableSlot.has(key)) add('table-double-booked', `table ${a.table} twice in slot ${a.slot}`);
    tableSlot.add(key);
    if (!m) continue;
    weight += m.weight ?? 1;
    if (m.pinned && (m.pinned.slot !== a.slot || m.pinned.table !== a.table)) {
      add('pin-moved', `meeting ${m.id} pinned at ${m.pinned.slot}/${m.pinned.table}, placed at ${a.slot}/${a.table}`);
    }
    if (m.allowedSlots && !m.allowedSlots.includes(a.slot)) {
      add('outside-window', `meeting ${m.id} placed at ${a.slot}, outside its allowedSlots`);
    }
    for (const pid of new Set(m.participants)) {
      const p = parts.get(pid);
      if (!p) continue;
      if ((p.unavailable ?? []).includes(a.slot)) add('unavailable', `${pid} unavailable in ${a.slot} (meeting ${m.id})`);
      if (p.fixedTable !== undefined && p.fixedTable !== a.table) {
        add('fixed-table', `${pid} must sit at ${p.fixedTable}, meeting ${m.id} is at ${a.table}`);
      }
      const k = `${pid}@${a.slot}`;
      const n = (perSlot.get(k) ?? 0) + 1;
      perSlot.set(k, n);
      const parallel = p.fixedTable !== undefined ? 1 : (p.parallel ?? 1);
      if (n === parallel + 1) add('parallel-exceeded', `${pid} has more than ${parallel} meeting(s) in ${a.slot}`);
      perParticipant.set(pid, (perParticipant.get(pid) ?? 0) + 1);
    }
  }
  for (const u of schedule.unscheduled) {
    note(u.meeting);
    if (!u.reason || !u.reason.trim()) add('missing-reason', `meeting ${u.meeting} unscheduled without a reason`);
    const m = meetings.get(u.meeting);
    if (m?.pinned) add('pin-moved', `pinned meeting ${m.id} left unscheduled`);
  }
  for (const id of meetings.keys()) if (!seen.has(id)) add('missing-meeting', `meeting ${id} is neither assigned nor unscheduled`);
  for (const [pid, n] of perParticipant) {
    const max = parts.get(pid)?.maxMeetings;
    if (max !== undefined && n > max) add('max-meetings-exceeded', `${pid} has ${n} meetings, maxMeetings ${max}`);
  }

  const { holes, breaks } = measureSchedule(instance, schedule.assignments);
  const st = schedule.stats;
  if (st.scheduled !== schedule.assignments.length) add('stats', `stats.scheduled ${st.scheduled} ≠ ${schedule.assignments.length}`);
  if (Math.abs(st.weight - weight) > 1e-6 * Math.max(1, weight)) add('stats', `stats.weight ${st.weight} ≠ ${weight}`);
  if (st.holes !== holes) add('stats', `stats.holes ${st.holes} ≠ ${holes}`);
  if (st.breaks !== undefined && st.breaks !== breaks) add('stats', `stats.breaks ${st.breaks} ≠ ${breaks}`);
  if (weight > schedule.bounds.weightUpperBound + 1e-6 * Math.max(1, weight)) {
    add('bound', `weight ${weight} exceeds weightUpperBound ${schedule.bounds.weightUpperBound}`);
  }
  const hlb = schedule.bounds.holesLowerBound;
  if (typeof hlb === 'number' && holes < hlb) add('bound', `holes ${holes} below holesLowerBound ${hlb}`);
  const ilb = schedule.bounds.idleLowerBound;
  const idle = instance.idleMeasure === 'breaks' ? breaks : holes;
  if (typeof ilb === 'number' && idle < ilb) add('bound', `idle time ${idle} below idleLowerBound ${ilb}`);
  return out;
}
