import { z } from 'zod';
import { id, int } from '../../platform/response-types';

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
