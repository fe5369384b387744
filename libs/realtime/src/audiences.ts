import type { LiveMessage, LiveMessageType, LivePush, Prevs } from './index';

/**
 * Who may see what of the live feed: one table, in code, of message type × audience × fields.
 * The server projects every message through it before a socket or a replay sees it, and a test
 * checks every message type against it.
 *
 * - organisers: admins and staff in the control room; they see everything, routing included;
 * - board: the big screen in the hall (public): who meets where and when, nothing else;
 * - table: table staff following one table;
 * - participant: one participant's personal agenda (its own data only).
 */
export type LiveAudience = 'organisers' | 'board' | 'table' | 'participant';
export const LIVE_AUDIENCES: readonly LiveAudience[] = ['organisers', 'board', 'table', 'participant'];

export interface Visibility {
  /** Payload fields this audience receives; every other field is dropped. */
  fields: readonly string[];
  /**
   * Which tables or participants get it: the ones the message names (a message naming nobody is
   * for all of them), or all of them whatever it names. Organisers and the board see every message
   * they may see.
   */
  to?: 'named' | 'all';
  /** List fields of which a recipient sees only the items about itself. */
  own?: Readonly<Record<string, (item: unknown, recipientId: string) => boolean>>;
}

const MEETING_FIELDS = ['id', 'status', 'participantAId', 'participantBId', 'slotId', 'tableId', 'version'] as const;
const all = (fields: readonly string[]): Visibility => ({ fields });
const aboutMe = (item: unknown, recipientId: string) => (item as { participantId?: string }).participantId === recipientId;

/**
 * The table. `null`: the audience never receives that type (nor its replay). Organisers see all
 * of every message. A new message type does not compile until it has a row here.
 */
export const AUDIENCE_TABLE: { readonly [T in LiveMessageType]: Readonly<Record<LiveAudience, Visibility | null>> } = {
  'meeting.updated': {
    organisers: all(MEETING_FIELDS),
    board: all(MEETING_FIELDS),
    table: all(MEETING_FIELDS),
    participant: all(MEETING_FIELDS),
  },
  'meeting.created': {
    organisers: all(MEETING_FIELDS),
    board: all(MEETING_FIELDS),
    table: all(MEETING_FIELDS),
    participant: all(MEETING_FIELDS),
  },
  'schedule.published': {
    organisers: all(['versionId', 'number']),
    board: all(['versionId', 'number']),
    table: all(['versionId', 'number']),
    participant: all(['versionId', 'number']),
  },
  // Slot times are public; who leaves before a meeting is for organisers, and for the one leaving.
  'slots.delayed': {
    organisers: all(['slots', 'atRisk']),
    board: all(['slots']),
    table: { fields: ['slots'], to: 'all' },
    participant: { fields: ['slots', 'atRisk'], own: { atRisk: aboutMe } },
  },
  'delegate.checked_in': {
    organisers: all(['participantId', 'delegateId', 'checkedInAt']),
    board: null,
    table: null,
    participant: all(['participantId', 'delegateId', 'checkedInAt']),
  },
  'participant.left': {
    organisers: all(['participantId', 'at', 'freedMeetingIds']),
    board: null,
    table: null,
    participant: all(['participantId', 'at', 'freedMeetingIds']),
  },
  // Proposals name the no-show and the candidates: organisers decide. Participants and tables
  // learn the outcome through the meeting messages of what is applied.
  'replacement.proposed': {
    organisers: all(['proposalId', 'slotId', 'tableId', 'freedMeetingId', 'candidate', 'mode']),
    board: null,
    table: null,
    participant: null,
  },
  'replacement.unavailable': {
    organisers: all(['proposalId', 'slotId', 'tableId', 'freedMeetingId']),
    board: null,
    table: all(['slotId', 'tableId']),
    participant: null,
  },
  'replacement.resolved': {
    organisers: all(['proposalId', 'accepted']),
    board: null,
    table: null,
    participant: null,
  },
};

export const LIVE_MESSAGE_TYPES = Object.keys(AUDIENCE_TABLE) as LiveMessageType[];

/** Who receives a message: organisers always; the rest by the table and what the message names. */
export interface Recipients {
  board: boolean;
  /** 'all': every participant (or table) of the event; a list: those; null: none. */
  participants: 'all' | readonly string[] | null;
  tables: 'all' | readonly string[] | null;
}

/** A message naming no participant and no table concerns the whole event (a publish). */
export function isEventWide(msg: Pick<LiveMessage, 'participants' | 'tables'>): boolean {
  return msg.participants.length === 0 && msg.tables.length === 0;
}

function named(v: Visibility | null, msg: Pick<LiveMessage, 'participants' | 'tables'>, list: readonly string[]) {
  if (!v) return null;
  if (v.to === 'all' || isEventWide(msg)) return 'all' as const;
  return list.length ? list : null;
}

export function recipientsOf(msg: Pick<LiveMessage, 'type' | 'participants' | 'tables'>): Recipients {
  const row = AUDIENCE_TABLE[msg.type];
  return {
    board: row.board !== null,
    participants: named(row.participant, msg, msg.participants),
    tables: named(row.table, msg, msg.tables),
  };
}

/** Whether a subscriber of `audience` (participant or table `recipientId`) receives `msg`. */
export function receives(
  msg: Pick<LiveMessage, 'type' | 'participants' | 'tables'>,
  audience: LiveAudience,
  recipientId?: string,
): boolean {
  if (audience === 'organisers') return true;
  const r = recipientsOf(msg);
  if (audience === 'board') return r.board;
  const list = audience === 'table' ? r.tables : r.participants;
  return list === 'all' || (list !== null && recipientId !== undefined && list.includes(recipientId));
}

/** For a replay query: the types an audience gets whatever they name, and those it gets only when named (or event-wide). */
export function replayTypes(audience: Exclude<LiveAudience, 'organisers'>): { always: LiveMessageType[]; whenNamed: LiveMessageType[] } {
  const always: LiveMessageType[] = [];
  const whenNamed: LiveMessageType[] = [];
  for (const type of LIVE_MESSAGE_TYPES) {
    const v = AUDIENCE_TABLE[type][audience];
    if (!v) continue;
    if (audience === 'board' || v.to === 'all') always.push(type);
    else whenNamed.push(type);
  }
  return { always, whenNamed };
}

/** The sequence number of the previous message the same subscriber received (see Prevs). */
export function prevFor(msg: Pick<LiveMessage, 'seq' | 'prevs'>, audience: LiveAudience, recipientId?: string): number {
  const p: Prevs = msg.prevs ?? {};
  if (audience === 'organisers') return msg.seq - 1;
  if (audience === 'board') return p.b ?? msg.seq - 1;
  const [own, rest] = audience === 'table' ? [p.t, p.tAll] : [p.p, p.pAll];
  return (recipientId !== undefined ? own?.[recipientId] : undefined) ?? rest ?? msg.seq - 1;
}

function pick(payload: unknown, v: Visibility, recipientId?: string): unknown {
  if (payload === null || typeof payload !== 'object') return payload;
  const src = payload as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of v.fields) {
    if (!(f in src)) continue;
    const own = v.own?.[f];
    const value = src[f];
    out[f] = own && Array.isArray(value) ? value.filter((x) => recipientId !== undefined && own(x, recipientId)) : value;
  }
  return out;
}

/**
 * The message as one subscriber sees it, or null when it is not for it. Organisers also get the
 * routing (which participants and tables it names); nobody else does.
 */
export function projectFor(msg: LiveMessage, audience: LiveAudience, recipientId?: string): LivePush | null {
  if (!receives(msg, audience, recipientId)) return null;
  const v = AUDIENCE_TABLE[msg.type][audience]!;
  const push: LivePush = {
    eventId: msg.eventId,
    seq: msg.seq,
    prev: prevFor(msg, audience, recipientId),
    type: msg.type,
    at: msg.at,
    payload: pick(msg.payload, v, recipientId),
  };
  if (audience === 'organisers') {
    push.participants = msg.participants;
    push.tables = msg.tables;
  }
  return push;
}
