import { EntityManager, In } from 'typeorm';
import type { ScheduleInstance } from '@rueda/formats';
import {
  DelegateEntity,
  MeetingEntity,
  ParticipantEntity,
  ScheduleAssignmentEntity,
  ScheduleVersionEntity,
  EventEntity,
  SlotEntity,
  TableEntity,
  UnavailabilityEntity,
} from '../entities';

export interface EventInstance {
  instance: ScheduleInstance;
  /** Meetings of the instance whose placement was announced (kept as pins). */
  pinned: number;
}

/**
 * The event as `rueda.schedule-instance/1`, with database ids as ids: accepted and mandatory
 * meetings, slots, tables, availability, parallel delegates, reserved tables. With
 * `keepPublished`, meetings placed by the published version are pinned where they are.
 */
export async function loadEventScheduleInstance(
  m: EntityManager,
  eventId: string,
  opts: { keepPublished: boolean },
): Promise<EventInstance> {
  const [event, slots, tables, participants, delegates, meetings] = await Promise.all([
    m.getRepository(EventEntity).findOne({ where: { id: eventId }, select: { id: true, settings: true } }),
    m.getRepository(SlotEntity).find({ where: { eventId }, order: { ordinal: 'ASC' } }),
    m.getRepository(TableEntity).find({ where: { eventId }, order: { number: 'ASC' } }),
    m.getRepository(ParticipantEntity).find({ where: { eventId } }),
    m.getRepository(DelegateEntity).find({ where: { eventId }, select: { participantId: true } }),
    m.getRepository(MeetingEntity).find({ where: { eventId, status: In(['accepted', 'scheduled']) }, order: { createdAt: 'ASC' } }),
  ]);
  const unavailable = await m.getRepository(UnavailabilityEntity).find({ where: { participantId: In(participants.map((p) => p.id)) } });
  const delegatesOf = new Map<string, number>();
  for (const d of delegates) delegatesOf.set(d.participantId, (delegatesOf.get(d.participantId) ?? 0) + 1);
  const unavailableOf = new Map<string, string[]>();
  for (const u of unavailable) unavailableOf.set(u.participantId, [...(unavailableOf.get(u.participantId) ?? []), u.slotId]);
  const fixedTableOf = new Map(tables.filter((t) => t.reservedForParticipantId).map((t) => [t.reservedForParticipantId!, t.id]));

  const pins = new Map<string, { slot: string; table: string }>();
  if (opts.keepPublished) {
    const published = await m.getRepository(ScheduleVersionEntity).findOneBy({ eventId, status: 'published' });
    if (published) {
      const rows = await m.getRepository(ScheduleAssignmentEntity).findBy({ scheduleVersionId: published.id });
      for (const r of rows) pins.set(r.meetingId, { slot: r.slotId, table: r.tableId });
    }
  }
  const involved = new Set(meetings.flatMap((x) => [x.participantAId, x.participantBId]));
  const instance: ScheduleInstance = {
    format: 'rueda.schedule-instance/1',
    slots: slots.map((s) => ({ id: s.id, start: s.startsAt.toISOString(), end: s.endsAt.toISOString() })),
    tables: tables.map((t) => ({ id: t.id })),
    participants: participants
      .filter((p) => involved.has(p.id))
      .map((p) => {
        const fixedTable = fixedTableOf.get(p.id);
        // A cooperant with several delegates can hold that many meetings at once, unless told otherwise.
        const parallel = fixedTable ? 1 : (p.parallel ?? (p.kind === 'cooperant' ? Math.max(1, delegatesOf.get(p.id) ?? 1) : 1));
        return {
          id: p.id,
          kind: p.kind,
          name: p.name,
          parallel,
          ...(unavailableOf.has(p.id) ? { unavailable: unavailableOf.get(p.id) } : {}),
          ...(p.maxMeetings !== null ? { maxMeetings: p.maxMeetings } : {}),
          ...(fixedTable ? { fixedTable } : {}),
        };
      }),
    meetings: meetings.map((x) => {
      const window = x.allowedSlotIds ?? undefined;
      const pin = pins.get(x.id);
      return {
        id: x.id,
        participants: [x.participantAId, x.participantBId] as [string, string],
        weight: x.weight,
        ...(window ? { allowedSlots: window } : {}),
        // A published placement outside a window set since is not kept: the meeting is placed again.
        ...(pin && (!window || window.includes(pin.slot)) ? { pinned: pin } : {}),
      };
    }),
    ...(event?.settings?.idleMeasure ? { idleMeasure: event.settings.idleMeasure } : {}),
  };
  for (const id of [...pins.keys()]) if (!instance.meetings.some((x) => x.id === id && x.pinned)) pins.delete(id);
  return { instance, pinned: [...pins.keys()].filter((id) => meetings.some((x) => x.id === id)).length };
}
