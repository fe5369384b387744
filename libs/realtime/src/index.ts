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

/**
 * One entry of an event's log, as the server keeps and routes it (clients receive a LivePush:
 * projected for their audience, without the routing).
 */
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
  /** Previous sequence number of each filtered stream the message goes to (see streams.ts). */
  prevs?: Prevs;
}

/**
 * Per filtered stream, the sequence number of the previous message it received: `b` the board;
 * `p` / `t` by participant / table id; `pAll` / `tAll` for every participant / table not listed.
 */
export interface Prevs {
  b?: number;
  p?: Record<string, number>;
  pAll?: number;
  t?: Record<string, number>;
  tAll?: number;
}

/** A message as a subscriber receives it: its fields only (see audiences.ts), and `prev`. */
export interface LivePush<T = unknown> {
  eventId: string;
  seq: number;
  /** The sequence number of the previous message this subscriber was sent: above what it has = it missed one. */
  prev: number;
  type: LiveMessageType;
  at: string;
  payload: T;
  /** Organisers only: whom the change names. */
  participants?: string[];
  tables?: string[];
}

export interface SubscribeRequest {
  /** Organisers, staff and the board name the event; a participant's token already does. */
  eventId?: string;
  /**
   * The client has every message meant for it up to this sequence number (0: none, replay the
   * whole log). Absent: the client has nothing yet; the server answers `reset` and the head.
   */
  lastSeq?: number;
  /** Staff: follow one table. */
  tableId?: string;
  /** Organisers' tokens on the big screen of the hall subscribe as the board (public data only). */
  view?: 'board';
}

/** The next page of the same subscription, or a replay after a gap. */
export interface ReplayRequest {
  lastSeq: number;
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

/** A page of the subscriber's stream after its lastSeq. */
export interface ReplayPage {
  ok: true;
  /** Newest sequence number of the event when the page was read. */
  seq: number;
  /** The client is complete up to here once it applied `missed` (the head, unless `more`). */
  through: number;
  /** Messages after lastSeq meant for this subscriber, projected, in order (one page). */
  missed: LivePush[];
  /** More pages follow: ask again from `through`. */
  more: boolean;
  /** The feed cannot be continued from lastSeq (or the client has nothing): reload a snapshot, then continue from `seq`. */
  reset: boolean;
}

export type SubscribeAck = ReplayPage | Nack;
export type ReplayAck = ReplayPage | Nack;

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
  live: (msg: LivePush) => void;
  progress: (p: JobProgressMessage) => void;
  /** Sent before the server disconnects a client (expired token, revoked link). */
  bye: (reason: { code: string; es: string; en: string }) => void;
  /** A request the client sent without an acknowledgement callback, refused (every request needs one). */
  refused: (nack: Nack & { event: string }) => void;
}

export interface ClientToServerEvents {
  subscribe: (req: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
  replay: (req: ReplayRequest, ack: (res: ReplayAck) => void) => void;
  'meeting:status': (req: StaffMeetingStatusRequest, ack: (res: MeetingStatusAck) => void) => void;
}

/**
 * Room names. A subscribed socket is in exactly one room of its audience (see audiences.ts):
 * the server emits each audience its own projection of a message.
 */
export const rooms = {
  staff: (eventId: string) => `staff:${eventId}`,
  board: (eventId: string) => `board:${eventId}`,
  participant: (participantId: string) => `participant:${participantId}`,
  table: (tableId: string) => `table:${tableId}`,
};

/** socket.io path and namespace. */
export const LIVE_NAMESPACE = '/live';

/** A replay or a catch-up reads the log this many messages at a time. */
export const REPLAY_PAGE = 500;

export * from './audiences';
export * from './streams';
export * from './sync';
