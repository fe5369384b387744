import { z } from 'zod';

/** The link and invitation state an organiser filters on (derived per participant; see the invitation repository). */
export const LINK_STATES = ['no_link', 'never_sent', 'sending', 'held', 'delivered', 'failed', 'opened'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** Which participants an invitation command is for (the same filter as the participants' page). */
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

/** The filter of one event: what the invitation use cases take (the route's body plus the path's event). */
export const InvitationCommand = z.object({ eventId: z.uuid(), ...ParticipantFilter.shape }).strict();
