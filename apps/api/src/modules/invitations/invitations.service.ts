import type { z } from 'zod';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { ENV, Env } from '@rueda/config';
import type { Clock } from '@rueda/application';
import { reportsToXlsx, reportToCsv } from '@rueda/exports';
import { describeContactProblem, participantContacts } from '@rueda/notifications';
import {
  contactSources,
  EmailCampaignEntity,
  insertEmails,
  issueAccessLinks,
  LinkKeys,
  revealAccessLinks,
  type ParticipantContactInfo,
} from '@rueda/persistence';
import type { ReportTable } from '@rueda/reporting';
import { CampaignJobData, CampaignProgress, QUEUES } from '@rueda/queues';
import { CLOCK } from '../../platform/application.module';
import { type Bilingual, NOUNS, notFound } from '@rueda/domain';
import type { Page } from '../../platform/pagination';
import type { LinkState, ParticipantFilter } from './invitations.schemas';
import type { ParticipantReachOut } from './invitations.responses';

/** A participant on the invitations page, as the route's response schema declares it. */
export type ParticipantReach = z.infer<typeof ParticipantReachOut>;

interface Row {
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

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** One state per participant, the furthest it got: opened > delivered > held > sending > failed > never sent > no link. */
const STATE_SQL = `CASE
  WHEN l.first_seen_at IS NOT NULL THEN 'opened'
  WHEN em.status = 'delivered' THEN 'delivered'
  WHEN em.status = 'held' THEN 'held'
  WHEN em.status IN ('queued','retrying') THEN 'sending'
  WHEN em.status IN ('bounced','failed') THEN 'failed'
  WHEN l.participant_id IS NOT NULL THEN 'never_sent'
  ELSE 'no_link' END`;

const SKIP_REASONS = {
  noAddress: (problems: Bilingual[]): Bilingual => ({
    es: `sin dirección utilizable (${problems.map((p) => p.es).join('; ')})`,
    en: `no usable address (${problems.map((p) => p.en).join('; ')})`,
  }),
  legacyLink: {
    es: 'su enlace se emitió antes de poder mostrarse de nuevo: vuelva a emitirlo para invitarlo',
    en: 'its link was issued before links could be shown again: re-issue it to invite',
  },
};

/**
 * Invitations: personal links for everybody (bulk issue never revokes a link), the participants'
 * page with link and delivery state, invitation emails in campaigns, and the links as a file
 * for a mail merge.
 */
@Injectable()
export class InvitationsService {
  private readonly keys: LinkKeys;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectQueue(QUEUES.campaigns) private readonly campaigns: Queue<CampaignJobData>,
  ) {
    this.keys = new LinkKeys(() => this.db.manager, env.LINK_SECRET);
  }

  private async rows(m: EntityManager, eventId: string, f: ParticipantFilter, page?: { page: number; pageSize: number }) {
    const params: unknown[] = [eventId];
    const where = ['p.event_id = $1'];
    if (f.kind) where.push(`p.kind = $${params.push(f.kind)}`);
    if (f.q) where.push(`(p.name ILIKE $${params.push(`%${f.q.replace(/[%_]/g, '\\$&')}%`)} OR p.external_id ILIKE $${params.length})`);
    if (f.state) where.push(`${STATE_SQL} = $${params.push(f.state)}`);
    if (f.participantIds) where.push(`p.id = ANY($${params.push(f.participantIds)}::uuid[])`);
    const from = `FROM participants p
      LEFT JOIN access_links l ON l.participant_id = p.id
      LEFT JOIN LATERAL (SELECT e.status, e.created_at, e.sent_at, e.attempts, e.last_error FROM email_messages e
                          WHERE e.participant_id = p.id AND e.kind = 'invitation' ORDER BY e.created_at DESC LIMIT 1) em ON true
      WHERE ${where.join(' AND ')}`;
    const limit = page ? `LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}` : '';
    const rows: Row[] = await m.query(
      `SELECT p.id, p.external_id, p.name, p.kind, l.issued_at, (l.token_sealed IS NOT NULL) AS retrievable, l.first_seen_at, l.last_seen_at,
              em.status AS inv_status, em.created_at AS inv_at, em.sent_at, em.attempts, em.last_error, ${STATE_SQL} AS state
         ${from} ORDER BY p.kind DESC, p.external_id ${limit}`,
      params,
    );
    const [{ n }] = page ? await m.query(`SELECT count(*)::int AS n ${from}`, params) : [{ n: rows.length }];
    return { rows, total: n as number };
  }

  private reach(r: Row, contacts: ParticipantContactInfo | undefined): ParticipantReach {
    const c = contacts ? participantContacts(contacts) : { to: [], problems: [] };
    const link = r.issued_at
      ? { issuedAt: iso(r.issued_at)!, retrievable: !!r.retrievable, firstSeenAt: iso(r.first_seen_at), lastSeenAt: iso(r.last_seen_at) }
      : null;
    const invitation = r.inv_status
      ? { status: r.inv_status, at: iso(r.inv_at)!, sentAt: iso(r.sent_at), attempts: r.attempts ?? 0, lastError: r.last_error }
      : null;
    return {
      id: r.id,
      externalId: r.external_id,
      name: r.name,
      kind: r.kind,
      contacts: c.to,
      problems: c.problems.map(describeContactProblem),
      link,
      invitation,
      state: r.state,
    };
  }

  /** The participants' page: link, delivery and use of each participant, plus totals by state. */
  async list(
    eventId: string,
    f: ParticipantFilter,
    page: { page: number; pageSize: number },
  ): Promise<Page<ParticipantReach> & { states: Record<string, number> }> {
    await this.event(eventId);
    const { rows, total } = await this.rows(this.db.manager, eventId, f, page);
    const contacts = await contactSources(
      this.db.manager,
      eventId,
      rows.map((r) => r.id),
    );
    const states: { state: string; n: number }[] = await this.db.query(
      `SELECT ${STATE_SQL} AS state, count(*)::int AS n FROM participants p
         LEFT JOIN access_links l ON l.participant_id = p.id
         LEFT JOIN LATERAL (SELECT e.status FROM email_messages e WHERE e.participant_id = p.id AND e.kind = 'invitation' ORDER BY e.created_at DESC LIMIT 1) em ON true
        WHERE p.event_id = $1 GROUP BY 1`,
      [eventId],
    );
    return {
      items: rows.map((r) => this.reach(r, contacts.get(r.id))),
      total,
      page: page.page,
      pageSize: page.pageSize,
      states: Object.fromEntries(states.map((s) => [s.state, s.n])),
    };
  }

  /** Links for every participant of the filter that has none; existing links stay as they are. */
  async issueLinks(eventId: string, f: ParticipantFilter): Promise<{ issued: number; existing: number }> {
    await this.event(eventId);
    const key = await this.keys.get();
    return this.db.transaction(async (m) => {
      const { rows } = await this.rows(m, eventId, f);
      const missing = rows.filter((r) => !r.issued_at).map((r) => r.id);
      const issued = await issueAccessLinks(m, key, eventId, missing, { revoke: false, now: this.clock.now() });
      return { issued: issued.size, existing: rows.length - issued.size };
    });
  }

  /**
   * Who an invitation to the filter would reach, and who not and why — before anything is
   * sent: a participant with no usable address is listed, never silently skipped.
   */
  async preview(eventId: string, f: ParticipantFilter) {
    await this.event(eventId);
    return this.plan(this.db.manager, eventId, f);
  }

  private async plan(m: EntityManager, eventId: string, f: ParticipantFilter) {
    const { rows } = await this.rows(m, eventId, f);
    const contacts = await contactSources(
      m,
      eventId,
      rows.map((r) => r.id),
    );
    const recipients: { participantId: string; name: string; to: string[]; warnings: Bilingual[] }[] = [];
    const skipped: { participantId: string; externalId: string; name: string; reason: Bilingual }[] = [];
    for (const r of rows) {
      const reach = this.reach(r, contacts.get(r.id));
      if (reach.contacts.length === 0)
        skipped.push({ participantId: r.id, externalId: r.external_id, name: r.name, reason: SKIP_REASONS.noAddress(reach.problems) });
      else if (reach.link && !reach.link.retrievable)
        skipped.push({ participantId: r.id, externalId: r.external_id, name: r.name, reason: SKIP_REASONS.legacyLink });
      else recipients.push({ participantId: r.id, name: r.name, to: reach.contacts, warnings: reach.problems });
    }
    return { total: rows.length, recipients, skipped };
  }

  /**
   * Sends invitations to the filter (also: resend to a filtered set, e.g. `state: failed`): links
   * are issued where missing (never revoked), one email per participant to all its addresses,
   * recorded with the campaign in one transaction, then a BullMQ job queues and follows them.
   */
  async send(eventId: string, f: ParticipantFilter, userId: string | null) {
    await this.event(eventId);
    const key = await this.keys.get();
    const result = await this.db.transaction(async (m) => {
      const plan = await this.plan(m, eventId, f);
      await issueAccessLinks(
        m,
        key,
        eventId,
        plan.recipients.map((r) => r.participantId),
        { revoke: false, now: this.clock.now() },
      );
      const repo = m.getRepository(EmailCampaignEntity);
      const campaign = await repo.save(
        repo.create({ eventId, kind: 'invitation', filter: f, total: plan.recipients.length, skipped: plan.skipped, createdBy: userId }),
      );
      await insertEmails(
        m,
        { eventId, campaignId: campaign.id, kind: 'invitation' },
        plan.recipients.map((r) => ({ participantId: r.participantId, to: r.to })),
      );
      return { campaign, plan };
    });
    await this.campaigns.add('campaign', { eventId, campaignId: result.campaign.id }, { jobId: `campaign-${result.campaign.id}` });
    return {
      campaignId: result.campaign.id,
      total: result.plan.recipients.length,
      recipients: result.plan.recipients,
      skipped: result.plan.skipped,
    };
  }

  async campaign(eventId: string, campaignId: string) {
    const c = await this.db.getRepository(EmailCampaignEntity).findOneBy({ id: campaignId, eventId });
    if (!c) throw notFound({ es: 'Envío', en: 'Sending' }, campaignId);
    const rows: { status: string; n: number }[] = await this.db.query(
      `SELECT status, count(*)::int AS n FROM email_messages WHERE campaign_id = $1 GROUP BY status`,
      [campaignId],
    );
    const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const job = await this.campaigns.getJob(`campaign-${campaignId}`);
    const settled = c.total - (counts.queued ?? 0) - (counts.retrying ?? 0);
    return {
      ...c,
      counts,
      percent: c.total ? Math.round((settled / c.total) * 100) : 100,
      job: job ? { state: await job.getState(), progress: job.progress as CampaignProgress | number } : null,
    };
  }

  /** The links of the filter as CSV or XLSX, for a mail merge (only links that can be shown). */
  async exportLinks(eventId: string, f: ParticipantFilter, format: 'csv' | 'xlsx', origin: string) {
    await this.event(eventId);
    const key = await this.keys.get();
    const { rows } = await this.rows(this.db.manager, eventId, f);
    const tokens = await revealAccessLinks(
      this.db.manager,
      key,
      eventId,
      rows.map((r) => r.id),
    );
    const contacts = await contactSources(
      this.db.manager,
      eventId,
      rows.map((r) => r.id),
    );
    const base = (this.env.PUBLIC_URL ?? origin).replace(/\/$/, '');
    const table: ReportTable = {
      columns: [
        { key: 'id', es: 'Id', en: 'Id' },
        { key: 'name', es: 'Nombre', en: 'Name' },
        { key: 'kind', es: 'Tipo', en: 'Kind' },
        { key: 'emails', es: 'Correos', en: 'Emails' },
        { key: 'link', es: 'Enlace personal', en: 'Personal link' },
        { key: 'state', es: 'Estado', en: 'State' },
      ],
      rows: rows.map((r) => {
        const t = tokens.get(r.id);
        const reach = this.reach(r, contacts.get(r.id));
        return {
          id: r.external_id,
          name: r.name,
          kind: r.kind === 'gadm' ? 'GADM' : 'Cooperante',
          emails: reach.contacts.join(', '),
          link: t ? `${base}/app/a/${t}` : r.issued_at ? '(emitir de nuevo / re-issue)' : '(sin enlace / no link)',
          state: reach.state,
        };
      }),
    };
    if (format === 'csv')
      return { filename: 'enlaces.csv', contentType: 'text/csv; charset=utf-8', body: reportToCsv(table, { headers: 'es-en' }) };
    return {
      filename: 'enlaces.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await reportsToXlsx([{ name: 'Enlaces', table }], { headers: 'es-en' }),
    };
  }

  /** The email log: every message with its status and the server's last answer. */
  async emails(
    eventId: string,
    q: { participantId?: string; campaignId?: string; status?: string; kind?: string; page: number; pageSize: number },
  ) {
    await this.event(eventId);
    const params: unknown[] = [eventId];
    const where = ['e.event_id = $1'];
    if (q.participantId) where.push(`e.participant_id = $${params.push(q.participantId)}`);
    if (q.campaignId) where.push(`e.campaign_id = $${params.push(q.campaignId)}`);
    if (q.status) where.push(`e.status = $${params.push(q.status)}`);
    if (q.kind) where.push(`e.kind = $${params.push(q.kind)}`);
    const w = where.join(' AND ');
    const items = await this.db.query(
      `SELECT e.id, e.participant_id AS "participantId", p.name AS "participantName", e.campaign_id AS "campaignId", e.kind,
              e.to_addresses AS "to", e.subject, e.status, e.attempts, e.last_error AS "lastError", e.accepted, e.rejected,
              e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.sent_at AS "sentAt"
         FROM email_messages e LEFT JOIN participants p ON p.id = e.participant_id
        WHERE ${w} ORDER BY e.created_at DESC, e.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM email_messages e WHERE ${w}`, params);
    const byStatus: { status: string; n: number }[] = await this.db.query(
      `SELECT status, count(*)::int AS n FROM email_messages WHERE event_id = $1 GROUP BY status`,
      [eventId],
    );
    return {
      items,
      total: n,
      page: q.page,
      pageSize: q.pageSize,
      statuses: Object.fromEntries(byStatus.map((s) => [s.status, s.n])),
      smtp: !!this.env.SMTP_URL,
    };
  }

  private async event(eventId: string) {
    const [ev] = await this.db.query(`SELECT id FROM events WHERE id = $1`, [eventId]);
    if (!ev) throw notFound(NOUNS.event, eventId);
  }
}
