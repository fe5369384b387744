import { DomainError, fieldProblem, invalid, type Noun, NOUNS, notFound, versionConflict, withGadmReference } from '@rueda/domain';
import { formatDateTime } from '@rueda/notifications';
import { itself } from '../authorization';
import type { ChangedEntity, EventRecord, ParticipantChange, SelfServiceFacts } from '../ports/repositories';
import { mergeChecked } from '../records/fields';
import { checkMaxMeetings, holdForMaxMeetings } from '../records/max-meetings';
import { type UseCaseContext, useCase } from '../use-case';
import { ownItemSchemas, type OwnItemKind, SetMyAvailabilityCommand, UpdateMyProfileCommand } from './schemas';

/**
 * A participant keeps its own data through its personal link until the event's deadline:
 * profile and contacts, delegates, availability, demands (GADM) or offers (cooperant). Each
 * change is validated by the same field rules as the organiser API, written with an audit
 * record in one transaction, and waits in the organisers' review queue. Demand, offer and
 * profile changes raise the data version (database triggers), so matching runs again.
 */

/** Until when the participant may edit: the event's deadline, else the start of its first slot (no slots: open). */
export function selfServiceWindow(f: SelfServiceFacts, now: Date): { open: boolean; deadline: string | null; timeZone: string } {
  const deadline = f.deadline ?? (f.firstSlotStart ? f.firstSlotStart.toISOString() : null);
  return { open: !deadline || now.getTime() < Date.parse(deadline), deadline, timeZone: f.timeZone };
}

/** The window is open; the participant's row is locked, so one participant's edits queue up behind each other. */
async function openFor({ tx, now }: UseCaseContext, eventId: string, participantId: string): Promise<EventRecord> {
  const facts = await tx.repos.selfService.facts(eventId);
  if (!facts) throw notFound(NOUNS.event, eventId);
  const w = selfServiceWindow(facts, now);
  if (!w.open) {
    const when = `${formatDateTime(w.deadline!, w.timeZone)} (${w.timeZone})`;
    throw new DomainError('forbidden', 'self_service_closed', {
      es: `El plazo para modificar sus datos terminó el ${when}; pida el cambio a la organización`,
      en: `The deadline to change your data was ${when}; ask the organisers for the change`,
    });
  }
  const participant = await tx.repos.records.lock('participants', eventId, participantId);
  if (!participant) throw notFound(NOUNS.participant, participantId);
  return participant;
}

/** Audit records keep the values as the API shows them (dates as ISO text). */
const plain = (o: object | null) => (o ? (JSON.parse(JSON.stringify(o)) as Record<string, unknown>) : null);

function recordChange(
  { tx }: UseCaseContext,
  who: { eventId: string; participantId: string },
  change: Omit<ParticipantChange, 'eventId' | 'participantId' | 'before' | 'after'> & { before: object | null; after: object | null },
) {
  return tx.repos.selfService.recordChange({
    eventId: who.eventId,
    participantId: who.participantId,
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    before: plain(change.before),
    after: plain(change.after),
  });
}

/** The participant changes its profile and contacts (sending the version it read). */
export const UpdateMyProfile = useCase({
  name: 'UpdateMyProfile',
  command: UpdateMyProfileCommand,
  authorize: itself,
  async run(ctx, cmd) {
    const { eventId, participantId, version, ...changes } = cmd as { eventId: string; participantId: string; version: number } & Record<
      string,
      unknown
    >;
    await holdForMaxMeetings(ctx.tx, eventId, changes);
    const current = await openFor(ctx, eventId, participantId);
    if (current.version !== version) throw versionConflict(current);
    await checkMaxMeetings(ctx.tx.repos, participantId, changes.maxMeetings);
    // A GADM's canton, province and region follow from the reference, as when an organiser edits it.
    const merged = withGadmReference(
      mergeChecked('participants', current, changes) as Parameters<typeof withGadmReference>[0],
    ) as EventRecord;
    const saved = await ctx.tx.repos.records.save('participants', merged);
    await recordChange(
      ctx,
      { eventId, participantId },
      { entity: 'participant', entityId: participantId, action: 'update', before: current, after: saved },
    );
    return saved;
  },
});

/** The participant says which slots it cannot attend (the whole list). */
export const SetMyAvailability = useCase({
  name: 'SetMyAvailability',
  command: SetMyAvailabilityCommand,
  authorize: itself,
  async run(ctx, cmd) {
    const { tx } = ctx;
    await openFor(ctx, cmd.eventId, cmd.participantId);
    const known = new Set(await tx.repos.selfService.slotIds(cmd.eventId));
    const unknown = cmd.unavailableSlotIds.filter((s) => !known.has(s));
    if (unknown.length)
      throw invalid(unknown.map((s) => fieldProblem('unavailableSlotIds', `franja desconocida: ${s}`, `unknown slot: ${s}`)));
    const before = [...(await tx.repos.selfService.unavailableSlotIds(cmd.participantId))].sort();
    const after = [...new Set(cmd.unavailableSlotIds)].sort();
    await tx.repos.selfService.setUnavailableSlotIds(cmd.participantId, after);
    const change = { entity: 'availability' as const, entityId: null, action: 'update' as const };
    await recordChange(ctx, cmd, { ...change, before: { unavailableSlotIds: before }, after: { unavailableSlotIds: after } });
    await tx.repos.selfService.raiseDataVersion(cmd.eventId);
    return { unavailableSlotIds: after };
  },
});

/** What differs between the participant's own records. */
const ITEMS: Record<OwnItemKind, { noun: Noun; entity: ChangedEntity; suffix: string; only: 'gadm' | 'cooperant' | null }> = {
  delegates: { noun: NOUNS.delegate, entity: 'delegate', suffix: 'P', only: null },
  demands: { noun: NOUNS.demand, entity: 'demand', suffix: 'D', only: 'gadm' },
  offers: { noun: NOUNS.offer, entity: 'offer', suffix: 'O', only: 'cooperant' },
};

function checkKind(participant: EventRecord, kind: OwnItemKind) {
  const only = ITEMS[kind].only;
  if (only && participant.kind !== only)
    throw new DomainError(
      'forbidden',
      'wrong_participant_kind',
      only === 'gadm'
        ? { es: 'Las demandas son de los GADM; un cooperante registra ofertas', en: 'Demands belong to GADMs; a cooperant records offers' }
        : {
            es: 'Las ofertas son de los cooperantes; un GADM registra demandas',
            en: 'Offers belong to cooperants; a GADM records demands',
          },
    );
}

/** `<participant id>-D3`: the next free number for the participant's demands (offers O, delegates P). */
async function nextExternalId({ tx }: UseCaseContext, kind: OwnItemKind, participant: EventRecord): Promise<string> {
  const prefix = `${String(participant.externalId)}-${ITEMS[kind].suffix}`;
  const taken = await tx.repos.selfService.externalIdsStartingWith(kind, participant.eventId, prefix);
  const used = taken.map((id) => Number(id.slice(prefix.length))).filter(Number.isInteger);
  return `${prefix}${Math.max(0, ...used) + 1}`;
}

/** The participant's own record of this kind, locked; another participant's record is simply not there. */
async function ownRecord({ tx }: UseCaseContext, kind: OwnItemKind, cmd: { eventId: string; participantId: string; id: string }) {
  const current = await tx.repos.records.lock(kind, cmd.eventId, cmd.id);
  if (!current || current.participantId !== cmd.participantId) throw notFound(ITEMS[kind].noun, cmd.id);
  return current;
}

const capital = (kind: OwnItemKind) => `${kind[0].toUpperCase()}${kind.slice(1, -1)}`;

/** Add, change (sending the version read) and remove one kind of the participant's own records. */
function ownItemUseCases(kind: OwnItemKind) {
  const schemas = ownItemSchemas(kind);
  const { entity } = ITEMS[kind];
  // Delegates are not read by matching's triggers: their changes raise the data version here.
  const raise = (ctx: UseCaseContext, eventId: string) =>
    kind === 'delegates' ? ctx.tx.repos.selfService.raiseDataVersion(eventId) : undefined;
  return {
    schemas,
    create: useCase({
      name: `CreateMy${capital(kind)}`,
      command: schemas.create,
      authorize: itself,
      async run(ctx, cmd): Promise<EventRecord> {
        const { eventId, participantId, ...values } = cmd as { eventId: string; participantId: string } & Record<string, unknown>;
        const participant = await openFor(ctx, eventId, participantId);
        checkKind(participant, kind);
        const externalId = await nextExternalId(ctx, kind, participant);
        const saved = await ctx.tx.repos.records.insert(kind, eventId, { ...values, participantId, externalId });
        await recordChange(ctx, { eventId, participantId }, { entity, entityId: saved.id, action: 'create', before: null, after: saved });
        await raise(ctx, eventId);
        return saved;
      },
    }),
    update: useCase({
      name: `UpdateMy${capital(kind)}`,
      command: schemas.update,
      authorize: itself,
      async run(ctx, cmd): Promise<EventRecord> {
        const { eventId, participantId, id, version, ...changes } = cmd as {
          eventId: string;
          participantId: string;
          id: string;
          version: number;
        } & Record<string, unknown>;
        checkKind(await openFor(ctx, eventId, participantId), kind);
        const current = await ownRecord(ctx, kind, { eventId, participantId, id });
        if (current.version !== version) throw versionConflict(current);
        const saved = await ctx.tx.repos.records.save(kind, mergeChecked(kind, current, changes));
        await recordChange(ctx, { eventId, participantId }, { entity, entityId: id, action: 'update', before: current, after: saved });
        await raise(ctx, eventId);
        return saved;
      },
    }),
    remove: useCase({
      name: `DeleteMy${capital(kind)}`,
      command: schemas.remove,
      authorize: itself,
      async run(ctx, cmd): Promise<void> {
        checkKind(await openFor(ctx, cmd.eventId, cmd.participantId), kind);
        const current = await ownRecord(ctx, kind, cmd);
        await ctx.tx.repos.records.remove(kind, cmd.eventId, cmd.id);
        await recordChange(ctx, cmd, { entity, entityId: cmd.id, action: 'delete', before: current, after: null });
        await raise(ctx, cmd.eventId);
      },
    }),
  };
}

/** The use cases of each kind of the participant's own records: `OWN_ITEM_USE_CASES.demands.update`, … */
export const OWN_ITEM_USE_CASES = {
  delegates: ownItemUseCases('delegates'),
  demands: ownItemUseCases('demands'),
  offers: ownItemUseCases('offers'),
};
