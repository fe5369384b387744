import { z } from 'zod';
import { pageOf } from '../../platform/openapi';
import { day, id, int, timestamp } from '../../platform/response-types';

const kind = z.enum(['gadm', 'cooperant']);

/** What one side of a held meeting recorded: interest, next steps, amounts, contacts, dates. */
export const OutcomeOut = z
  .object({
    id,
    eventId: id,
    meetingId: id,
    side: z.enum(['a', 'b']),
    participantId: id,
    interest: int,
    nextSteps: z.array(z.string()),
    amountUsd: z.number().nullable(),
    contacts: z.array(
      z.object({ name: z.string(), role: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }),
    ),
    notes: z.string(),
    nextContactDate: day.nullable(),
    targetDate: day.nullable(),
    filledBy: z.enum(['participant', 'staff']),
    filledByUserId: id.nullable(),
    version: int,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Outcome' });

export const OutcomePageOut = pageOf(OutcomeOut);

/** A held meeting whose side has no outcome yet. */
const MissingMeeting = z.object({
  meetingId: id,
  side: z.enum(['a', 'b']),
  counterpart: z.object({ id, name: z.string(), kind }),
  startsAt: timestamp.nullable(),
  tableNumber: int.nullable(),
});

export const MissingOutcomesOut = z.object({
  participants: int,
  meetings: int,
  items: z.array(
    z.object({
      participant: z.object({ id, name: z.string(), kind, externalId: z.string(), email: z.string().nullable() }),
      missing: z.array(MissingMeeting),
    }),
  ),
});

export const PendingOutcomesOut = z.object({ count: int, meetings: z.array(MissingMeeting) });
