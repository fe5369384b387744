import { z } from 'zod';
import {
  canTransition,
  conflict,
  type EventSettings,
  forbidden,
  invalidField,
  meetingWeight,
  NOUNS,
  notFound,
  TEXT_LIMITS,
  versionConflict,
} from '@rueda/domain';
import { windowLeavesNoSlot } from '@rueda/formats';
import { admins, itself, organisers } from '../authorization';
import { meetingChange } from '../live/changes';
import { forItselfOrOnBehalf } from '../on-behalf';
import type { AgreedMeeting, AgreedOrigin, Repositories } from '../ports/repositories';
import type { Tx } from '../ports/unit-of-work';
import { useCase } from '../use-case';

export const DEFAULT_REQUEST_EXPIRY_HOURS = 72;
export const DEFAULT_MAX_OPEN_REQUESTS = 20;

const eventId = z.uuid();
/** A meeting's window: the slots it may be scheduled in (morning only, day 2 only). */
const AllowedSlotIds = z.array(z.uuid()).min(1).max(500);
const version = z.number().int().min(1).optional();
/** A demand or offer the meeting is about (one of its two participants'). */
const topic = z.uuid().nullish();
const note = z.string().max(TEXT_LIMITS.meetings.note).optional();

// Field order is the API's (its OpenAPI and the web client's types follow it).
export const RequestMeetingCommand = z
  .object({
    eventId,
    counterpartId: z.uuid(),
    demandId: topic,
    offerId: topic,
    note,
    allowedSlotIds: AllowedSlotIds.optional(),
    /** Who asks: the link's participant, or the one an organiser asks for. */
    requesterId: z.uuid(),
  })
  .strict();
export const CreateMeetingCommand = z
  .object({
    eventId,
    participantAId: z.uuid(),
    participantBId: z.uuid(),
    demandId: topic,
    offerId: topic,
    mandatory: z.boolean().default(false),
    note,
    allowedSlotIds: AllowedSlotIds.optional(),
  })
  .strict();
export const AnswerRequestCommand = z.object({ eventId, meetingId: z.uuid(), answer: z.enum(['accept', 'decline']), version }).strict();
export const WithdrawRequestCommand = z.object({ eventId, meetingId: z.uuid(), participantId: z.uuid() }).strict();
export const SetMeetingWindowCommand = z.object({ eventId, meetingId: z.uuid(), allowedSlotIds: AllowedSlotIds.nullable() }).strict();
/** No event: every event's (the worker's sweep). */
export const ExpireRequestsCommand = z.object({ eventId: eventId.optional() }).strict();

type Topics = { demandId?: string | null; offerId?: string | null };

/** A demand or offer named in a meeting must belong to one of its two participants. */
async function checkTopics(repos: Repositories, eventId: string, owners: [string, string], input: Topics) {
  for (const field of ['demandId', 'offerId'] as const) {
    const id = input[field];
    if (!id) continue;
    const owner = await repos.meetingRequests.topicOwner(field, eventId, id);
    if (!owner || !owners.includes(owner))
      throw invalidField(field, 'no pertenece a ninguno de los dos participantes', 'does not belong to either participant');
  }
}

/** A window names slots of this event and leaves at least one slot where both participants are available. */
async function checkWindow(repos: Repositories, eventId: string, participantIds: string[], window: string[] | null | undefined) {
  if (!window) return;
  const known = new Set(await repos.events.slotIds(eventId));
  window.forEach((id, i) => {
    if (!known.has(id))
      throw invalidField(`allowedSlotIds.${i}`, `franja desconocida en este evento: ${id}`, `unknown slot in this event: ${id}`);
  });
  const closed = windowLeavesNoSlot(window, await repos.meetingRequests.unavailable(participantIds));
  if (closed) throw invalidField('allowedSlotIds', closed.es, closed.en);
}

/** Accepts a meeting: its weight for the scheduler from the pair's best match, mutual interest and whether it is mandatory. */
async function accept(tx: Tx, settings: EventSettings, meeting: AgreedMeeting, now: Date, mutual: boolean): Promise<AgreedMeeting> {
  const bestScore = await tx.repos.meetingRequests.bestScore(meeting.eventId, meeting.participantAId, meeting.participantBId);
  meeting.status = 'accepted';
  meeting.respondedAt = now;
  meeting.expiresAt = null;
  meeting.weight = meetingWeight({ bestScore, mutual, mandatory: meeting.mandatory, mutualBonus: settings.mutualInterestBonus });
  if (mutual) meeting.note = [meeting.note, 'interés mutuo / mutual interest'].filter(Boolean).join(' · ');
  return tx.repos.meetingRequests.save(meeting);
}

/** Every change of a meeting goes to the event's change log (live pages, notifications). */
function logged(tx: Tx, meeting: AgreedMeeting, created = false): AgreedMeeting {
  tx.record(meeting.eventId, meetingChange(meeting, created ? 'meeting.created' : 'meeting.updated'));
  return meeting;
}

const unknownParticipant = (field: string) =>
  invalidField(field, 'participante desconocido en este evento', 'unknown participant in this event');

/**
 * A participant asks another for a meeting (through its link, or an organiser for it). The
 * event is locked first, as every event-wide live operation does; the requester's row is
 * locked while open requests are counted, and the unique index on live pairs refuses a second
 * meeting between the same two. If the counterpart had already asked us, that request is
 * accepted as mutual instead.
 */
export const RequestMeeting = useCase({
  name: 'RequestMeeting',
  command: RequestMeetingCommand,
  authorize: (principal, cmd) => forItselfOrOnBehalf('requestMeeting')(principal, { eventId: cmd.eventId, participantId: cmd.requesterId }),
  async run({ tx, now }, cmd): Promise<AgreedMeeting> {
    const { settings } = await tx.lockEvent(cmd.eventId);
    const requests = tx.repos.meetingRequests;
    const requesterKind = await requests.participantKind(cmd.eventId, cmd.requesterId, { lock: true });
    if (!requesterKind) throw notFound(NOUNS.participant, cmd.requesterId);
    if (cmd.counterpartId === cmd.requesterId) throw invalidField('counterpartId', 'no puede reunirse consigo mismo', 'cannot meet itself');
    const counterpartKind = await requests.participantKind(cmd.eventId, cmd.counterpartId);
    if (!counterpartKind) throw unknownParticipant('counterpartId');
    if (counterpartKind === requesterKind) {
      throw invalidField('counterpartId', 'las reuniones son entre un GADM y un cooperante', 'meetings are between a GADM and a cooperant');
    }
    await checkTopics(tx.repos, cmd.eventId, [cmd.requesterId, cmd.counterpartId], cmd);
    await checkWindow(tx.repos, cmd.eventId, [cmd.requesterId, cmd.counterpartId], cmd.allowedSlotIds);
    await requests.expire(cmd.eventId, now);
    const live = await requests.livePair(cmd.eventId, cmd.requesterId, cmd.counterpartId);
    if (live) {
      if (live.status === 'requested' && live.participantAId === cmd.counterpartId)
        return logged(tx, await accept(tx, settings, live, now, true));
      throw conflict(
        'duplicate',
        {
          es: 'Ya existe una reunión o solicitud abierta con este participante',
          en: 'A meeting or open request with this participant already exists',
        },
        { current: live },
      );
    }
    const max = settings.maxOpenRequests ?? DEFAULT_MAX_OPEN_REQUESTS;
    const open = await requests.countOpen(cmd.eventId, cmd.requesterId);
    if (open >= max) {
      throw conflict('too_many_open_requests', {
        es: `Tiene ${open} solicitudes sin respuesta (máximo ${max}); espere respuestas o retire alguna`,
        en: `You have ${open} unanswered requests (maximum ${max}); wait for answers or withdraw one`,
      });
    }
    const hours = settings.requestExpiryHours ?? DEFAULT_REQUEST_EXPIRY_HOURS;
    const meeting = await requests.save(
      requests.draft({
        eventId: cmd.eventId,
        participantAId: cmd.requesterId,
        participantBId: cmd.counterpartId,
        demandId: cmd.demandId ?? null,
        offerId: cmd.offerId ?? null,
        note: cmd.note ?? '',
        allowedSlotIds: cmd.allowedSlotIds ?? null,
        origin: 'request' satisfies AgreedOrigin,
        status: 'requested',
        expiresAt: new Date(now.getTime() + hours * 3600_000),
      }),
    );
    return logged(tx, meeting, true);
  },
});

/**
 * Organisers add meetings directly: accepted, or mandatory (the scheduler must place them
 * first). An open request of the pair becomes that meeting.
 */
export const CreateMeeting = useCase({
  name: 'CreateMeeting',
  command: CreateMeetingCommand,
  authorize: admins,
  async run({ tx, now }, cmd): Promise<AgreedMeeting> {
    const { settings } = await tx.lockEvent(cmd.eventId);
    const requests = tx.repos.meetingRequests;
    const [a, b] = [cmd.participantAId, cmd.participantBId];
    // One after the other: a transaction's queries share one connection.
    if (!(await requests.participantKind(cmd.eventId, a))) throw unknownParticipant('participantAId');
    if (!(await requests.participantKind(cmd.eventId, b))) throw unknownParticipant('participantBId');
    if (a === b) throw invalidField('participantBId', 'no puede reunirse consigo mismo', 'cannot meet itself');
    await checkTopics(tx.repos, cmd.eventId, [a, b], cmd);
    await checkWindow(tx.repos, cmd.eventId, [a, b], cmd.allowedSlotIds);
    await requests.expire(cmd.eventId, now);
    const live = await requests.livePair(cmd.eventId, a, b);
    if (live && live.status !== 'requested') {
      throw conflict(
        'duplicate',
        { es: 'Ya existe una reunión con este par', en: 'A meeting for this pair already exists' },
        { current: live },
      );
    }
    const origin: AgreedOrigin = cmd.mandatory ? 'mandatory' : 'organiser';
    const meeting = live ?? requests.draft({ eventId: cmd.eventId, participantAId: a, participantBId: b, origin, status: 'requested' });
    Object.assign(meeting, {
      demandId: cmd.demandId ?? meeting.demandId ?? null,
      offerId: cmd.offerId ?? meeting.offerId ?? null,
      note: cmd.note ?? meeting.note ?? '',
      mandatory: cmd.mandatory,
      allowedSlotIds: cmd.allowedSlotIds ?? meeting.allowedSlotIds ?? null,
    });
    return logged(tx, await accept(tx, settings, meeting, now, false), !live);
  },
});

/**
 * The asked participant (through its link) or an organiser for it accepts or declines a
 * request; a stale version gets 409. Who may answer depends on the meeting, so it is checked
 * once the meeting is read.
 */
export const AnswerRequest = useCase({
  name: 'AnswerRequest',
  command: AnswerRequestCommand,
  authorize: (principal, cmd) => forItselfOrOnBehalf('answerRequest')(principal, { eventId: cmd.eventId }),
  async run({ tx, now, principal }, cmd): Promise<AgreedMeeting> {
    const { settings } = await tx.lockEvent(cmd.eventId);
    await tx.repos.meetingRequests.expire(cmd.eventId, now);
    const meeting = await tx.repos.meetingRequests.lock(cmd.eventId, cmd.meetingId);
    if (!meeting) throw notFound(NOUNS.meeting, cmd.meetingId);
    if (principal.type === 'participant' && meeting.participantBId !== principal.participantId) {
      throw forbidden({ es: 'Solo la contraparte puede responder', en: 'Only the counterpart can answer' });
    }
    if (cmd.version !== undefined && cmd.version !== meeting.version) throw versionConflict(meeting);
    const to = cmd.answer === 'accept' ? 'accepted' : 'declined';
    if (!canTransition(meeting.status, to)) {
      throw conflict(
        'invalid_transition',
        {
          es: `La solicitud está «${meeting.status}» y ya no puede pasar a «${to}»`,
          en: `The request is "${meeting.status}" and can no longer become "${to}"`,
        },
        { current: meeting },
      );
    }
    if (cmd.answer === 'accept') return logged(tx, await accept(tx, settings, meeting, now, false));
    meeting.status = 'declined';
    meeting.respondedAt = now;
    return logged(tx, await tx.repos.meetingRequests.save(meeting));
  },
});

/** The requester takes back its own open request (only through its link: an organiser cannot). */
export const WithdrawRequest = useCase({
  name: 'WithdrawRequest',
  command: WithdrawRequestCommand,
  authorize: itself,
  async run({ tx }, cmd): Promise<AgreedMeeting> {
    await tx.lockEvent(cmd.eventId);
    const meeting = await tx.repos.meetingRequests.lock(cmd.eventId, cmd.meetingId);
    // Someone else's request is as unknown to this participant as a missing one.
    if (!meeting || meeting.participantAId !== cmd.participantId) throw notFound(NOUNS.request, cmd.meetingId);
    if (meeting.status !== 'requested') {
      throw conflict(
        'invalid_transition',
        { es: 'Solo se retiran solicitudes abiertas', en: 'Only open requests can be withdrawn' },
        { current: meeting },
      );
    }
    meeting.status = 'cancelled';
    return logged(tx, await tx.repos.meetingRequests.save(meeting));
  },
});

/** Sets or clears a meeting's window; the next schedule (and the live repair) keeps it inside. Not a live change: nothing moves now. */
export const SetMeetingWindow = useCase({
  name: 'SetMeetingWindow',
  command: SetMeetingWindowCommand,
  authorize: admins,
  async run({ tx }, cmd): Promise<AgreedMeeting> {
    const meeting = await tx.repos.meetingRequests.lock(cmd.eventId, cmd.meetingId);
    if (!meeting) throw notFound(NOUNS.meeting, cmd.meetingId);
    await checkWindow(tx.repos, cmd.eventId, [meeting.participantAId, meeting.participantBId], cmd.allowedSlotIds);
    meeting.allowedSlotIds = cmd.allowedSlotIds;
    return tx.repos.meetingRequests.save(meeting);
  },
});

/**
 * Unanswered requests past their time stop blocking anybody. Idempotent: the worker sweeps
 * every event each minute, and the organisers' list sweeps its event before it reads.
 */
export const ExpireRequests = useCase({
  name: 'ExpireRequests',
  command: ExpireRequestsCommand,
  authorize: organisers,
  async run({ tx, now }, cmd): Promise<{ expired: number }> {
    return { expired: await tx.repos.meetingRequests.expire(cmd.eventId, now) };
  },
});
