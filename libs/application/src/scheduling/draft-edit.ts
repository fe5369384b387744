import { z } from 'zod';
import { conflict, DomainError, NOUNS, notFound } from '@rueda/domain';
import type { ScheduleAssignment, ScheduleBounds, ScheduleInstance } from '@rueda/formats';
import { buildIndex, cellProblem, type LiveState, type Reason } from '@rueda/live';
import { remeasureSchedule } from '@rueda/scheduling';
import { admins } from '../authorization';
import { useCase } from '../use-case';

/** The draft as libs/live sees a day before it starts: every slot ahead, everybody present. */
export function draftState(instance: ScheduleInstance, assignments: ScheduleAssignment[]): LiveState {
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
const refused = (reason: Reason) => conflict('cell_unavailable', reason);

export const EditDraftAssignmentCommand = z
  .object({
    eventId: z.uuid(),
    versionId: z.uuid(),
    meetingId: z.uuid(),
    /** The new cell; null takes the meeting out of the draft. */
    to: z.object({ slotId: z.uuid(), tableId: z.uuid() }).strict().nullable(),
  })
  .strict();

/**
 * An organiser drags a meeting of a draft to another cell (or out of the agenda). Refused with
 * the reason when the table is taken, someone is busy or unavailable, or the meeting was
 * already announced; the figures are measured again.
 */
export const EditDraftAssignment = useCase({
  name: 'EditDraftAssignment',
  command: EditDraftAssignmentCommand,
  authorize: admins,
  async run({ tx, now }, cmd) {
    await tx.lockEvent(cmd.eventId);
    const schedules = tx.repos.schedules;
    const version = await schedules.find(cmd.eventId, cmd.versionId);
    if (!version) throw notFound(NOUNS.scheduleVersion, cmd.versionId);
    if (version.status !== 'draft') throw conflict('not_draft', { es: 'Solo se edita un borrador', en: 'Only a draft can be edited' });
    const { instance } = await schedules.loadInstance(cmd.eventId, { keepPublished: version.params.mode !== 'full', now });
    const meeting = instance.meetings.find((x) => x.id === cmd.meetingId);
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
    const others = (await schedules.assignments(cmd.versionId)).filter((a) => a.meeting !== cmd.meetingId);
    const to = cmd.to;
    if (to) {
      const ix = buildIndex(draftState(instance, others));
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
    await schedules.assign(cmd.versionId, cmd.meetingId, to);
    const assignments = to ? [...others, { meeting: cmd.meetingId, slot: to.slotId, table: to.tableId }] : others;
    const unscheduled = version.unscheduled
      .filter((u) => u.meeting !== cmd.meetingId)
      .concat(to ? [] : [{ meeting: cmd.meetingId, reason: REMOVED }]);
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
    await schedules.saveFigures(cmd.versionId, stats, unscheduled, again);
    return (await schedules.find(cmd.eventId, cmd.versionId))!;
  },
});
