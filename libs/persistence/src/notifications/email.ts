import { randomUUID } from 'node:crypto';
import type { DispatchedBatch } from '@rueda/application';
import { EntityManager } from 'typeorm';
import { describeContactProblem, participantContacts, type ContactSource, type EmailContext, type Notice } from '@rueda/notifications';
import { EmailKind, EmailMessageEntity, EmailStatus } from '../entities';
import { revealAccessLinks } from '../access/access-links';
import { claimDueNotices } from './pipeline';

export interface ParticipantContactInfo extends ContactSource {
  id: string;
  externalId: string;
  name: string;
  kind: 'gadm' | 'cooperant';
}

/** Each participant's own address and its delegates' (for the email rules of @rueda/notifications). */
export async function contactSources(
  m: EntityManager,
  eventId: string,
  participantIds?: string[],
): Promise<Map<string, ParticipantContactInfo>> {
  const filter = participantIds ? 'AND p.id = ANY($2::uuid[])' : '';
  const rows: {
    id: string;
    external_id: string;
    name: string;
    kind: 'gadm' | 'cooperant';
    email: string | null;
    delegates: { fullName: string; email: string | null }[];
  }[] = await m.query(
    `SELECT p.id, p.external_id, p.name, p.kind, p.email,
              coalesce((SELECT json_agg(json_build_object('fullName', d.full_name, 'email', d.email) ORDER BY d.external_id)
                          FROM delegates d WHERE d.participant_id = p.id), '[]') AS delegates
         FROM participants p WHERE p.event_id = $1 ${filter} ORDER BY p.external_id`,
    participantIds ? [eventId, participantIds] : [eventId],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, externalId: r.external_id, name: r.name, kind: r.kind, participant: { email: r.email }, delegates: r.delegates },
    ]),
  );
}

export async function insertEmail(
  m: EntityManager,
  e: {
    eventId: string;
    participantId?: string | null;
    registrationId?: string | null;
    campaignId?: string | null;
    kind: EmailKind;
    to: string[];
    status?: EmailStatus;
  },
): Promise<string> {
  const repo = m.getRepository(EmailMessageEntity);
  const saved = await repo.save(
    repo.create({
      eventId: e.eventId,
      participantId: e.participantId ?? null,
      registrationId: e.registrationId ?? null,
      campaignId: e.campaignId ?? null,
      kind: e.kind,
      toAddresses: e.to,
      status: e.status ?? 'queued',
    }),
  );
  return saved.id;
}

export interface NewEmail {
  participantId: string | null;
  to: string[];
}

/**
 * Records many queued emails of one kind in one statement (a campaign of 300 is one round trip,
 * not 300); returns their ids in the order given.
 */
export async function insertEmails(
  m: EntityManager,
  e: { eventId: string; campaignId?: string | null; kind: EmailKind },
  emails: NewEmail[],
): Promise<string[]> {
  // Ids made here, so each email is known by its place without relying on RETURNING's order.
  const rows = emails.map((x) => ({ id: randomUUID(), participant_id: x.participantId, to_addresses: x.to }));
  if (rows.length)
    await m.query(
      `INSERT INTO email_messages (id, event_id, participant_id, campaign_id, kind, to_addresses, status)
       SELECT x.id, $1, x.participant_id, $2, $3, ARRAY(SELECT jsonb_array_elements_text(x.to_addresses)), 'queued'
         FROM jsonb_to_recordset($4::jsonb) AS x(id uuid, participant_id uuid, to_addresses jsonb)`,
      [e.eventId, e.campaignId ?? null, e.kind, JSON.stringify(rows)],
    );
  return rows.map((r) => r.id);
}

/** The application's DispatchedBatch (one definition): a claimed DueBatch and what email did with it. */
export type { DispatchedBatch };

/**
 * Takes every due batch (see claimDueNotices) and, in the same transaction, records an email
 * per participant that keeps email on and has an address, and marks the notices sent. The
 * caller queues the emails after commit (a lost enqueue is found again by the sweep: the email
 * row stays `queued`).
 */
export async function dispatchDueNotices(m: EntityManager, eventId: string, now: Date, windowMs: number): Promise<DispatchedBatch[]> {
  const batches = await claimDueNotices(m, eventId, now, windowMs);
  if (batches.length === 0) return [];
  const ids = batches.map((b) => b.participantId);
  const contacts = await contactSources(m, eventId, ids);
  const prefs = new Map<string, { email: boolean; push: boolean }>(
    (await m.query(`SELECT participant_id, email, push FROM notification_prefs WHERE participant_id = ANY($1::uuid[])`, [ids])).map(
      (r: { participant_id: string; email: boolean; push: boolean }) => [r.participant_id, { email: r.email, push: r.push }],
    ),
  );
  const planned = batches.map((b) => {
    const pref = prefs.get(b.participantId) ?? { email: true, push: true };
    const c = contacts.get(b.participantId);
    const to = c ? participantContacts(c) : { to: [], problems: [] };
    let emailSkipped: string | undefined;
    if (!pref.email) emailSkipped = 'email desactivado por el participante / email turned off by the participant';
    else if (to.to.length === 0)
      emailSkipped = to.problems
        .map((p) => {
          const d = describeContactProblem(p);
          return `${d.es} / ${d.en}`;
        })
        .join('; ');
    return { b, pref, to: to.to, emailSkipped };
  });
  const emailed = planned.filter((x) => x.emailSkipped === undefined);
  const emailIds = await insertEmails(
    m,
    { eventId, kind: 'notification' },
    emailed.map((x) => ({ participantId: x.b.participantId, to: x.to })),
  );
  const emailOf = new Map(emailed.map((x, i) => [x.b.participantId, emailIds[i]]));
  const out: DispatchedBatch[] = planned.map((x) => ({
    ...x.b,
    emailMessageId: emailOf.get(x.b.participantId) ?? null,
    emailSkipped: x.emailSkipped,
    pushEnabled: x.pref.push,
  }));
  // Every notice of the dispatch marked in one statement: its email, or why it was not emailed.
  await m.query(
    `UPDATE notifications n SET status = 'sent', batched_at = $2, email_message_id = x.email_id,
            channels = n.channels || jsonb_build_object('email', x.outcome)
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, email_id uuid, outcome text)
      WHERE n.id = x.id`,
    [
      JSON.stringify(
        out.flatMap((o) =>
          o.notificationIds.map((id) => ({
            id,
            email_id: o.emailMessageId,
            outcome: o.emailMessageId ? 'queued' : `skipped: ${o.emailSkipped}`,
          })),
        ),
      ),
      now,
    ],
  );
  return out;
}

/** What a template needs to render for one participant: event, branding, name, links. */
export async function emailContext(
  m: EntityManager,
  key: Buffer,
  eventId: string,
  participantId: string | null,
  publicUrl: string,
): Promise<EmailContext & { deadline: string | null }> {
  const [ev] = await m.query(`SELECT name, time_zone, venue, settings FROM events WHERE id = $1`, [eventId]);
  let name = '';
  let personal: string | null = null;
  if (participantId) {
    const [p] = await m.query(`SELECT name FROM participants WHERE id = $1`, [participantId]);
    name = p?.name ?? '';
    const token = (await revealAccessLinks(m, key, eventId, [participantId])).get(participantId);
    if (token) personal = `${publicUrl.replace(/\/$/, '')}/app/a/${token}`;
  }
  return {
    event: { name: ev.name, timeZone: ev.time_zone, venue: ev.venue || undefined, branding: ev.settings?.branding },
    participantName: name,
    links: { personal, preferences: personal ? `${personal}/avisos` : null },
    deadline: ev.settings?.selfServiceDeadline ?? null,
  };
}

/** The notices an email carries (in the order they were raised). */
export async function noticesOfEmail(m: EntityManager, messageId: string): Promise<Notice[]> {
  const rows: { notice: Notice }[] = await m.query(`SELECT notice FROM notifications WHERE email_message_id = $1 ORDER BY created_at, id`, [
    messageId,
  ]);
  return rows.map((r) => r.notice);
}
