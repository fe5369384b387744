import { z } from 'zod';
import { pageOf } from '../../platform/openapi';
import { bilingual, id, int, timestamp } from '../../platform/response-types';
import { LINK_STATES } from './invitations.schemas';

const kind = z.enum(['gadm', 'cooperant']);

/** A participant on the invitations page: where its emails go, its link, its last invitation. */
export const ParticipantReachOut = z
  .object({
    id,
    externalId: z.string(),
    name: z.string(),
    kind,
    contacts: z.array(z.string()),
    problems: z.array(bilingual),
    link: z
      .object({ issuedAt: timestamp, retrievable: z.boolean(), firstSeenAt: timestamp.nullable(), lastSeenAt: timestamp.nullable() })
      .nullable(),
    invitation: z
      .object({ status: z.string(), at: timestamp, sentAt: timestamp.nullable(), attempts: int, lastError: z.string().nullable() })
      .nullable(),
    state: z.enum(LINK_STATES),
  })
  .meta({ id: 'ParticipantReach' });

export const InvitationsPageOut = pageOf(ParticipantReachOut).extend({ states: z.record(z.string(), int) });

export const LinksIssuedOut = z.object({ issued: int, existing: int });

const Recipient = z.object({ participantId: id, name: z.string(), to: z.array(z.string()), warnings: z.array(bilingual) });
const Skipped = z.object({ participantId: id, externalId: z.string(), name: z.string(), reason: bilingual });

/** Who an invitation reaches, and who not and why (listed before anything is sent). */
export const InvitationPlanOut = z.object({ total: int, recipients: z.array(Recipient), skipped: z.array(Skipped) });

export const CampaignStartedOut = InvitationPlanOut.extend({ campaignId: id });

export const NotificationPrefsOut = z.object({ email: z.boolean(), push: z.boolean() }).meta({ id: 'NotificationPrefs' });

const emailStatus = z.enum(['queued', 'held', 'retrying', 'delivered', 'bounced', 'failed']);
const byStatus = z.record(z.string(), int);

/** A sending's progress: its messages by status, the share settled, and its job while it runs. */
export const CampaignOut = z
  .object({
    id,
    eventId: id,
    kind: z.literal('invitation'),
    filter: z.record(z.string(), z.unknown()),
    total: int,
    skipped: z.array(z.object({ participantId: id, name: z.string(), reason: bilingual })),
    createdBy: id.nullable(),
    createdAt: timestamp,
    counts: byStatus,
    percent: int,
    job: z
      .object({
        state: z.string(),
        progress: z.union([
          z.number(),
          z.object({ phase: z.enum(['queueing', 'sending', 'done']), percent: z.number(), total: int, counts: byStatus }),
        ]),
      })
      .nullable(),
  })
  .meta({ id: 'Campaign' });

export const EmailOut = z
  .object({
    id,
    participantId: id.nullable(),
    participantName: z.string().nullable(),
    campaignId: id.nullable(),
    kind: z.enum(['invitation', 'notification', 'registration']),
    to: z.array(z.string()),
    subject: z.string(),
    status: emailStatus,
    attempts: int,
    lastError: z.string().nullable(),
    accepted: z.array(z.string()),
    rejected: z.array(z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
    sentAt: timestamp.nullable(),
  })
  .meta({ id: 'Email' });

/** The email log: a page of messages, every status's count in the event, and whether SMTP is set. */
export const EmailLogOut = pageOf(EmailOut).extend({ statuses: byStatus, smtp: z.boolean() });

/** One thing a participant was told, and what each channel did with it. */
export const NotificationOut = z
  .object({
    id,
    kind: z.string(),
    notice: z.looseObject({ kind: z.string() }),
    status: z.enum(['pending', 'sent', 'skipped']),
    channels: z.record(z.string(), z.string()),
    createdAt: timestamp,
    sentAt: timestamp.nullable(),
  })
  .meta({ id: 'Notification' });

export const ParticipantNotificationsOut = z.object({ preferences: NotificationPrefsOut, items: z.array(NotificationOut) });
