import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { Clock } from '@rueda/application';
import { formatDateTime } from '@rueda/notifications';
import {
  DelegateEntity,
  DemandEntity,
  EventEntity,
  OfferEntity,
  ParticipantChangeEntity,
  ParticipantEntity,
  SlotEntity,
  UnavailabilityEntity,
  withGadmReference,
  type ChangeEntity,
} from '@rueda/persistence';
import { DomainError, fieldProblem, invalid, type Noun, NOUNS, notFound, parseInput as parseBody, versionConflict } from '@rueda/domain';
import { CLOCK } from '../../platform/application.module';

import { AMOUNTS_OUT_OF_ORDER, amountsInOrder } from '../records/resources';
import * as S from './self-service.schemas';

export interface Me {
  participantId: string;
  eventId: string;
}

type ItemKind = 'delegates' | 'demands' | 'offers';
const ITEMS = {
  delegates: {
    noun: NOUNS.delegate as Noun,
    entity: DelegateEntity,
    change: 'delegate',
    create: S.DelegateCreate,
    update: S.DelegateUpdate,
    suffix: 'P',
    only: null,
  },
  demands: {
    noun: NOUNS.demand as Noun,
    entity: DemandEntity,
    change: 'demand',
    create: S.DemandCreate,
    update: S.DemandUpdate,
    suffix: 'D',
    only: 'gadm',
  },
  offers: {
    noun: NOUNS.offer as Noun,
    entity: OfferEntity,
    change: 'offer',
    create: S.OfferCreate,
    update: S.OfferUpdate,
    suffix: 'O',
    only: 'cooperant',
  },
} as const;

const plain = (o: ObjectLiteral | null) => (o ? (JSON.parse(JSON.stringify(o)) as Record<string, unknown>) : null);

/**
 * A participant keeps its own data through its personal link until the event's deadline:
 * profile and contacts, delegates, availability, demands (GADM) or offers (cooperant). Each
 * change is validated by the same rules as the organiser API, written with an audit record in
 * one transaction, and waits in the organisers' review queue. Demand, offer and profile changes
 * raise the data version (database triggers), so matching runs again on the new data.
 */
@Injectable()
export class SelfServiceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Until when the participant may edit: the event's deadline, else the start of the first slot. */
  async window(m: EntityManager, eventId: string): Promise<{ open: boolean; deadline: string | null; timeZone: string }> {
    const ev = await m.getRepository(EventEntity).findOneByOrFail({ id: eventId });
    let deadline = ev.settings.selfServiceDeadline ?? null;
    if (!deadline) {
      const [row] = await m.query(`SELECT min(starts_at) AS first FROM slots WHERE event_id = $1`, [eventId]);
      deadline = row?.first ? new Date(row.first).toISOString() : null;
    }
    const open = !deadline || this.clock.now().getTime() < Date.parse(deadline);
    return { open, deadline, timeZone: ev.timeZone };
  }

  private async guard(m: EntityManager, me: Me): Promise<ParticipantEntity> {
    const w = await this.window(m, me.eventId);
    if (!w.open) {
      const when = `${formatDateTime(w.deadline!, w.timeZone)} (${w.timeZone})`;
      throw new DomainError('forbidden', 'self_service_closed', {
        es: `El plazo para modificar sus datos terminó el ${when}; pida el cambio a la organización`,
        en: `The deadline to change your data was ${when}; ask the organisers for the change`,
      });
    }
    // One participant's edits queue up behind each other.
    return m.getRepository(ParticipantEntity).findOneOrFail({ where: { id: me.participantId }, lock: { mode: 'pessimistic_write' } });
  }

  private async audit(
    m: EntityManager,
    me: Me,
    entity: ChangeEntity,
    entityId: string | null,
    action: 'create' | 'update' | 'delete',
    before: ObjectLiteral | null,
    after: ObjectLiteral | null,
  ) {
    const repo = m.getRepository(ParticipantChangeEntity);
    await repo.save(
      repo.create({
        eventId: me.eventId,
        participantId: me.participantId,
        entity,
        entityId,
        action,
        before: plain(before),
        after: plain(after),
        actor: 'participant',
      }),
    );
  }

  /** Delegates and availability are not read by matching: raise the data version by hand. */
  private bump(m: EntityManager, eventId: string) {
    return m.query(`UPDATE events SET data_version = data_version + 1 WHERE id = $1`, [eventId]);
  }

  /** Everything the participant can edit, with the deadline and what the organisers said. */
  async get(me: Me) {
    const m = this.db.manager;
    const [participant, delegates, demands, offers, unavailable, slots, window, reviews] = await Promise.all([
      m.getRepository(ParticipantEntity).findOneByOrFail({ id: me.participantId }),
      m.getRepository(DelegateEntity).find({ where: { participantId: me.participantId }, order: { externalId: 'ASC' } }),
      m.getRepository(DemandEntity).find({ where: { participantId: me.participantId }, order: { externalId: 'ASC' } }),
      m.getRepository(OfferEntity).find({ where: { participantId: me.participantId }, order: { externalId: 'ASC' } }),
      m.getRepository(UnavailabilityEntity).find({ where: { participantId: me.participantId } }),
      m.getRepository(SlotEntity).find({ where: { eventId: me.eventId }, order: { ordinal: 'ASC' } }),
      this.window(m, me.eventId),
      m.query(
        `SELECT review_status AS status, count(*)::int AS n, max(reviewed_at) AS at,
                (array_agg(review_comment ORDER BY reviewed_at DESC) FILTER (WHERE review_comment IS NOT NULL))[1] AS comment
           FROM participant_changes WHERE participant_id = $1 GROUP BY review_status`,
        [me.participantId],
      ),
    ]);
    return {
      participant,
      delegates,
      demands: participant.kind === 'gadm' ? demands : [],
      offers: participant.kind === 'cooperant' ? offers : [],
      availability: {
        unavailableSlotIds: unavailable.map((u) => u.slotId),
        slots: slots.map((s) => ({ id: s.id, code: s.code, startsAt: s.startsAt, endsAt: s.endsAt })),
      },
      window,
      review: Object.fromEntries(
        (reviews as { status: string; n: number; at: Date | null; comment: string | null }[]).map((r) => [
          r.status,
          { count: r.n, at: r.at, comment: r.comment },
        ]),
      ),
    };
  }

  async updateProfile(me: Me, body: unknown) {
    const input = parseBody(S.ProfileUpdate, body);
    return this.db.transaction(async (m) => {
      const current = await this.guard(m, me);
      const { version, ...changes } = input;
      if (current.version !== version) throw versionConflict(current);
      const merged = withGadmReference({ ...current, ...changes }) as ParticipantEntity;
      const saved = await m.getRepository(ParticipantEntity).save(merged);
      await this.audit(m, me, 'participant', me.participantId, 'update', current, saved);
      return saved;
    });
  }

  async setAvailability(me: Me, body: unknown) {
    const { unavailableSlotIds } = parseBody(S.AvailabilityBody, body);
    return this.db.transaction(async (m) => {
      await this.guard(m, me);
      const known = new Set(
        (await m.getRepository(SlotEntity).find({ where: { eventId: me.eventId }, select: { id: true } })).map((s) => s.id),
      );
      const unknown = unavailableSlotIds.filter((s) => !known.has(s));
      if (unknown.length)
        throw invalid(unknown.map((s) => fieldProblem('unavailableSlotIds', `franja desconocida: ${s}`, `unknown slot: ${s}`)));
      const repo = m.getRepository(UnavailabilityEntity);
      const before = (await repo.find({ where: { participantId: me.participantId } })).map((u) => u.slotId).sort();
      const after = [...new Set(unavailableSlotIds)].sort();
      await repo.delete({ participantId: me.participantId });
      if (after.length) await repo.insert(after.map((slotId) => ({ participantId: me.participantId, slotId })));
      await this.audit(m, me, 'availability', null, 'update', { unavailableSlotIds: before }, { unavailableSlotIds: after });
      await this.bump(m, me.eventId);
      return { unavailableSlotIds: after };
    });
  }

  async create(me: Me, kind: ItemKind, body: unknown) {
    const spec = ITEMS[kind];
    const input = parseBody(spec.create, body) as ObjectLiteral;
    return this.db.transaction(async (m) => {
      const p = await this.guard(m, me);
      this.checkKind(p, kind);
      const repo = m.getRepository<ObjectLiteral>(spec.entity);
      const saved = await repo.save(
        repo.create({ ...input, eventId: me.eventId, participantId: me.participantId, externalId: await this.nextId(m, kind, p) }),
      );
      await this.audit(m, me, spec.change, saved.id, 'create', null, saved);
      if (kind === 'delegates') await this.bump(m, me.eventId);
      return saved;
    });
  }

  async update(me: Me, kind: ItemKind, id: string, body: unknown) {
    const spec = ITEMS[kind];
    const input = parseBody(spec.update, body) as ObjectLiteral & { version: number };
    return this.db.transaction(async (m) => {
      const p = await this.guard(m, me);
      this.checkKind(p, kind);
      const repo = m.getRepository<ObjectLiteral>(spec.entity);
      // Another participant's record is simply not there for this one.
      const current = await repo.findOne({ where: { id, participantId: me.participantId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound(spec.noun, id);
      const { version, ...changes } = input;
      if (current.version !== version) throw versionConflict(current);
      const merged = { ...current, ...changes };
      if (kind === 'offers' && !amountsInOrder(merged)) throw invalid([AMOUNTS_OUT_OF_ORDER]);
      const saved = await repo.save(merged);
      await this.audit(m, me, spec.change, id, 'update', current, saved);
      if (kind === 'delegates') await this.bump(m, me.eventId);
      return saved;
    });
  }

  async remove(me: Me, kind: ItemKind, id: string) {
    const spec = ITEMS[kind];
    await this.db.transaction(async (m) => {
      const p = await this.guard(m, me);
      this.checkKind(p, kind);
      const repo = m.getRepository<ObjectLiteral>(spec.entity);
      const current = await repo.findOne({ where: { id, participantId: me.participantId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound(spec.noun, id);
      await repo.delete({ id });
      await this.audit(m, me, spec.change, id, 'delete', current, null);
      if (kind === 'delegates') await this.bump(m, me.eventId);
    });
  }

  private checkKind(p: ParticipantEntity, kind: ItemKind) {
    const only = ITEMS[kind].only;
    if (only && p.kind !== only)
      throw new DomainError(
        'forbidden',
        'wrong_participant_kind',
        only === 'gadm'
          ? {
              es: 'Las demandas son de los GADM; un cooperante registra ofertas',
              en: 'Demands belong to GADMs; a cooperant records offers',
            }
          : {
              es: 'Las ofertas son de los cooperantes; un GADM registra demandas',
              en: 'Offers belong to cooperants; a GADM records demands',
            },
      );
  }

  /** `<participant id>-D3`: the next free number for the participant's demands (offers O, delegates P). */
  private async nextId(m: EntityManager, kind: ItemKind, p: ParticipantEntity): Promise<string> {
    const prefix = `${p.externalId}-${ITEMS[kind].suffix}`;
    const rows: { external_id: string }[] = await m.query(`SELECT external_id FROM ${kind} WHERE event_id = $1 AND external_id LIKE $2`, [
      p.eventId,
      `${prefix.replace(/[%_]/g, '\\$&')}%`,
    ]);
    const used = rows.map((r) => Number(r.external_id.slice(prefix.length))).filter(Number.isInteger);
    return `${prefix}${Math.max(0, ...used) + 1}`;
  }
}
