import { z } from 'zod';
import { LINK_STATES } from '@rueda/application';

// The filter the invitation commands take is theirs (libs/application/src/invitations); the routes' queries share its states.
export { LINK_STATES, type LinkState, ParticipantFilter } from '@rueda/application';

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
