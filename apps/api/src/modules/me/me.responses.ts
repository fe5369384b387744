import { z } from 'zod';
import { MEETING_STATUSES } from '@rueda/domain';
import { id, int, timestamp } from '../../platform/response-types';
import { SessionOut } from '../events/events.responses';
import { DelegateOut, DemandOut, OfferOut, ParticipantOut } from '../records/records.responses';

/** What a participant sees of itself through its personal link, with each delegate's check-in code. */
export const MeOut = z
  .object({
    participant: ParticipantOut,
    event: z
      .object({
        id,
        name: z.string(),
        venue: z.string(),
        timeZone: z.string(),
        sessions: z.array(SessionOut),
        /** The first slot's start and the last slot's end (delays included); null before slots exist. */
        startsAt: timestamp.nullable(),
        endsAt: timestamp.nullable(),
      })
      .nullable(),
    delegates: z.array(DelegateOut),
    demands: z.array(DemandOut),
    offers: z.array(OfferOut),
    checkInCodes: z.array(z.object({ delegateId: id, fullName: z.string(), checkedInAt: timestamp.nullable(), code: z.string() })),
  })
  .meta({ id: 'Me' });

export const PushKeyOut = z.object({ publicKey: z.string() });
export const SubscribedOut = z.object({ subscribed: z.boolean() });

/** One of the participant's meetings: time, table, counterpart, topic and the video link that applies. */
export const MyMeetingOut = z
  .object({
    id,
    status: z.enum(MEETING_STATUSES),
    version: int,
    origin: z.string(),
    mandatory: z.boolean(),
    weight: z.number(),
    note: z.string(),
    expiresAt: timestamp.nullable(),
    participantAId: id,
    participantBId: id,
    demandId: id.nullable(),
    offerId: id.nullable(),
    slotId: id.nullable(),
    tableId: id.nullable(),
    awaitingMyAnswer: z.boolean(),
    slotCode: z.string().nullable(),
    startsAt: timestamp.nullable(),
    endsAt: timestamp.nullable(),
    tableNumber: int.nullable(),
    counterpartId: id,
    counterpartName: z.string(),
    counterpartKind: z.enum(['gadm', 'cooperant']),
    topic: z.string().nullable(),
    videoUrl: z.string().nullable(),
  })
  .meta({ id: 'MyMeeting' });
