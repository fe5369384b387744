import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { ENV, Env } from '@rueda/config';
import type { Clock } from '@rueda/application';
import { normalizeExternalId } from '@rueda/importing';
import {
  DelegateEntity,
  EventEntity,
  insertEmail,
  issueAccessLinks,
  LinkKeys,
  OfferEntity,
  ParticipantEntity,
  RegistrationEntity,
} from '@rueda/persistence';
import { MAIL_JOB_OPTIONS, MailJobData, mailJobId, QUEUES } from '@rueda/queues';
import { conflict, DomainError, NOUNS, notFound, parseInput as parseBody } from '@rueda/domain';
import { CLOCK } from '../../platform/application.module';

import { RegistrationBody } from './self-service.schemas';

const closed = () =>
  new DomainError('forbidden', 'registration_closed', {
    es: 'El registro público de cooperantes no está abierto para esta Jornada',
    en: 'Public registration of cooperants is not open for this event',
  });

/**
 * Cooperants not in the catalogue apply through a public form; organisers approve (the
 * cooperant becomes a participant with its offers and gets its invitation) or reject with a reason.
 */
@Injectable()
export class RegistrationsService {
  private readonly keys: LinkKeys;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) env: Env,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<MailJobData>,
  ) {
    this.keys = new LinkKeys(() => this.db.manager, env.LINK_SECRET);
  }

  private async event(m: EntityManager, eventId: string) {
    const ev = await m.getRepository(EventEntity).findOneBy({ id: eventId });
    if (!ev) throw notFound(NOUNS.event, eventId);
    return ev;
  }

  async form(eventId: string) {
    const ev = await this.event(this.db.manager, eventId);
    return { event: { id: ev.id, name: ev.name, venue: ev.venue, timeZone: ev.timeZone }, open: !!ev.settings.registrationOpen };
  }

  async submit(eventId: string, body: unknown) {
    const input = parseBody(RegistrationBody, body);
    const { id, emailId } = await this.db.transaction(async (m) => {
      const ev = await this.event(m, eventId);
      if (!ev.settings.registrationOpen) throw closed();
      const repo = m.getRepository(RegistrationEntity);
      const reg = await repo.save(repo.create({ eventId, email: input.email.toLowerCase(), data: input }));
      const emailId = await insertEmail(m, { eventId, registrationId: reg.id, kind: 'registration', to: [reg.email] });
      return { id: reg.id, emailId };
    });
    await this.queueMail(emailId);
    return { id, status: 'pending' };
  }

  list(eventId: string, status: 'pending' | 'approved' | 'rejected') {
    return this.db.getRepository(RegistrationEntity).find({ where: { eventId, status }, order: { createdAt: 'DESC' }, take: 500 });
  }

  /** The applicant becomes a cooperant of the event, with its contact as delegate and its offers, and is invited. */
  async approve(eventId: string, registrationId: string, userId: string | null) {
    const key = await this.keys.get();
    const { participant, emailId } = await this.db.transaction(async (m) => {
      const reg = await this.pending(m, eventId, registrationId);
      const data = RegistrationBody.parse(reg.data);
      const externalId = normalizeExternalId(data.acronym || data.name).slice(0, 40);
      const taken = await m.getRepository(ParticipantEntity).exists({ where: { eventId, externalId } });
      if (taken)
        throw conflict('duplicate', {
          es: `Ya existe un participante con el id «${externalId}»: revise si es el mismo cooperante`,
          en: `A participant with id "${externalId}" already exists: check whether it is the same cooperant`,
        });
      const participant = await m.getRepository(ParticipantEntity).save(
        m.getRepository(ParticipantEntity).create({
          eventId,
          externalId,
          kind: 'cooperant',
          name: data.name,
          acronym: data.acronym ?? null,
          tipo: data.tipo ?? null,
          origin: data.origin ?? null,
          email: data.email.toLowerCase(),
          phone: data.phone ?? null,
        }),
      );
      await m.getRepository(DelegateEntity).save(
        m.getRepository(DelegateEntity).create({
          eventId,
          participantId: participant.id,
          externalId: `${externalId}-P1`,
          fullName: data.contact.fullName,
          role: data.contact.role ?? null,
          email: data.email.toLowerCase(),
        }),
      );
      const offers = m.getRepository(OfferEntity);
      await offers.save(
        data.offers.map((o, i) => offers.create({ ...o, eventId, participantId: participant.id, externalId: `${externalId}-O${i + 1}` })),
      );
      await m
        .getRepository(RegistrationEntity)
        .update(reg.id, { status: 'approved', participantId: participant.id, reviewedBy: userId, reviewedAt: this.clock.now() });
      await issueAccessLinks(m, key, eventId, [participant.id], { revoke: false, now: this.clock.now() });
      const emailId = await insertEmail(m, { eventId, participantId: participant.id, kind: 'invitation', to: [data.email.toLowerCase()] });
      return { participant, emailId };
    });
    await this.queueMail(emailId);
    return participant;
  }

  async reject(eventId: string, registrationId: string, userId: string | null, comment: string) {
    const emailId = await this.db.transaction(async (m) => {
      const reg = await this.pending(m, eventId, registrationId);
      await m
        .getRepository(RegistrationEntity)
        .update(reg.id, { status: 'rejected', reviewComment: comment, reviewedBy: userId, reviewedAt: this.clock.now() });
      return insertEmail(m, { eventId, registrationId: reg.id, kind: 'registration', to: [reg.email] });
    });
    await this.queueMail(emailId);
    return { id: registrationId, status: 'rejected' };
  }

  private async pending(m: EntityManager, eventId: string, id: string) {
    const reg = await m.getRepository(RegistrationEntity).findOne({ where: { id, eventId }, lock: { mode: 'pessimistic_write' } });
    if (!reg) throw notFound({ es: 'Registro', en: 'Registration' }, id);
    if (reg.status !== 'pending')
      throw conflict('already_reviewed', {
        es: `Este registro ya fue ${reg.status === 'approved' ? 'aprobado' : 'rechazado'}`,
        en: `This registration was already ${reg.status}`,
      });
    return reg;
  }

  private queueMail(messageId: string) {
    // If this fails the email stays `queued` and the worker's sweep sends it.
    return this.mail.add('send', { messageId }, { ...MAIL_JOB_OPTIONS, jobId: mailJobId(messageId) }).catch(() => undefined);
  }
}
