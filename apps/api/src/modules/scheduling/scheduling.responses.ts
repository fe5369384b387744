import { z } from 'zod';
import { IDLE_MEASURES, scheduleInstanceSchema } from '@rueda/formats';
import { PARTICIPATION_KEYS, type ParticipationKey } from '@rueda/reporting';
import { bilingual, id, int, timestamp } from '../../platform/response-types';

const STATUS = z.enum(['generating', 'draft', 'published', 'superseded', 'failed']);

/** What the solver reports about a version (the worker writes more keys than these). */
const Stats = z.looseObject({
  scheduled: int.optional(),
  weight: z.number().optional(),
  holes: int.optional(),
  breaks: int.optional(),
  editedByHand: z.boolean().optional(),
});

/** The proof of quality: bounds on weight and idle time; `optimal` when both are met. */
const Bounds = z.looseObject({
  weightUpperBound: z.number().optional(),
  holesLowerBound: z.number().optional(),
  idleMeasure: z.enum(IDLE_MEASURES).optional(),
  idleLowerBound: z.number().optional(),
  idleGap: z.number().optional(),
  optimal: z.boolean().optional(),
});

/** How meetings and idle time fall on participants in this version. */
const ScheduleFairness = z.looseObject({
  gadms: int.optional(),
  gadmsWithRequests: int.optional(),
  gadmsWithRequestsAndNoMeeting: int.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  mean: z.number().optional(),
  minAmongRequesting: z.number().optional(),
  histogram: z.record(z.string(), z.number()).optional(),
  idle: z
    .object({
      measure: z.enum(IDLE_MEASURES),
      spread: z.number(),
      max: z.number(),
      histogram: z.record(z.string(), z.number()),
    })
    .optional(),
});

const Params = z.record(z.string(), z.unknown());

/** A schedule version as listed: its number, state and figures. */
export const ScheduleVersionSummaryOut = z
  .object({
    id,
    eventId: id,
    number: int,
    status: STATUS,
    stats: Stats,
    bounds: Bounds,
    params: Params,
    createdAt: timestamp,
    publishedAt: timestamp.nullable(),
  })
  .meta({ id: 'ScheduleVersionSummary' });

export const ScheduleVersionListOut = z.array(ScheduleVersionSummaryOut);

/** A schedule version as stored: figures, proof, what was left out, the job filling it. */
export const ScheduleVersionOut = ScheduleVersionSummaryOut.extend({
  unscheduled: z.array(z.object({ meeting: id, reason: z.string() })),
  jobId: z.string().nullable(),
  liveSeq: int.nullable(),
  fairness: ScheduleFairness,
  error: z.string().nullable(),
}).meta({ id: 'ScheduleVersion' });

/** GADM figures by the definitions the reports use (libs/reporting participation), labelled. */
export const ParticipationOut = z
  .object({
    metric: z.enum(['held', 'scheduled']),
    reference: int,
    inJornada: int,
    withDemands: int,
    withoutDemands: int,
    withRequests: int,
    withMeetings: int,
    withoutMeetings: int,
    requestedWithoutMeetings: int,
    rows: z.array(z.object({ key: z.enum(PARTICIPATION_KEYS as [ParticipationKey, ...ParticipationKey[]]), label: bilingual, value: int })),
  })
  .meta({ id: 'Participation' });

/** A version with the gap to its bound, why meetings were left out (with names) and live progress. */
export const ScheduleVersionDetailOut = ScheduleVersionOut.extend({
  unscheduled: z.array(z.object({ meeting: id, reason: z.string(), participants: z.array(z.string()) })),
  progress: z
    .object({
      phase: z.enum(['loading', 'solving', 'saving', 'done']),
      percent: z.number(),
      bestWeight: z.number().optional(),
      bound: z.number().optional(),
    })
    .nullable(),
  participation: ParticipationOut.nullable(),
  quality: z.object({ weight: z.number(), bound: z.number(), ratio: z.number(), gapPercent: z.number() }).nullable(),
}).meta({ id: 'ScheduleVersionDetail' });

/** A published version, and on rebase what kept its live cell and what was given up. */
export const PublishedOut = ScheduleVersionOut.extend({
  rebased: z
    .object({
      kept: z.array(
        z.object({
          meetingId: id,
          live: z.object({ slotId: id, tableId: id }),
          draft: z.object({ slotId: id, tableId: id }).nullable(),
        }),
      ),
      conflicts: z.array(z.object({ meetingId: id, draft: z.object({ slotId: id, tableId: id }), heldBy: id })),
    })
    .nullable(),
}).meta({ id: 'PublishedSchedule' });

/** One placement of a version: slot × table, with the names a person reads. */
export const AssignmentOut = z
  .object({
    meetingId: id,
    slotId: id,
    slot: z.string(),
    startsAt: timestamp,
    endsAt: timestamp,
    tableId: id,
    table: int,
    participantAId: id,
    participantA: z.string(),
    participantBId: id,
    participantB: z.string(),
    weight: z.number(),
    mandatory: z.boolean(),
  })
  .meta({ id: 'Assignment' });

export const AssignmentListOut = z.array(AssignmentOut);

/** The event as the solver would see it next (`rueda.schedule-instance/1`, libs/formats). */
export const ScheduleInstanceOut = scheduleInstanceSchema.meta({ id: 'ScheduleInstance' });
