import type { MeetingStatus } from '@rueda/domain';
import { isPlaced, KIND_LABELS, STATUS_LABELS, type ParticipantKind, type ReportData } from '@rueda/reporting';

export interface AgendaMeeting {
  /** Meeting id: makes the calendar UID stable across re-exports. */
  id?: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  tableNumber: number;
  counterpart: string;
  counterpartKind: ParticipantKind;
  /** Demand or offer title. */
  topic?: string;
  status: MeetingStatus;
  /** Calendar SEQUENCE (rises with every change a calendar shows); absent in one-off files. */
  sequence?: number;
  /** ISO instant of the meeting's last change. */
  lastModified?: string;
  /** A hybrid meeting's video-call link. */
  videoUrl?: string | null;
}

export interface ParticipantAgenda {
  participant: { name: string; kind: ParticipantKind; externalId: string };
  event: { name: string; venue: string; timeZone: string };
  meetings: AgendaMeeting[];
}

export interface BuildAgendasOptions {
  venue: string;
  /** Cancelled meetings keep their slot in the data; the printed agenda leaves them out unless asked. */
  includeCancelled?: boolean;
  /** Participants without any meeting still get a (empty) agenda; default true. */
  includeEmpty?: boolean;
}

/**
 * Every participant's agenda from the report model: meetings that have a time and a table,
 * GADMs first (by INEC code) then cooperants (by name), the order organisers print them in.
 */
export function buildAgendas(data: ReportData, opts: BuildAgendasOptions): ParticipantAgenda[] {
  const event = { name: data.event.name, venue: opts.venue, timeZone: data.event.timeZone };
  const byId = new Map(data.participants.map((p) => [p.id, p]));
  const demands = new Map(data.demands.map((d) => [d.id, d]));
  const offers = new Map(data.offers.map((o) => [o.id, o]));
  const agendas = new Map<string, ParticipantAgenda>();
  for (const p of data.participants) {
    agendas.set(p.id, { participant: { name: p.name, kind: p.kind, externalId: p.externalId }, event, meetings: [] });
  }
  for (const m of data.meetings) {
    if (!isPlaced(m) || !m.startsAt || m.tableNumber == null) continue;
    if (m.status === 'cancelled' && !opts.includeCancelled) continue;
    const topic = (m.demandId && demands.get(m.demandId)?.title) || (m.offerId && offers.get(m.offerId)?.title) || undefined;
    const endsAt = m.endsAt ?? m.startsAt;
    for (const [self, other] of [
      [m.participantAId, m.participantBId],
      [m.participantBId, m.participantAId],
    ]) {
      const agenda = agendas.get(self);
      const counterpart = byId.get(other);
      if (!agenda) continue;
      agenda.meetings.push({
        id: m.id,
        startsAt: m.startsAt,
        endsAt,
        tableNumber: m.tableNumber,
        topic,
        status: m.status,
        counterpart: counterpart?.name ?? '—',
        counterpartKind: counterpart?.kind ?? (agenda.participant.kind === 'gadm' ? 'cooperant' : 'gadm'),
      });
    }
  }
  const list = [...agendas.values()].filter((a) => opts.includeEmpty !== false || a.meetings.length > 0);
  for (const a of list) a.meetings.sort(compareMeetings);
  return list.sort((x, y) =>
    x.participant.kind !== y.participant.kind
      ? x.participant.kind === 'gadm'
        ? -1
        : 1
      : x.participant.kind === 'gadm'
        ? x.participant.externalId.localeCompare(y.participant.externalId)
        : x.participant.name.localeCompare(y.participant.name, 'es'),
  );
}

export const compareMeetings = (x: AgendaMeeting, y: AgendaMeeting): number =>
  Date.parse(x.startsAt) - Date.parse(y.startsAt) || x.tableNumber - y.tableNumber;

export const kindLabel = (k: ParticipantKind): string => KIND_LABELS[k]?.es ?? k;
export const statusLabel = (s: MeetingStatus): string => STATUS_LABELS[s]?.es ?? s;
