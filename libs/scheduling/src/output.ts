import { SCHEDULE_FORMAT, Schedule, ScheduleAssignment, ScheduleUnscheduled } from '@rueda/formats';
import { fairnessReport, idleFairnessReport } from './fairness';
import { Model, TABLE_CLASH } from './model';
import { proofFigures } from './proof';
import { ScheduleState } from './state';

export const REASONS = {
  tableClash: 'sus participantes tienen mesas fijas distintas / its participants have different fixed tables',
  noCommonSlot: 'sin franja libre común / no common free slot',
  noTables: 'no hay mesas / there are no tables',
  limit: (who: string) => `límite de reuniones alcanzado por ${who} / meeting limit reached by ${who}`,
  displaced:
    'sin franja y mesa compatibles libres: las agendas y mesas se usaron para reuniones de más peso o más encajables / no compatible slot and table left: agendas and tables went to heavier or better-fitting meetings',
} as const;

/** Why a meeting could not be placed, in terms an organiser can act on. */
export function unscheduledReason(model: Model, state: ScheduleState, m: number): string {
  if (model.T === 0) return REASONS.noTables;
  if (model.resTable[m] === TABLE_CLASH) return REASONS.tableClash;
  if (model.commonSlots[m] === 0) return REASONS.noCommonSlot;
  const full = [model.pa[m], model.pb[m]].filter((p) => state.count[p] >= model.maxMeetings[p]);
  if (full.length > 0) return REASONS.limit(full.map((p) => model.participantIds[p]).join(', '));
  return REASONS.displaced;
}

export interface OutputExtras {
  seconds: number;
  weightUpperBound: number;
  holesLowerBound: number;
  /** No schedule of at least this schedule's weight has less idle time (by the instance's idleMeasure). */
  idleLowerBound: number;
  /** Set when the wall clock, not the work budget, ended the search (the result then depends on machine speed). */
  stoppedByClock?: boolean;
}

/** Turns slot choices into a rueda.schedule/1 document, handing out concrete tables. */
export function buildSchedule(model: Model, state: ScheduleState, extras: OutputExtras): Schedule {
  const { S, T, M } = model;
  const tableOf = new Int32Array(M).fill(-1);
  const used = new Uint8Array(T);
  for (let s = 0; s < S; s++) {
    used.fill(0);
    const members = Array.from(state.members.subarray(s * T, s * T + state.slotCount[s]));
    for (const m of members) {
      const rt = model.resTable[m];
      if (rt >= 0) {
        tableOf[m] = rt;
        used[rt] = 1;
      }
    }
    // Free meetings take the lowest free tables, in meeting order, so output is stable.
    members.sort((x, y) => x - y);
    let t = 0;
    for (const m of members) {
      if (tableOf[m] >= 0) continue;
      while (used[t]) t++;
      tableOf[m] = t;
      used[t] = 1;
    }
  }
  const assignments: ScheduleAssignment[] = [];
  const unscheduled: ScheduleUnscheduled[] = [];
  for (let m = 0; m < M; m++) {
    const s = state.slotOf[m];
    if (s >= 0) assignments.push({ meeting: model.meetingIds[m], slot: model.slotIds[s], table: model.tableIds[tableOf[m]] });
    else unscheduled.push({ meeting: model.meetingIds[m], reason: unscheduledReason(model, state, m) });
  }
  const weight = roundWeight(state.weight);
  const ub = roundWeight(extras.weightUpperBound);
  const idle = state.totalIdle();
  const idleLowerBound = Math.min(idle, extras.idleLowerBound);
  return {
    format: SCHEDULE_FORMAT,
    assignments,
    unscheduled,
    stats: {
      scheduled: assignments.length,
      weight,
      holes: state.totalHoles(),
      breaks: state.totalBreaks(),
      seconds: Math.round(extras.seconds * 1000) / 1000,
      ...(extras.stoppedByClock ? { stoppedBy: 'time' } : {}),
    },
    bounds: {
      weightUpperBound: ub,
      holesLowerBound: Math.min(extras.holesLowerBound, state.totalHoles()),
      idleMeasure: model.idleMeasure,
      idleLowerBound,
      ...proofFigures(weight, idle, ub, idleLowerBound),
    },
    fairness: fairnessReport(model.instance, { assignments }),
    idleFairness: idleFairnessReport(model.instance, assignments),
  };
}

/** Sums of float weights drift; keep output readable without changing integer results. */
export function roundWeight(w: number): number {
  return Math.round(w * 1e9) / 1e9;
}
