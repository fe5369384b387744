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
