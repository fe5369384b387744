import { z } from 'zod';
import { int, timestamp } from '../../platform/response-types';

export const CalendarStatusOut = z.object({ active: z.boolean(), issuedAt: timestamp.nullable() }).meta({ id: 'CalendarStatus' });

/** The subscription link, shown once (the server keeps only its hash). */
export const CalendarIssuedOut = z
  .object({ token: z.string(), path: z.string(), issuedAt: timestamp, refreshMinutes: int })
  .meta({ id: 'CalendarIssued' });

export const CalendarRevokedOut = z.object({ active: z.literal(false) }).meta({ id: 'CalendarRevoked' });
