import { z } from 'zod';
import { id, timestamp } from '../../platform/response-types';

const role = z.enum(['admin', 'staff']);

export const LoginOut = z
  .object({ token: z.string(), expiresAt: timestamp, user: z.object({ id, email: z.string(), name: z.string(), role }) })
  .meta({ id: 'Login' });

/** Who is calling: an organiser, a participant (personal link) or the system. */
export const PrincipalOut = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('user'), userId: id, role, email: z.string(), expiresAt: timestamp.optional() }),
    z.object({ type: z.literal('participant'), participantId: id, eventId: id }),
    z.object({ type: z.literal('system'), name: z.string() }),
  ])
  .meta({ id: 'Principal' });

export const UserOut = z
  .object({ id, email: z.string(), name: z.string(), role, active: z.boolean(), createdAt: timestamp })
  .meta({ id: 'User' });
