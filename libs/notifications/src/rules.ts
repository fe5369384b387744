import type { Addressed, MeetingView, Notice } from './kinds';

/**
 * Who is told what. Pure functions from facts (loaded by the caller from the change log and
 * the database) to notices addressed to participants, each holding only the receiver's view.
 */

export interface PartyFact {
  id: string;
  name: string;
  kind: 'gadm' | 'cooperant';
}

export interface MeetingFact {
  id: string;
  status: string;
  origin: string;
  /** The requester (or the GADM when organisers created it). */
  a: PartyFact;
  b: PartyFact;
  topic?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  tableNumber?: number | null;
}

/** The meeting as `side` sees it: the other party's public name, nothing else of it. */
export function viewFor(m: MeetingFact, side: 'a' | 'b'): MeetingView {
  const other = side === 'a' ? m.b : m.a;
  return {
    meetingId: m.id,
    counterpartName: other.name,
    counterpartKind: other.kind,
    topic: m.topic ?? null,
    startsAt: m.startsAt ?? null,
    endsAt: m.endsAt ?? null,
    tableNumber: m.tableNumber ?? null,
  };
}

const to = (m: MeetingFact, side: 'a' | 'b', key: string, make: (v: MeetingView) => Notice): Addressed => ({
  participantId: (side === 'a' ? m.a : m.b).id,
  dedupeKey: key,
  notice: make(viewFor(m, side)),
});

const both = (m: MeetingFact, key: string, make: (v: MeetingView) => Notice): Addressed[] => [to(m, 'a', key, make), to(m, 'b', key, make)];

/**
 * A meeting row changed (a `meeting.created` / `meeting.updated` entry of the change log, with
 * the meeting as it is now). `key` identifies the change (its log sequence number).
 */
export function meetingChangeNotices(type: 'meeting.created' | 'meeting.updated', m: MeetingFact, key: string): Addressed[] {
  const k = `${key}:${m.id}`;
  switch (m.status) {
    case 'requested':
      return type === 'meeting.created' ? [to(m, 'b', k, (meeting) => ({ kind: 'request.received', meeting }))] : [];
    case 'accepted':
      if (m.origin === 'request') return [to(m, 'a', k, (meeting) => ({ kind: 'request.accepted', meeting }))];
      return both(m, k, (meeting) => ({ kind: 'meeting.confirmed', meeting }));
    case 'declined':
      return [to(m, 'a', k, (meeting) => ({ kind: 'request.declined', meeting }))];
    case 'scheduled':
      return both(m, k, (meeting) =>
        type === 'meeting.created' ? { kind: 'meeting.replaced', meeting } : { kind: 'meeting.moved', meeting },
      );
    case 'cancelled':
      // Withdrawing an open request concerns nobody else; a meeting with a time does.
      return m.startsAt ? both(m, k, (meeting) => ({ kind: 'meeting.cancelled', meeting, reason: 'cancelled' })) : [];
    case 'no_show':
      return both(m, k, (meeting) => ({ kind: 'meeting.cancelled', meeting, reason: 'not_held' }));
    default:
      // checked_in, held, expired: nothing the participant needs to be told.
      return [];
  }
}

/** A schedule was published: every participant gets its own agenda (an empty one says so). */
export function schedulePublishedNotices(versionId: string, participants: PartyFact[], meetings: MeetingFact[]): Addressed[] {
  const byParticipant = new Map<string, MeetingView[]>(participants.map((p) => [p.id, []]));
  for (const m of meetings) {
    byParticipant.get(m.a.id)?.push(viewFor(m, 'a'));
    byParticipant.get(m.b.id)?.push(viewFor(m, 'b'));
  }
  return [...byParticipant].map(([participantId, views]) => ({
    participantId,
    dedupeKey: `schedule:${versionId}`,
    notice: { kind: 'schedule.published', meetings: views.sort(byStart) },
  }));
}

/** Slots were delayed: the participants with meetings in them get their new times. */
export function delayNotices(key: string, meetings: MeetingFact[]): Addressed[] {
  const byParticipant = new Map<string, MeetingView[]>();
  const push = (id: string, v: MeetingView) => byParticipant.set(id, [...(byParticipant.get(id) ?? []), v]);
  for (const m of meetings) {
    if (!['scheduled', 'checked_in'].includes(m.status)) continue;
    push(m.a.id, viewFor(m, 'a'));
    push(m.b.id, viewFor(m, 'b'));
  }
  return [...byParticipant].map(([participantId, views]) => ({
    participantId,
    dedupeKey: `delay:${key}`,
    notice: { kind: 'meeting.delayed', meetings: views.sort(byStart) },
  }));
}

/** The counterpart is asked to answer before an open request expires. */
export function expiringNotice(m: MeetingFact, expiresAt: string): Addressed {
  return to(m, 'b', `expiring:${m.id}`, (meeting) => ({ kind: 'request.expiring', meeting, expiresAt }));
}

function byStart(x: MeetingView, y: MeetingView): number {
  return (x.startsAt ?? '9').localeCompare(y.startsAt ?? '9');
}
