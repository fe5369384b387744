import { EntityManager } from 'typeorm';
import { conflict, DomainError, NOUNS, notFound } from '@rueda/domain';
import type { ScheduleAssignment, ScheduleBounds, ScheduleInstance } from '@rueda/formats';
import { buildIndex, cellProblem, LiveState, Reason } from '@rueda/live';
import { remeasureSchedule } from '@rueda/scheduling';
import { ScheduleAssignmentEntity, ScheduleVersionEntity } from '../entities';
import { lockEvent } from '../live/live-state';
import { loadEventScheduleInstance } from './event-schedule-instance';
import { storedFairness } from './schedule-versions';

/** A draft edit the schedule's rules refuse, with their reason. */
const refused = (reason: Reason) => conflict('cell_unavailable', reason);

/** The draft as libs/live sees a day before it starts: every slot ahead, everybody present. */
function draftState(instance: ScheduleInstance, assignments: ScheduleAssignment[]): LiveState {
  const byId = new Map(instance.meetings.map((m) => [m.id, m]));
  return {
    now: new Date(0),
    slots: instance.slots.map((s) => ({ id: s.id, startsAt: new Date(s.start ?? 0), endsAt: new Date(s.end ?? 0) })),
    tables: instance.tables.map((t, i) => ({ id: t.id, number: i + 1 })),
    participants: instance.participants.map((p) => ({
      id: p.id,
      kind: p.kind === 'gadm' ? 'gadm' : 'cooperant',
      parallel: p.fixedTable ? 1 : (p.parallel ?? 1),
      checkedIn: true,
      unavailable: p.unavailable ?? [],
      ...(p.maxMeetings !== undefined ? { maxMeetings: p.maxMeetings } : {}),
      ...(p.fixedTable ? { fixedTable: p.fixedTable } : {}),
    })),
    meetings: assignments.map((a) => {
      const m = byId.get(a.meeting)!;
      return {
        id: a.meeting,
        a: m.participants[0],
        b: m.participants[1],
        status: 'scheduled' as const,
        slotId: a.slot,
        tableId: a.table,
        weight: m.weight ?? 1,
      };
    }),
    candidates: [],
  };
}

const REMOVED = 'retirada por la organización / removed by the organisers';

/**
 * An organiser drags a meeting of a draft to another cell (or out of the agenda with
 * `to = null`). Refused with the reason when the table is taken, someone is busy or
 * unavailable, or the meeting was already announced; the figures are measured again.
 */
export async function editDraftAssignment(
  m: EntityManager,
  eventId: string,
  versionId: string,
  meetingId: string,
  to: { slotId: string; tableId: string } | null,
): Promise<ScheduleVersionEntity> {
  return m.transaction(async (t) => {
    await lockEvent(t, eventId);
    const version = await t.getRepository(ScheduleVersionEntity).findOneBy({ id: versionId, eventId });
    if (!version) throw notFound(NOUNS.scheduleVersion, versionId);
    if (version.status !== 'draft') throw conflict('not_draft', { es: 'Solo se edita un borrador', en: 'Only a draft can be edited' });
    const { instance } = await loadEventScheduleInstance(t, eventId, { keepPublished: version.params.mode !== 'full' });
    const meeting = instance.meetings.find((x) => x.id === meetingId);
    if (!meeting) {
      throw new DomainError('not_found', 'not_found', {
        es: 'La reunión no está en esta agenda',
        en: 'The meeting is not in this schedule',
      });
    }
    if (meeting.pinned) {
      throw refused({
        es: 'ya fue anunciada en la agenda publicada; muévala en vivo',
        en: 'it was announced in the published schedule; move it live',
      });
    }
    const rows = await t.getRepository(ScheduleAssignmentEntity).findBy({ scheduleVersionId: versionId });
    const others = rows.filter((r) => r.meetingId !== meetingId).map((r) => ({ meeting: r.meetingId, slot: r.slotId, table: r.tableId }));
    if (to) {
      const state = draftState(instance, others);
      const ix = buildIndex(state);
      const pos = ix.slotPos.get(to.slotId);
      if (pos === undefined || !instance.tables.some((x) => x.id === to.tableId)) {
        throw refused({ es: 'franja o mesa desconocida', en: 'unknown slot or table' });
      }
      const problem = cellProblem(ix, meeting.participants[0], meeting.participants[1], pos, to.tableId, {
        timing: 'later',
        addsMeeting: true,
      });
      if (problem) throw refused(problem);
    }
    await t.getRepository(ScheduleAssignmentEntity).delete({ scheduleVersionId: versionId, meetingId });
    if (to)
      await t
        .getRepository(ScheduleAssignmentEntity)
        .insert({ scheduleVersionId: versionId, meetingId, slotId: to.slotId, tableId: to.tableId });
    const assignments = to ? [...others, { meeting: meetingId, slot: to.slotId, table: to.tableId }] : others;
    const unscheduled = version.unscheduled
      .filter((u) => u.meeting !== meetingId)
      .concat(to ? [] : [{ meeting: meetingId, reason: REMOVED }]);
    // The bounds stay true of the instance; the gaps and the "proven optimal" claim are measured again.
    const again = remeasureSchedule(instance, assignments, version.bounds as ScheduleBounds);
    const stats = {
      ...version.stats,
      scheduled: assignments.length,
      weight: again.weight,
      holes: again.holes,
      breaks: again.breaks,
      editedByHand: true,
    };
    await t.query(`UPDATE schedule_versions SET stats = $2, unscheduled = $3, bounds = $4, fairness = $5 WHERE id = $1`, [
      versionId,
      JSON.stringify(stats),
      JSON.stringify(unscheduled),
      JSON.stringify(again.bounds),
      JSON.stringify(storedFairness(again)),
    ]);
    return t.getRepository(ScheduleVersionEntity).findOneByOrFail({ id: versionId });
  });
}
