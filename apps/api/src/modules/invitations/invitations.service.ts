import type { z } from 'zod';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ENV, Env } from '@rueda/config';
import { reportsToXlsx, reportToCsv } from '@rueda/exports';
import { describeContactProblem, participantContacts } from '@rueda/notifications';
import {
  contactSources,
  EmailCampaignEntity,
  LinkKeys,
  REACH_STATE_SQL,
  reachRows,
  type ReachRow,
  revealAccessLinks,
  type ParticipantContactInfo,
} from '@rueda/persistence';
import type { ReportTable } from '@rueda/reporting';
import { CampaignJobData, CampaignProgress, QUEUES } from '@rueda/queues';
import { NOUNS, notFound } from '@rueda/domain';
import type { Clock } from '@rueda/application';
import { CLOCK } from '../../platform/application.module';
import type { Page } from '../../platform/pagination';
import type { ParticipantFilter } from './invitations.schemas';
import type { ParticipantReachOut } from './invitations.responses';

/** A participant on the invitations page, as the route's response schema declares it. */
export type ParticipantReach = z.infer<typeof ParticipantReachOut>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * The invitation reads: the participants' page with link and delivery state, a campaign's
 * progress, the links as a file for a mail merge, the email log. Issuing links, previewing and
 * sending invitations are use cases (libs/application/src/invitations).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    @InjectQueue(QUEUES.campaigns) private readonly campaigns: Queue<CampaignJobData>,
    // The process's one key (ApplicationModule), the unit of work's too.
    private readonly keys: LinkKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private reach(r: ReachRow, contacts: ParticipantContactInfo | undefined): ParticipantReach {
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
    const { rows, total } = await reachRows(this.db.manager, eventId, f, page);
    const contacts = await contactSources(
      this.db.manager,
      eventId,
      rows.map((r) => r.id),
    );
    const states: { state: string; n: number }[] = await this.db.query(
      `SELECT ${REACH_STATE_SQL} AS state, count(*)::int AS n FROM participants p
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
    const { rows } = await reachRows(this.db.manager, eventId, f);
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
      body: await reportsToXlsx([{ name: 'Enlaces', table }], { headers: 'es-en', created: this.clock.now() }),
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
