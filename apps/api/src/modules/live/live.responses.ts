import { z } from 'zod';
import { MEETING_STATUSES } from '@rueda/domain';
import { PROPOSAL_STATUSES } from '@rueda/live';
import { LIVE_MESSAGE_TYPES } from '@rueda/realtime';
import { DelegateOut } from '../records/records.responses';
import { bilingual, id, int, timestamp } from '../../platform/response-types';

/** A meeting as the live day sees it (libs/realtime `LiveMeeting`). */
export const LiveMeetingOut = z
  .object({
    id,
    status: z.enum(MEETING_STATUSES),
    participantAId: id,
    participantBId: id,
    slotId: id.nullable(),
    tableId: id.nullable(),
    version: int,
  })
  .meta({ id: 'LiveMeeting' });

/** A table's mark: the meeting, and until when the table may take it back (`MarkResult`). */
export const MarkOut = LiveMeetingOut.extend({
  change: z.object({ id, at: timestamp, undoUntil: timestamp }).nullable(),
  replayed: z.boolean().optional(),
}).meta({ id: 'MeetingMark' });

export const CheckInOut = z.object({ delegate: DelegateOut, alreadyCheckedIn: z.boolean() }).meta({ id: 'CheckIn' });

/** A check-in by QR code names the participant back to the desk. */
export const CheckInByCodeOut = CheckInOut.extend({ participant: z.object({ id, name: z.string() }) }).meta({
  id: 'CheckInByCode',
});

/** One entry of a meeting's audit trail (who, when, before, after, why). */
export const StatusChangeOut = z
  .object({
    id,
    meetingId: id,
    kind: z.enum(['mark', 'undo', 'correction']),
    before: z.enum(MEETING_STATUSES),
    after: z.enum(MEETING_STATUSES),
    actorId: id.nullable(),
    actorEmail: z.string().nullable(),
    reason: z.string(),
    at: timestamp,
  })
  .meta({ id: 'StatusChange' });

export const StatusHistoryOut = z.array(StatusChangeOut);

/** The slots a delay moved (new times) and the meetings now after one side leaves. */
export const DelayOut = z
  .object({
    slots: z.array(z.object({ id, startsAt: timestamp, endsAt: timestamp })),
    atRisk: z.array(z.object({ meetingId: id, participantId: id, reason: bilingual })),
  })
  .meta({ id: 'Delay' });

/** A participant left: the cells its later meetings freed. */
export const LeaveOut = z.object({ freed: z.array(z.object({ slotId: id, tableId: id, meetingId: id.nullable() })) }).meta({ id: 'Leave' });

/** What a replacement proposal would do (libs/live `Proposal`), or why none exists. */
const ProposalDetail = z.looseObject({
  kind: z.enum(['fill', 'move']).optional(),
  meeting: z.object({ a: id, b: id, meetingId: id.optional(), source: z.string() }).optional(),
  slotId: id.optional(),
  tableId: id.optional(),
  score: z.number().optional(),
  disruption: int.optional(),
  requiresConfirmation: z.boolean().optional(),
  reason: z.union([bilingual, z.string()]).optional(),
  moves: z.array(z.object({ meetingId: id, fromSlot: id, fromTable: id, toSlot: id, toTable: id })).optional(),
  none: z.boolean().optional(),
});

/** A freed table and slot, and what was proposed (or applied) for it. */
export const ProposalOut = z
  .object({
    id,
    eventId: id,
    slotId: id,
    tableId: id,
    freedMeetingId: id.nullable(),
    status: z.enum(PROPOSAL_STATUSES),
    mode: z.enum(['automatic', 'confirm']),
    proposal: ProposalDetail,
    resultMeetingId: id.nullable(),
    requestId: z.string().nullable().optional(),
    createdAt: timestamp,
    resolvedAt: timestamp.nullable(),
  })
  .meta({ id: 'Proposal' });

export const ProposalListOut = z.array(ProposalOut);

/** One entry of the event's live log, as organisers read it (libs/realtime `LiveMessage`). */
export const LiveMessageOut = z
  .object({
    eventId: id,
    seq: int,
    type: z.enum(LIVE_MESSAGE_TYPES as [string, ...string[]]),
    at: timestamp,
    participants: z.array(id),
    tables: z.array(id),
    payload: z.unknown(),
    prevs: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'LiveMessage' });

export const LiveLogOut = z.array(LiveMessageOut);
