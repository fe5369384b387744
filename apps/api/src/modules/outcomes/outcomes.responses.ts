import { z } from 'zod';
import { COMMITMENT_STAGES, NEXT_STEP_CODES } from '@rueda/reporting';
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

const stage = z.enum(COMMITMENT_STAGES);

/** A commitment born in a held meeting, followed through the pipeline with its 3/6/12-month reviews. */
export const CommitmentOut = z
  .object({
    id,
    eventId: id,
    meetingId: id,
    title: z.string(),
    description: z.string(),
    nextStep: z.enum(NEXT_STEP_CODES).nullable(),
    stage,
    stageDate: day,
    amountUsd: z.number().nullable(),
    baseDate: day,
    reviews: z.array(z.object({ months: int, dueDate: day, reviewedOn: day.nullable(), stage: stage.nullable(), note: z.string() })),
    history: z.array(
      z.object({
        stage,
        date: day,
        recordedAt: timestamp,
        amountUsd: z.number().nullable(),
        note: z.string().optional(),
        userId: id.nullable().optional(),
      }),
    ),
    version: int,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Commitment' });

/** A page of commitments, each with the two parties of its meeting. */
export const CommitmentPageOut = pageOf(CommitmentOut.extend({ participants: z.array(z.object({ id, name: z.string(), kind })) }));
