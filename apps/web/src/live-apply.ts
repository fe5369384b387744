/**
 * Live messages applied to what a page holds, instead of reloading it (issue 14, item 6).
 *
 * Plain TypeScript (no React, no fetch): the pages and the specs import it alike. Each reducer
 * takes a page's loaded state and one sequenced message and returns the next state, the same
 * object when the message changes nothing the page holds, or RELOAD when the message carries
 * too little to update the page exactly (the page then reloads what the reducer covers).
 *
 * Every reducer sets values (never adds to them) and guards meetings by their version, so
 * applying a message twice, or an older one after a newer one, changes nothing: a reload's
 * answer may already hold messages that are applied again on top of it (see LiveView).
 *
 * Messages that ask for a reload, and why:
 * - schedule.published (every page): a new agenda replaces every meeting; it names only the version.
 * - a meeting the page does not hold that takes a table, unless it is a meeting created live
 *   (walk-in, replacement): the message lacks whether it is mandatory, which the grid draws.
 * - a meeting placed in a slot, at a table or with a participant the page does not hold (added
 *   after it loaded: the grid names them).
 * - a delay of a slot the page does not hold; a check-in of a delegate it does not hold.
 * - a proposal whose candidate names a participant the page does not hold (the control room
 *   names the candidates from the day's participants).
 * - the participant's agenda: a meeting it does not hold, or one that changes slot or table
 *   (it shows the slot's times and code and the table's number, which the message names by id).
 * - the proposals lists: a new proposal (the message does not say whether an automatic one was
 *   applied or waits, nor carries the moves and the protected-minutes flag the list shows), and
 *   an accepted one (its resulting meeting is not in the message).
 */
import type { LiveMeeting, LivePush, ReplacementProposal } from '@rueda/realtime';
import type { components } from './generated/api';

type Schemas = components['schemas'];

export const RELOAD = 'reload' as const;
/** The next state, or RELOAD: the message carries too little to update the state exactly. */
export type Applied<T> = T | typeof RELOAD;
export type LiveReducer<T> = (state: T, push: LivePush) => Applied<T>;

/** A meeting as the day's pages hold it: what the live message carries, and whether it is mandatory (drawn on the grid). */
export type DayMeeting = Schemas['LiveMeeting'] & Pick<Schemas['Meeting'], 'mandatory'>;
/** A meeting in its cell of the day's grid (a live-made meeting's weight is not known, and no live page shows one). */
export type DayAssignment = Omit<Schemas['Assignment'], 'weight'>;

export interface LiveData {
  event: Schemas['Event'];
  version: Schemas['ScheduleVersionSummary'] | null;
  /** The day's agenda as it is now (built from the meetings), including freed (no-show, cancelled) meetings. */
  assignments: DayAssignment[];
  slots: Schemas['Slot'][];
  tables: Schemas['Table'][];
  meetings: Map<string, DayMeeting>;
  participants: Schemas['Participant'][];
  delegates: Schemas['Delegate'][];
}

/** Meetings that sit in a cell of the day's grid (freed ones stay visible as alerts). */
const PLACED = new Set(['scheduled', 'checked_in', 'held', 'no_show', 'cancelled']);
const placed = (m: Pick<LiveMeeting, 'status' | 'slotId' | 'tableId'>) => !!m.slotId && !!m.tableId && PLACED.has(m.status);

/**
 * The day's agenda from the meetings themselves (their current slot and table), not from the
 * published snapshot: moves, walk-ins and replacements show up at once, and the slot times
 * follow delays.
 */
export function liveAssignments(
  meetings: Iterable<DayMeeting>,
  slots: Schemas['Slot'][],
  tables: Schemas['Table'][],
  name: (id: string) => string,
): DayAssignment[] {
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const tableById = new Map(tables.map((tb) => [tb.id, tb]));
  const out: DayAssignment[] = [];
  for (const m of meetings) {
    if (!placed(m)) continue;
    const s = slotById.get(m.slotId!);
    const tb = tableById.get(m.tableId!);
    if (!s || !tb) continue;
    out.push({
      meetingId: m.id,
      slotId: s.id,
      slot: s.code,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      tableId: tb.id,
      table: tb.number,
      participantAId: m.participantAId,
      participantA: name(m.participantAId),
      participantBId: m.participantBId,
      participantB: name(m.participantBId),
      mandatory: m.mandatory,
    });
  }
  return out.sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.table - y.table);
}

/** The same data with the agenda rebuilt from its meetings (names as the page had them). */
function rebuilt(d: LiveData, changes: Partial<Pick<LiveData, 'meetings' | 'slots'>>): LiveData {
  const next = { ...d, ...changes };
  if (!d.version) return next;
  const names = new Map(d.participants.map((p) => [p.id, p.name]));
  return {
    ...next,
    assignments: liveAssignments(next.meetings.values(), next.slots, next.tables, (id) => names.get(id) ?? id.slice(0, 8)),
  };
}

/** Whether the page holds the slot, the table and both participants (their names) of a meeting. */
const holdsAll = (d: LiveData, m: LiveMeeting) =>
  d.slots.some((s) => s.id === m.slotId) &&
  d.tables.some((t) => t.id === m.tableId) &&
  [m.participantAId, m.participantBId].every((p) => d.participants.some((x) => x.id === p));

/** A meeting message: newer versions replace what the page holds; older or equal ones change nothing. */
function applyMeeting(d: LiveData, lm: LiveMeeting, created: boolean): Applied<LiveData> {
  const prev = d.meetings.get(lm.id);
  if (prev && prev.version >= lm.version) return d;
  if (placed(lm) && !holdsAll(d, lm)) return RELOAD;
  // A meeting the page never held stays out of it while it takes no table (the day's pages draw none such).
  if (!prev && !placed(lm)) return d;
  // Meetings made live (libs/live: walk-ins, replacements) are never mandatory; any other is unknown here.
  if (!prev && !created) return RELOAD;
  // The message's own fields only: whatever else the page holds stands.
  const { id, participantAId, participantBId, slotId, tableId, version } = lm;
  const status = lm.status as DayMeeting['status'];
  const meeting: DayMeeting = { ...(prev ?? { mandatory: false }), id, participantAId, participantBId, slotId, tableId, version, status };
  const meetings = new Map(d.meetings);
  meetings.set(lm.id, meeting);
  return rebuilt(d, { meetings });
}

interface DelayedSlots {
  slots: { id: string; startsAt: string; endsAt: string }[];
}

function applyDelay(d: LiveData, p: DelayedSlots): Applied<LiveData> {
  const moved = new Map(p.slots.map((s) => [s.id, s]));
  if ([...moved.keys()].some((id) => !d.slots.some((s) => s.id === id))) return RELOAD;
  let changed = false;
  const slots = d.slots.map((s) => {
    const m = moved.get(s.id);
    if (!m || (m.startsAt === s.startsAt && m.endsAt === s.endsAt)) return s;
    changed = true;
    return { ...s, startsAt: m.startsAt, endsAt: m.endsAt };
  });
  return changed ? rebuilt(d, { slots }) : d;
}

interface CheckedIn {
  participantId: string;
  delegateId: string;
  checkedInAt: string;
}

function applyCheckIn(d: LiveData, p: CheckedIn, holdsDelegates: boolean): Applied<LiveData> {
  if (!holdsDelegates) return d;
  const i = d.delegates.findIndex((x) => x.id === p.delegateId);
  if (i < 0) return RELOAD;
  // The first check-in stands (CheckInDelegate): a later one changes nothing.
  if (d.delegates[i].checkedInAt) return d;
  const delegates = [...d.delegates];
  delegates[i] = { ...delegates[i], checkedInAt: p.checkedInAt };
  return { ...d, delegates };
}

function applyLeave(d: LiveData, p: { participantId: string; at?: string }): LiveData {
  const i = d.participants.findIndex((x) => x.id === p.participantId);
  if (i < 0 || !p.at || d.participants[i].leftAt === p.at) return d;
  const participants = [...d.participants];
  participants[i] = { ...participants[i], leftAt: p.at };
  return { ...d, participants };
}

/**
 * The day's pages (control room, table view, board, find your table). `delegates`: whether the
 * page loaded the delegates (control room, table view) and so must follow their check-ins.
 */
export function liveDataReducer(opts: { delegates: boolean }): LiveReducer<LiveData> {
  return (d, m) => {
    switch (m.type) {
      case 'meeting.updated':
      case 'meeting.created':
        return applyMeeting(d, m.payload as LiveMeeting, m.type === 'meeting.created');
      case 'slots.delayed':
        return applyDelay(d, m.payload as DelayedSlots);
      case 'delegate.checked_in':
        return applyCheckIn(d, m.payload as CheckedIn, opts.delegates);
      // The meetings it frees come as meeting.updated messages of the same change.
      case 'participant.left':
        return applyLeave(d, m.payload as { participantId: string; at?: string });
      case 'schedule.published':
        return RELOAD;
      // Proposals are the control room's own list (proposalsReducer), but named by this state's participants.
      case 'replacement.proposed': {
        const c = (m.payload as ReplacementProposal).candidate;
        return c && ![c.participantAId, c.participantBId].every((p) => d.participants.some((x) => x.id === p)) ? RELOAD : d;
      }
      // A cell left free changes no meeting.
      default:
        return d;
    }
  };
}

/** The control room's proposals: those waiting for a decision, and the latest applied. */
export interface ProposalLists {
  waiting: Schemas['Proposal'][];
  applied: Schemas['Proposal'][];
}

export const proposalsReducer: LiveReducer<ProposalLists> = (p, m) => {
  const known = (id: string) => p.waiting.some((x) => x.id === id) || p.applied.some((x) => x.id === id);
  switch (m.type) {
    case 'replacement.proposed':
      return known((m.payload as ReplacementProposal).proposalId) ? p : RELOAD;
    case 'replacement.resolved': {
      const r = m.payload as { proposalId: string; accepted: boolean };
      if (!p.waiting.some((x) => x.id === r.proposalId)) return p;
      if (r.accepted) return RELOAD;
      // Rejected, or withdrawn because its cell is taken again: it waits no more.
      return { ...p, waiting: p.waiting.filter((x) => x.id !== r.proposalId) };
    }
    default:
      return p;
  }
};

type MyMeeting = Schemas['MyMeeting'];

/** A participant's agenda (GET /me/meetings): its own meetings with their times, table and counterpart. */
export const agendaReducer: LiveReducer<MyMeeting[]> = (list, m) => {
  switch (m.type) {
    case 'meeting.updated':
    case 'meeting.created': {
      const lm = m.payload as LiveMeeting;
      const i = list.findIndex((x) => x.id === lm.id);
      if (i < 0) return RELOAD;
      const prev = list[i];
      if (prev.version >= lm.version) return list;
      if (prev.slotId !== lm.slotId || prev.tableId !== lm.tableId) return RELOAD;
      // Only the invited party answers a request; a meeting that becomes a request again is not known to be that.
      if (lm.status === 'requested' && prev.status !== 'requested') return RELOAD;
      const next = [...list];
      next[i] = {
        ...prev,
        status: lm.status as MyMeeting['status'],
        version: lm.version,
        awaitingMyAnswer: prev.awaitingMyAnswer && lm.status === 'requested',
      };
      return next;
    }
    case 'slots.delayed': {
      const moved = new Map((m.payload as DelayedSlots).slots.map((s) => [s.id, s]));
      let changed = false;
      const next = list.map((x) => {
        const s = x.slotId ? moved.get(x.slotId) : undefined;
        if (!s || (s.startsAt === x.startsAt && s.endsAt === x.endsAt)) return x;
        changed = true;
        return { ...x, startsAt: s.startsAt, endsAt: s.endsAt };
      });
      return changed ? next : list;
    }
    case 'schedule.published':
      return RELOAD;
    // participant.left: its cancellations come as meeting.updated; check-ins are not on this list.
    default:
      return list;
  }
};

/**
 * One page's state kept by live messages, without React: the hook renders what it holds. It
 * applies each message once (a sequence number at or below the last one applied is a
 * duplicate), and while a reload is on its way it keeps the messages that arrive, to apply
 * them again on the reload's answer, which may have been read before they happened.
 */
export class LiveView<T> {
  state: T | undefined = undefined;
  /** The last sequence number applied. */
  through = 0;
  private buffer: LivePush[] | null = null;
  private generation = 0;

  constructor(private readonly reduce: LiveReducer<T>) {}

  /** One message: 'reload' when the page must reload (the caller starts it). */
  receive(m: LivePush): 'applied' | 'unchanged' | 'duplicate' | 'reload' | 'waiting' {
    if (m.seq <= this.through) return 'duplicate';
    this.through = m.seq;
    this.buffer?.push(m);
    if (this.state === undefined) return this.buffer ? 'waiting' : 'reload';
    const next = this.reduce(this.state, m);
    if (next === RELOAD) return 'reload';
    if (next === this.state) return 'unchanged';
    this.state = next;
    return 'applied';
  }

  /** A reload starts: messages from now on are kept for its answer. Returns its ticket. */
  reloading(): number {
    this.buffer = [];
    // The answer sets where the page stands; LiveSync's cursor (not this guard) says which messages follow.
    this.through = 0;
    return ++this.generation;
  }

  /**
   * A reload's answer: the messages received meanwhile applied on it, in order. Returns whether
   * another reload is needed (one of them asked for it), or 'stale' when a newer reload runs.
   */
  loaded(ticket: number, fresh: T): 'done' | 'again' | 'stale' {
    if (ticket !== this.generation) return 'stale';
    let state = fresh;
    let again = false;
    for (const m of this.buffer ?? []) {
      const next = this.reduce(state, m);
      if (next === RELOAD) again = true;
      else state = next;
    }
    this.buffer = null;
    this.state = state;
    return again ? 'again' : 'done';
  }

  /** A reload failed: the page keeps what it had (messages included). False when a newer reload runs. */
  failed(ticket: number): boolean {
    if (ticket !== this.generation) return false;
    this.buffer = null;
    return true;
  }
}
