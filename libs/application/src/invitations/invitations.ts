import { NOUNS, notFound } from '@rueda/domain';
import { type CampaignJobData, QUEUES } from '@rueda/queues';
import { admins } from '../authorization';
import { query, useCase } from '../use-case';
import { planInvitations } from './plan';
import { InvitationCommand } from './schemas';

/** Links for every participant of the filter that has none; existing links stay as they are (bulk issue never revokes). */
export const IssueInvitationLinks = useCase({
  name: 'IssueInvitationLinks',
  command: InvitationCommand,
  authorize: admins,
  async run({ tx, now }, { eventId, ...filter }) {
    if (!(await tx.repos.invitations.eventExists(eventId))) throw notFound(NOUNS.event, eventId);
    const audience = await tx.repos.invitations.audience(eventId, filter);
    const missing = audience.filter((a) => !a.link).map((a) => a.participantId);
    const issued = await tx.repos.accessLinks.issue(eventId, missing, { revoke: false, now });
    return { issued: issued.size, existing: audience.length - issued.size };
  },
});

/**
 * Sends invitations to the filter (also: resend to a filtered set, e.g. `state: failed`): links
 * are issued where missing (never revoked), one email per participant to all its addresses,
 * recorded with the campaign in one transaction; the campaign job that queues and follows them
 * goes through the outbox, so a committed campaign always has its job.
 */
export const SendInvitations = useCase({
  name: 'SendInvitations',
  command: InvitationCommand,
  authorize: admins,
  async run({ tx, principal, now }, { eventId, ...filter }) {
    const repo = tx.repos.invitations;
    if (!(await repo.eventExists(eventId))) throw notFound(NOUNS.event, eventId);
    const plan = planInvitations(await repo.audience(eventId, filter));
    const to = plan.recipients.map((r) => r.participantId);
    await tx.repos.accessLinks.issue(eventId, to, { revoke: false, now });
    const campaignId = await repo.createCampaign({
      eventId,
      filter,
      total: plan.recipients.length,
      skipped: plan.skipped,
      createdBy: principal.type === 'user' ? principal.userId : null,
    });
    await repo.insertInvitationEmails(eventId, campaignId, plan.recipients);
    tx.enqueue<CampaignJobData>({
      queue: QUEUES.campaigns,
      name: 'campaign',
      data: { eventId, campaignId },
      options: { jobId: `campaign-${campaignId}` },
    });
    return { campaignId, total: plan.recipients.length, recipients: plan.recipients, skipped: plan.skipped };
  },
});

/** Who an invitation to the filter would reach, and who not and why, before anything is sent. */
export const PreviewInvitations = query({
  name: 'PreviewInvitations',
  input: InvitationCommand,
  authorize: admins,
  async run({ repos }, { eventId, ...filter }) {
    if (!(await repos.invitations.eventExists(eventId))) throw notFound(NOUNS.event, eventId);
    return planInvitations(await repos.invitations.audience(eventId, filter));
  },
});
