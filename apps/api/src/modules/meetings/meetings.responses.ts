import { z } from 'zod';
import { MEETING_STATUSES } from '@rueda/domain';
import { pageOf } from '../../platform/openapi';
import { id, int, timestamp } from '../../platform/response-types';

/** A meeting as the live day sees it (libs/realtime `LiveMeeting`), with its video-call link. */
export const MeetingVideoOut = z
  .object({
    id,
    status: z.string(),
    participantAId: id,
    participantBId: id,
    slotId: id.nullable(),
    tableId: id.nullable(),
    version: int,
    videoUrl: z.string().nullable(),
  })
  .meta({ id: 'MeetingVideo' });

/** A meeting as organisers and the request flow see it. */
export const MeetingOut = z
  .object({
    id,
    eventId: id,
    participantAId: id,
    participantBId: id,
    demandId: id.nullable(),
    offerId: id.nullable(),
    origin: z.enum(['request', 'organiser', 'mandatory', 'walk_in', 'replacement']),
    status: z.enum(MEETING_STATUSES),
    weight: z.number(),
    mandatory: z.boolean(),
    note: z.string(),
    expiresAt: timestamp.nullable(),
    respondedAt: timestamp.nullable(),
    slotId: id.nullable(),
    tableId: id.nullable(),
    allowedSlotIds: z.array(id).nullable(),
    videoUrl: z.string().nullable(),
    // Kept by the database; absent on a row just inserted (never written by the API).
    calendarSeq: int.optional(),
    lastSlotId: id.nullable().optional(),
    lastTableId: id.nullable().optional(),
    version: int,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Meeting' });

export const MeetingPageOut = pageOf(MeetingOut);
