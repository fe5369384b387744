import { z } from 'zod';

/** The link and invitation state an organiser filters on (derived per participant; see InvitationsService). */
export const LINK_STATES = ['no_link', 'never_sent', 'sending', 'held', 'delivered', 'failed', 'opened'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export const ParticipantFilter = z
  .object({
    kind: z.enum(['gadm', 'cooperant']).optional(),
    state: z.enum(LINK_STATES).optional(),
    q: z.string().trim().max(200).optional(),
    /** Only these participants (on top of the other filters). */
    participantIds: z.array(z.uuid()).max(5000).optional(),
  })
  .strict();
export type ParticipantFilter = z.infer<typeof ParticipantFilter>;

export const ListQuery = z.object({
  kind: z.enum(['gadm', 'cooperant']).optional(),
  state: z.enum(LINK_STATES).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const ExportQuery = z.object({
  kind: z.enum(['gadm', 'cooperant']).optional(),
  state: z.enum(LINK_STATES).optional(),
  q: z.string().trim().max(200).optional(),
});

export const EmailsQuery = z.object({
  participantId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  status: z.enum(['queued', 'held', 'retrying', 'delivered', 'bounced', 'failed']).optional(),
  kind: z.enum(['invitation', 'notification', 'registration']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
