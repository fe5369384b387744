import { meetingsAtOnce } from '@rueda/domain';
import { EntityManager, In } from 'typeorm';
import { type ScheduleInstance, windowLeavesNoSlot } from '@rueda/formats';
import {
  DelegateEntity,
  EventEntity,
  MeetingEntity,
  ParticipantEntity,
  ScheduleVersionEntity,
  SlotEntity,
  TableEntity,
  UnavailabilityEntity,
} from '../entities';
import { inTurn } from '../in-turn';

export interface EventInstance {
  instance: ScheduleInstance;
  /** Meetings of the instance whose placement was announced (kept as pins). */
  pinned: number;
  /**
   * Meetings to place that the instance leaves out, with why (the draft lists them with the
   * solver's unscheduled ones, so the organiser is told instead of missing them).
   */
  leftOut: { meeting: string; reason: string }[];
}

/** Why a meeting to place is not handed to the solver: what the organiser can act on. */
export const LEFT_OUT = {
  windowOver: 'todas las franjas de su ventana ya empezaron: amplíe la ventana / every slot of its window has begun: widen the window',
  windowClosed:
    'ninguna franja de su ventana está libre para ambos participantes (cambió la disponibilidad): amplíe la ventana o revise la disponibilidad / no slot of its window is free for both participants (availability changed): widen the window or check availability',
} as const;

/** Meetings that already hold a cell on the day: what happened there cannot be planned again. */
const ON_THE_DAY = ['checked_in', 'held'];

/**
 * The event as `rueda.schedule-instance/1`, with database ids as ids: accepted and mandatory
 * meetings, slots, tables, availability, parallel delegates, reserved tables.
 *
 * The live day is the truth, not the published version: a meeting checked in or held stays in
 * its cell (it occupies the table and its two participants), and so does a scheduled meeting in
 * a slot that has begun at `now` on a day under way; with `keepPublished`, every scheduled meeting is pinned in its
 * current cell — where a live move, a walk-in or a replacement put it. While a published day is
 * under way, nothing else is placed in a slot that has begun (a meeting whose window holds only
 * such slots is left out). A meeting whose window the availability set since has closed (no
 * slot of it where both participants are available) is left out too: handed to the solver, it
 * made the instance invalid and the whole event's generation failed.
 */
export async function loadEventScheduleInstance(
  m: EntityManager,
  eventId: string,
  opts: { keepPublished: boolean; now: Date },
): Promise<EventInstance> {
  const [event, slots, tables, participants, delegates, meetings] = await inTurn([
    () => m.getRepository(EventEntity).findOne({ where: { id: eventId }, select: { id: true, settings: true } }),
    () => m.getRepository(SlotEntity).find({ where: { eventId }, order: { ordinal: 'ASC' } }),
    () => m.getRepository(TableEntity).find({ where: { eventId }, order: { number: 'ASC' } }),
    () => m.getRepository(ParticipantEntity).find({ where: { eventId } }),
    () => m.getRepository(DelegateEntity).find({ where: { eventId }, select: { participantId: true } }),
    () =>
      m.getRepository(MeetingEntity).find({
        where: { eventId, status: In(['accepted', 'scheduled', ...ON_THE_DAY]) },
        order: { createdAt: 'ASC' },
      }),
  ]);
  const unavailable = await m.getRepository(UnavailabilityEntity).find({ where: { participantId: In(participants.map((p) => p.id)) } });
  const delegatesOf = new Map<string, number>();
  for (const d of delegates) delegatesOf.set(d.participantId, (delegatesOf.get(d.participantId) ?? 0) + 1);
  const unavailableOf = new Map<string, string[]>();
  for (const u of unavailable) unavailableOf.set(u.participantId, [...(unavailableOf.get(u.participantId) ?? []), u.slotId]);
  const fixedTableOf = new Map(tables.filter((t) => t.reservedForParticipantId).map((t) => [t.reservedForParticipantId!, t.id]));

  // Slots close only while the announced day is under way: a first schedule (before the day, or
  // a demo that replays a day already begun) and a what-if on a day that is over may use them all.
  const announced = await m.getRepository(ScheduleVersionEntity).existsBy({ eventId, status: In(['published', 'superseded']) });
  const t = opts.now.getTime();
  const underWay = announced && slots.some((x) => x.endsAt.getTime() > t);
  const begun = new Set(underWay ? slots.filter((x) => x.startsAt.getTime() <= t).map((x) => x.id) : []);
  const open = slots.filter((x) => !begun.has(x.id)).map((x) => x.id);
  type Placed = { slot: string; table: string; history: boolean };
  const pins = new Map<string, Placed>();
  for (const x of meetings) {
    if (!x.slotId || !x.tableId) continue;
    const history = ON_THE_DAY.includes(x.status) || (x.status === 'scheduled' && begun.has(x.slotId));
    if (history || (opts.keepPublished && x.status === 'scheduled')) pins.set(x.id, { slot: x.slotId, table: x.tableId, history });
  }
  // Meetings with no cell to keep are placed again, in slots still ahead only.
  const leftOut: EventInstance['leftOut'] = [];
  const placeable = meetings.filter((x) => {
    if (pins.get(x.id)?.history) return true;
    if (ON_THE_DAY.includes(x.status)) return false;
    const ahead = (x.allowedSlotIds ?? open).filter((id) => !begun.has(id));
    if (!ahead.length) {
      // With no window, no slot ahead means the day is over for everybody: nothing to tell.
      if (x.allowedSlotIds) leftOut.push({ meeting: x.id, reason: LEFT_OUT.windowOver });
      return false;
    }
    const both = [unavailableOf.get(x.participantAId) ?? [], unavailableOf.get(x.participantBId) ?? []];
    if (x.allowedSlotIds && windowLeavesNoSlot(ahead, both)) {
      leftOut.push({ meeting: x.id, reason: LEFT_OUT.windowClosed });
      return false;
    }
    return true;
  });
  const involved = new Set(placeable.flatMap((x) => [x.participantAId, x.participantBId]));
  const instance: ScheduleInstance = {
    format: 'rueda.schedule-instance/1',
    slots: slots.map((s) => ({ id: s.id, start: s.startsAt.toISOString(), end: s.endsAt.toISOString() })),
    tables: tables.map((t) => ({ id: t.id })),
    participants: participants
      .filter((p) => involved.has(p.id))
      .map((p) => {
        const fixedTable = fixedTableOf.get(p.id);
        const parallel = meetingsAtOnce({
          kind: p.kind,
          parallel: p.parallel,
          delegates: delegatesOf.get(p.id) ?? 1,
          fixedTable: !!fixedTable,
        });
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
    meetings: placeable.map((x) => {
      const pin = pins.get(x.id);
      const meeting = { id: x.id, participants: [x.participantAId, x.participantBId] as [string, string], weight: x.weight };
      if (pin?.history) return { ...meeting, pinned: { slot: pin.slot, table: pin.table } };
      const window = begun.size || x.allowedSlotIds ? (x.allowedSlotIds ?? open).filter((id) => !begun.has(id)) : undefined;
      // A placement outside a window set since is not kept: the meeting is placed again.
      const keep = pin && (!window || window.includes(pin.slot));
      return { ...meeting, ...(window ? { allowedSlots: window } : {}), ...(keep ? { pinned: { slot: pin.slot, table: pin.table } } : {}) };
    }),
    ...(event?.settings?.idleMeasure ? { idleMeasure: event.settings.idleMeasure } : {}),
  };
  return { instance, pinned: instance.meetings.filter((x) => x.pinned).length, leftOut };
}
