import type { EntityManager } from 'typeorm';
import type { AudienceMember, InvitationRepository, LinkState, ParticipantFilter } from '@rueda/application';
import type { Bilingual } from '@rueda/domain';
import { describeContactProblem, participantContacts } from '@rueda/notifications';
import { EmailCampaignEntity } from '../../entities';
import { contactSources, insertEmails } from '../../notifications/email';

/** A participant with its link and its latest invitation, as the participants' page and the invitation commands read it. */
export interface ReachRow {
  id: string;
  external_id: string;
  name: string;
  kind: 'gadm' | 'cooperant';
  issued_at: Date | null;
  retrievable: boolean | null;
  first_seen_at: Date | null;
  last_seen_at: Date | null;
  inv_status: string | null;
  inv_at: Date | null;
  sent_at: Date | null;
  attempts: number | null;
  last_error: string | null;
  state: LinkState;
}

/** One state per participant, the furthest it got: opened > delivered > held > sending > failed > never sent > no link. */
export const REACH_STATE_SQL = `CASE
  WHEN l.first_seen_at IS NOT NULL THEN 'opened'
  WHEN em.status = 'delivered' THEN 'delivered'
  WHEN em.status = 'held' THEN 'held'
  WHEN em.status IN ('queued','retrying') THEN 'sending'
  WHEN em.status IN ('bounced','failed') THEN 'failed'
  WHEN l.participant_id IS NOT NULL THEN 'never_sent'
  ELSE 'no_link' END`;

/** The participants of the filter with their link and invitation state (a page of them when asked). */
export async function reachRows(m: EntityManager, eventId: string, f: ParticipantFilter, page?: { page: number; pageSize: number }) {
  const params: unknown[] = [eventId];
  const where = ['p.event_id = $1'];
  if (f.kind) where.push(`p.kind = $${params.push(f.kind)}`);
  if (f.q) where.push(`(p.name ILIKE $${params.push(`%${f.q.replace(/[%_]/g, '\\$&')}%`)} OR p.external_id ILIKE $${params.length})`);
  if (f.state) where.push(`${REACH_STATE_SQL} = $${params.push(f.state)}`);
  if (f.participantIds) where.push(`p.id = ANY($${params.push(f.participantIds)}::uuid[])`);
  const from = `FROM participants p
    LEFT JOIN access_links l ON l.participant_id = p.id
    LEFT JOIN LATERAL (SELECT e.status, e.created_at, e.sent_at, e.attempts, e.last_error FROM email_messages e
                        WHERE e.participant_id = p.id AND e.kind = 'invitation' ORDER BY e.created_at DESC LIMIT 1) em ON true
    WHERE ${where.join(' AND ')}`;
  const limit = page ? `LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}` : '';
  const rows: ReachRow[] = await m.query(
    `SELECT p.id, p.external_id, p.name, p.kind, l.issued_at, (l.token_sealed IS NOT NULL) AS retrievable, l.first_seen_at, l.last_seen_at,
            em.status AS inv_status, em.created_at AS inv_at, em.sent_at, em.attempts, em.last_error, ${REACH_STATE_SQL} AS state
       ${from} ORDER BY p.kind DESC, p.external_id ${limit}`,
    params,
  );
  const [{ n }] = page ? await m.query(`SELECT count(*)::int AS n ${from}`, params) : [{ n: rows.length }];
  return { rows, total: n as number };
}

export class TypeOrmInvitationRepository implements InvitationRepository {
  constructor(private readonly m: EntityManager) {}

  async eventExists(eventId: string) {
    return (await this.m.query(`SELECT 1 FROM events WHERE id = $1`, [eventId])).length > 0;
  }

  async audience(eventId: string, filter: ParticipantFilter): Promise<AudienceMember[]> {
    const { rows } = await reachRows(this.m, eventId, filter);
    const sources = await contactSources(
      this.m,
      eventId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const src = sources.get(r.id);
      const c = src ? participantContacts(src) : { to: [], problems: [] };
      return {
        participantId: r.id,
        externalId: r.external_id,
        name: r.name,
        to: c.to,
        problems: c.problems.map(describeContactProblem),
        link: r.issued_at ? { retrievable: !!r.retrievable } : null,
      };
    });
  }

  async createCampaign(c: {
    eventId: string;
    filter: ParticipantFilter;
    total: number;
    skipped: { participantId: string; externalId: string; name: string; reason: Bilingual }[];
    createdBy: string | null;
  }) {
    const repo = this.m.getRepository(EmailCampaignEntity);
    return (await repo.save(repo.create({ ...c, kind: 'invitation' }))).id;
  }

  async insertInvitationEmails(eventId: string, campaignId: string, recipients: { participantId: string; to: string[] }[]) {
    await insertEmails(
      this.m,
      { eventId, campaignId, kind: 'invitation' },
      recipients.map((r) => ({ participantId: r.participantId, to: r.to })),
    );
  }
}
