/**
 * Typed socket.io contracts shared by the gateway and every client (participant agenda,
 * table staff, organiser control room, public board). Plain types only.
 *
 * Every change of an event is one LiveMessage with a per-event sequence number. A client
 * remembers the last `seq` it applied and sends it when it (re)subscribes; the server answers
 * with exactly the messages it missed, so there is no gap and no duplicate.
 */
import type { ErrorKind, FieldProblem } from '@rueda/domain';

export type LiveMessageType =
  | 'meeting.updated' // a meeting changed: status, slot, table (payload: LiveMeeting)
  | 'meeting.created' // a walk-in or replacement meeting (payload: LiveMeeting)
  | 'schedule.published' // a schedule version became the agenda (payload: { versionId, number })
  | 'slots.delayed' // slots moved later (payload: { slots: { id, startsAt, endsAt }[] })
  | 'delegate.checked_in' // (payload: { participantId, delegateId, checkedInAt })
  | 'participant.left' // left early, its later meetings freed (payload: { participantId, freedMeetingIds })
  | 'replacement.proposed' // a freed table/slot and the proposed meeting (payload: ReplacementProposal)
  | 'replacement.unavailable' // a freed table/slot for which no replacement exists (payload: ReplacementUnavailable)
  | 'replacement.resolved'; // accepted or rejected (payload: { proposalId, accepted: boolean })

export interface LiveMeeting {
  id: string;
  status: string;
  participantAId: string;
  participantBId: string;
  slotId: string | null;
  tableId: string | null;
  version: number;
}

export interface ReplacementProposal {
  proposalId: string;
  slotId: string;
  tableId: string;
  freedMeetingId: string | null;
  candidate: { participantAId: string; participantBId: string; meetingId?: string; source: string; score: number; reason: string } | null;
  /** Organisers choose automatic (already applied) or confirm-first (waiting for a decision). */
  mode: 'automatic' | 'confirm';
}

/** A freed table and slot that stays free: nobody could take it. */
export interface ReplacementUnavailable {
  proposalId: string;
  slotId: string;
  tableId: string;
  freedMeetingId: string | null;
}

export interface LiveMessage<T = unknown> {
  eventId: string;
  seq: number;
  type: LiveMessageType;
  at: string;
  /** Participants whose agendas the change touches (the server routes by these). */
  participants: string[];
  /** Tables the change touches. */
  tables: string[];
  payload: T;
}

export interface SubscribeRequest {
  /** Organisers, staff and the board name the event; a participant's token already does. */
  eventId?: string;
  /** Last sequence number the client applied (0 or absent: send the current agenda fresh). */
  lastSeq?: number;
  /** Staff: follow one table. Board and organisers get everything of the event. */
  tableId?: string;
}

/**
 * A refused socket request, whatever the handler: a stable code, the kind of refusal, the
 * reason in Spanish and English, the wrong fields when the payload was malformed, and any
 * context (the current meeting on a version conflict).
 */
export interface Nack {
  ok: false;
  code: string;
  kind: ErrorKind;
  es: string;
  en: string;
  fields?: FieldProblem[];
  current?: LiveMeeting;
  [detail: string]: unknown;
}

export type SubscribeAck =
  | {
      ok: true;
      /** Newest sequence number of the event at subscription time. */
      seq: number;
      /** Messages after lastSeq the client is allowed to see, in order. */
      missed: LiveMessage[];
    }
  | Nack;

export type MeetingStatusAck = { ok: true; meeting: LiveMeeting } | Nack;

export interface StaffMeetingStatusRequest {
  meetingId: string;
  status: 'checked_in' | 'held' | 'no_show' | 'cancelled';
  version?: number;
}

/** Progress of a long job, to organisers only. Ephemeral: not logged, not replayed. */
export interface JobProgressMessage {
  eventId: string;
  queue: 'matching' | 'scheduling' | 'exports' | 'campaigns';
  jobId: string;
  phase: string;
  percent: number;
  bestWeight?: number;
  bound?: number;
}

export interface ServerToClientEvents {
  live: (msg: LiveMessage) => void;
  progress: (p: JobProgressMessage) => void;
  /** Sent before the server disconnects a client (expired token, revoked link). */
  bye: (reason: { code: string; es: string; en: string }) => void;
  /** A request the client sent without an acknowledgement callback, refused (every request needs one). */
  refused: (nack: Nack & { event: string }) => void;
}

export interface ClientToServerEvents {
  subscribe: (req: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
  'meeting:status': (req: StaffMeetingStatusRequest, ack: (res: MeetingStatusAck) => void) => void;
}

/** Room names: the server joins sockets to these and emits to them. */
export const rooms = {
  event: (eventId: string) => `event:${eventId}`,
  staff: (eventId: string) => `staff:${eventId}`,
  participant: (participantId: string) => `participant:${participantId}`,
  table: (tableId: string) => `table:${tableId}`,
  board: (eventId: string) => `board:${eventId}`,
};

/** socket.io path and namespace. */
export const LIVE_NAMESPACE = '/live';

/** A message that names no participant and no table concerns everybody in the event (a publish). */
export function isEventWide(msg: Pick<LiveMessage, 'participants' | 'tables'>): boolean {
  return msg.participants.length === 0 && msg.tables.length === 0;
}

/**
 * Every room a message goes to: organisers and the board see all, others what touches them;
 * an event-wide message goes once to the event room, which every subscriber of the event joins.
 */
export function roomsFor(msg: Pick<LiveMessage, 'eventId' | 'participants' | 'tables'>): string[] {
  if (isEventWide(msg)) return [rooms.event(msg.eventId)];
  return [rooms.staff(msg.eventId), rooms.board(msg.eventId), ...msg.participants.map(rooms.participant), ...msg.tables.map(rooms.table)];
}

/** Anything that can deliver live messages to the connected clients (socket server, Redis emitter). */
export interface LiveEmitter {
  emit(messages: LiveMessage[]): void;
  progress?(p: JobProgressMessage): void;
}
