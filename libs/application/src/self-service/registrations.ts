import { conflict, DomainError, notFound, NOUNS } from '@rueda/domain';
import { normalizeExternalId } from '@rueda/importing';
import { MAIL_JOB_OPTIONS, type MailJobData, mailJobId, QUEUES } from '@rueda/queues';
import { admins, anyone } from '../authorization';
import { actingUserId } from '../ports/principal';
import type { JobRequest } from '../ports/changes';
import type { EventRecord, RegistrationRecord } from '../ports/repositories';
import type { Tx } from '../ports/unit-of-work';
import { useCase } from '../use-case';
import { ApproveRegistrationCommand, RegistrationBody, RejectRegistrationCommand, SubmitRegistrationCommand } from './schemas';

/**
 * Cooperants not in the catalogue apply through a public form; organisers approve (the
 * cooperant becomes a participant with its offers and gets its invitation) or reject with a
 * reason. Every email is written in the transaction and sent by the mail job after commit.
 */

/** The mail job that sends one written email (its id names the job: sent once however often it is asked). */
export const mailJob = (messageId: string): JobRequest<MailJobData> => ({
  queue: QUEUES.mail,
  name: 'send',
  data: { messageId },
  options: { ...MAIL_JOB_OPTIONS, jobId: mailJobId(messageId) },
});

const closed = () =>
  new DomainError('forbidden', 'registration_closed', {
    es: 'El registro público de cooperantes no está abierto para esta Jornada',
    en: 'Public registration of cooperants is not open for this event',
  });

/** Anyone applies through the public form while the event takes registrations. */
export const SubmitRegistration = useCase({
  name: 'SubmitRegistration',
  command: SubmitRegistrationCommand,
  // The form is public: the rule that decides is the event's (registrationOpen), below.
  authorize: anyone,
  async run({ tx }, cmd) {
    const { eventId, ...form } = cmd;
    const open = await tx.repos.registrations.registrationOpen(eventId);
    if (open === null) throw notFound(NOUNS.event, eventId);
    if (!open) throw closed();
    const reg = await tx.repos.registrations.insert(eventId, form.email.toLowerCase(), form);
    const emailId = await tx.repos.notifications.insertEmail({ eventId, registrationId: reg.id, kind: 'registration', to: [reg.email] });
    tx.enqueue(mailJob(emailId));
    return { id: reg.id, status: 'pending' as const };
  },
});

async function pending(tx: Tx, eventId: string, id: string): Promise<RegistrationRecord> {
  const reg = await tx.repos.registrations.lock(eventId, id);
  if (!reg) throw notFound({ es: 'Registro', en: 'Registration' }, id);
  if (reg.status !== 'pending')
    throw conflict('already_reviewed', {
      es: `Este registro ya fue ${reg.status === 'approved' ? 'aprobado' : 'rechazado'}`,
      en: `This registration was already ${reg.status}`,
    });
  return reg;
}

/** The applicant becomes a cooperant of the event, with its contact as delegate and its offers, and is invited. */
export const ApproveRegistration = useCase({
  name: 'ApproveRegistration',
  command: ApproveRegistrationCommand,
  authorize: admins,
  async run({ tx, now, principal }, { eventId, registrationId }): Promise<EventRecord> {
    const reg = await pending(tx, eventId, registrationId);
    const data = RegistrationBody.parse(reg.data);
    const email = data.email.toLowerCase();
    const externalId = normalizeExternalId(data.acronym || data.name).slice(0, 40);
    if (await tx.repos.registrations.externalIdTaken(eventId, externalId))
      throw conflict('duplicate', {
        es: `Ya existe un participante con el id «${externalId}»: revise si es el mismo cooperante`,
        en: `A participant with id "${externalId}" already exists: check whether it is the same cooperant`,
      });
    const participant = await tx.repos.records.insert('participants', eventId, {
      externalId,
      kind: 'cooperant',
      name: data.name,
      acronym: data.acronym ?? null,
      tipo: data.tipo ?? null,
      origin: data.origin ?? null,
      email,
      phone: data.phone ?? null,
    });
    await tx.repos.records.insert('delegates', eventId, {
      participantId: participant.id,
      externalId: `${externalId}-P1`,
      fullName: data.contact.fullName,
      role: data.contact.role ?? null,
      email,
    });
    for (const [i, offer] of data.offers.entries())
      await tx.repos.records.insert('offers', eventId, { ...offer, participantId: participant.id, externalId: `${externalId}-O${i + 1}` });
    await tx.repos.registrations.decide(reg.id, {
      status: 'approved',
      participantId: participant.id,
      reviewedBy: actingUserId(principal),
      at: now,
    });
    await tx.repos.accessLinks.issue(eventId, [participant.id], { revoke: false, now });
    const emailId = await tx.repos.notifications.insertEmail({ eventId, participantId: participant.id, kind: 'invitation', to: [email] });
    tx.enqueue(mailJob(emailId));
    return participant;
  },
});

/** An admin rejects an application with a reason; the applicant is emailed. */
export const RejectRegistration = useCase({
  name: 'RejectRegistration',
  command: RejectRegistrationCommand,
  authorize: admins,
  async run({ tx, now, principal }, { eventId, registrationId, comment }) {
    const reg = await pending(tx, eventId, registrationId);
    await tx.repos.registrations.decide(reg.id, { status: 'rejected', comment, reviewedBy: actingUserId(principal), at: now });
    const emailId = await tx.repos.notifications.insertEmail({ eventId, registrationId: reg.id, kind: 'registration', to: [reg.email] });
    tx.enqueue(mailJob(emailId));
    return { id: registrationId, status: 'rejected' as const };
  },
});
