import { z } from 'zod';
import { conflict, fieldProblem, generateSlots, invalid, NOUNS, notFound, TEXT_LIMITS, versionConflict } from '@rueda/domain';
import { admins, organisers } from '../authorization';
import type { EventView, Repositories, StoredSession } from '../ports/repositories';
import { query, useCase } from '../use-case';
import { CreateEventBody, ReplaceSessionsBody, UnavailabilityBody, UpdateEventBody } from './schemas';

const eventId = z.uuid();

async function viewOf(repos: Repositories, id: string): Promise<EventView> {
  const ev = await repos.events.view(id);
  if (!ev) throw notFound(NOUNS.event, id);
  return ev;
}

/** Slot times may not change under meetings already placed in them (or under a schedule version). */
async function refuseIfPlaced(repos: Repositories, id: string) {
  if ((await repos.events.placedInSlots(id)) > 0) {
    throw conflict('slots_in_use', {
      es: 'Ya hay reuniones o agendas en estas franjas; no se pueden regenerar (use los retrasos del día)',
      en: 'Meetings or schedules already use these slots; they cannot be regenerated (use delays on the day)',
    });
  }
}

/** The slots of the event's sessions (as stored), in its zone, in place of the ones it had. */
async function regenerateSlots(repos: Repositories, id: string, timeZone: string, sessions?: StoredSession[]) {
  await repos.events.replaceSlots(id, generateSlots(sessions ?? (await repos.events.sessions(id)), timeZone));
}

/** An event with its sessions in order; not_found when missing. */
export const GetEvent = query({
  name: 'GetEvent',
  input: z.object({ eventId }).strict(),
  authorize: organisers,
  run: ({ repos }, q) => viewOf(repos, q.eventId),
});

/** The events of this name (the command line finds its demo Jornada by it). */
export const EventsNamed = query({
  name: 'EventsNamed',
  input: z.object({ name: z.string().trim().min(1).max(TEXT_LIMITS.events.name) }).strict(),
  authorize: (principal) => organisers(principal),
  async run({ repos }, q): Promise<EventView[]> {
    const views = await Promise.all((await repos.events.idsNamed(q.name)).map((id) => repos.events.view(id)));
    return views.filter((v): v is EventView => v !== null);
  },
});

export const CreateEventCommand = CreateEventBody;

/** Creates the event, its sessions, the slots they generate and numbered tables, all or nothing. */
export const CreateEvent = useCase({
  name: 'CreateEvent',
  command: CreateEventCommand,
  authorize: (principal) => admins(principal),
  async run({ tx }, cmd): Promise<EventView> {
    const { sessions, tableCount, ...fields } = cmd;
    const event = await tx.repos.events.insert(fields);
    const stored = await tx.repos.events.replaceSessions(event.id, sessions);
    await regenerateSlots(tx.repos, event.id, event.timeZone, stored);
    if (tableCount > 0) await tx.repos.events.insertTables(event.id, tableCount);
    return viewOf(tx.repos, event.id);
  },
});

export const UpdateEventCommand = UpdateEventBody.extend({ eventId });

/**
 * Edits the event (optimistic: the version read). Settings merge key by key. A new time zone
 * moves every slot, so it is refused once meetings or schedules sit in them.
 */
export const UpdateEvent = useCase({
  name: 'UpdateEvent',
  command: UpdateEventCommand,
  authorize: admins,
  async run({ tx }, cmd): Promise<EventView> {
    const { eventId: id, version, ...changes } = cmd;
    await tx.lockEvent(id);
    const current = await viewOf(tx.repos, id);
    if (current.version !== version) throw versionConflict(current);
    const tzChanged = changes.timeZone !== undefined && changes.timeZone !== current.timeZone;
    if (tzChanged) await refuseIfPlaced(tx.repos, id);
    await tx.repos.events.save({
      ...current,
      ...changes,
      settings: { ...current.settings, ...(changes.settings ?? {}) } as EventView['settings'],
    });
    if (tzChanged) await regenerateSlots(tx.repos, id, changes.timeZone!);
    return viewOf(tx.repos, id);
  },
});

export const DeleteEventCommand = z.object({ eventId }).strict();

export const DeleteEvent = useCase({
  name: 'DeleteEvent',
  command: DeleteEventCommand,
  authorize: admins,
  async run({ tx }, cmd): Promise<void> {
    if (!(await tx.repos.events.remove(cmd.eventId))) throw notFound(NOUNS.event, cmd.eventId);
  },
});

export const ReplaceSessionsCommand = ReplaceSessionsBody.extend({ eventId });

/** Replaces the sessions and regenerates the slots; refused once meetings sit in slots, since their times would change under them. */
export const ReplaceSessions = useCase({
  name: 'ReplaceSessions',
  command: ReplaceSessionsCommand,
  authorize: admins,
  async run({ tx }, cmd): Promise<EventView> {
    // The whole event, as its live operations lock it: slots are about to be replaced.
    const event = await tx.lockEvent(cmd.eventId);
    await refuseIfPlaced(tx.repos, cmd.eventId);
    const stored = await tx.repos.events.replaceSessions(cmd.eventId, cmd.sessions);
    await regenerateSlots(tx.repos, cmd.eventId, event.timeZone, stored);
    return viewOf(tx.repos, cmd.eventId);
  },
});

export const SetUnavailabilityCommand = UnavailabilityBody.extend({ eventId, participantId: z.uuid() });

/** The slots a participant cannot attend (each slot of this event, once), in place of the ones it had. */
export const SetUnavailability = useCase({
  name: 'SetUnavailability',
  command: SetUnavailabilityCommand,
  authorize: admins,
  async run({ tx }, cmd): Promise<string[]> {
    if (!(await tx.repos.records.participantInEvent(cmd.eventId, cmd.participantId))) throw notFound(NOUNS.participant, cmd.participantId);
    const known = new Set(await tx.repos.events.slotIds(cmd.eventId));
    const unknown = cmd.slotIds.filter((s) => !known.has(s));
    if (unknown.length) throw invalid(unknown.map((s) => fieldProblem('slotIds', `franja desconocida: ${s}`, `unknown slot: ${s}`)));
    const unique = [...new Set(cmd.slotIds)];
    await tx.repos.events.replaceUnavailability(cmd.participantId, unique);
    return unique;
  },
});
