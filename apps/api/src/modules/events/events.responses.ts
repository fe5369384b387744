import { z } from 'zod';
import { day, id, int, timestamp } from '../../platform/response-types';
import { pageOf } from '../../platform/openapi';
import { EventSettingsBody } from './events.schemas';

export const SessionOut = z
  .object({
    id,
    eventId: id,
    label: z.string(),
    day,
    startTime: z.string(),
    endTime: z.string(),
    slotMinutes: int,
    gapMinutes: int,
    breaks: z.array(z.object({ start: z.string(), end: z.string(), label: z.string().optional() })),
  })
  .meta({ id: 'Session' });

export const EventOut = z
  .object({
    id,
    name: z.string(),
    venue: z.string(),
    timeZone: z.string(),
    description: z.string(),
    settings: EventSettingsBody,
    participantLinksExpireOn: day.nullable(),
    dataVersion: int,
    liveSeq: int,
    sessions: z.array(SessionOut).optional(),
    version: int,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Event' });

export const EventPage = pageOf(EventOut);

export const SlotOut = z
  .object({ id, eventId: id, sessionId: id.nullable(), code: z.string(), ordinal: int, startsAt: timestamp, endsAt: timestamp })
  .meta({ id: 'Slot' });

export const SlotIds = z.array(id);

export const AccessLinkOut = z
  .object({ participantId: id, token: z.string(), path: z.string(), validUntil: day.nullable() })
  .meta({ id: 'AccessLink' });
