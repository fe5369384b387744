import type { EntityManager } from 'typeorm';
import { meetingVideoUrl, type MeetingStatus, ON_AGENDA_STATUSES } from '@rueda/domain';
import type { AgendaMeeting, ParticipantAgenda } from '@rueda/exports';

const ON_AGENDA = new Set<MeetingStatus>(ON_AGENDA_STATUSES);

interface Row {
  id: string;
  status: MeetingStatus;
  slot_id: string | null;
  calendar_seq: number;
  updated_at: Date;
  starts_at: Date;
  ends_at: Date;
  table_number: number;
  counterpart: string;
  counterpart_kind: 'gadm' | 'cooperant';
  topic: string | null;
  video_url: string | null;
  a_remote: boolean;
  a_video_url: string | null;
  b_remote: boolean;
  b_video_url: string | null;
}

/**
 * One participant's agenda for its calendar feed: every meeting that ever had a slot and a
 * table, at the cell it has (or last had), with its calendar SEQUENCE and video-call link. A
 * meeting taken off the agenda (cancelled, freed, unscheduled) stays in the feed as cancelled,
 * so the calendars that learnt of it remove it.
 */
export async function loadCalendarAgenda(m: EntityManager, participantId: string): Promise<ParticipantAgenda | null> {
  const [self] = await m.query(
    `SELECT p.name, p.kind, p.external_id, e.name AS event_name, e.venue, e.time_zone
       FROM participants p JOIN events e ON e.id = p.event_id WHERE p.id = $1`,
    [participantId],
  );
  if (!self) return null;
  const rows: Row[] = await m.query(
    `SELECT m.id, m.status, m.slot_id, m.calendar_seq, m.updated_at, s.starts_at, s.ends_at, t.number AS table_number,
            c.name AS counterpart, c.kind AS counterpart_kind, COALESCE(d.title, o.title) AS topic, m.video_url,
            pa.remote AS a_remote, pa.video_url AS a_video_url, pb.remote AS b_remote, pb.video_url AS b_video_url
       FROM meetings m
       JOIN slots s ON s.id = COALESCE(m.slot_id, m.last_slot_id)
       JOIN tables t ON t.id = COALESCE(m.table_id, m.last_table_id)
       JOIN participants pa ON pa.id = m.participant_a_id
       JOIN participants pb ON pb.id = m.participant_b_id
       JOIN participants c ON c.id = CASE WHEN m.participant_a_id = $1 THEN m.participant_b_id ELSE m.participant_a_id END
       LEFT JOIN demands d ON d.id = m.demand_id
       LEFT JOIN offers o ON o.id = m.offer_id
      WHERE $1 IN (m.participant_a_id, m.participant_b_id)
      ORDER BY s.starts_at, t.number`,
    [participantId],
  );
  const meetings: AgendaMeeting[] = rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    tableNumber: r.table_number,
    counterpart: r.counterpart,
    counterpartKind: r.counterpart_kind,
    topic: r.topic ?? undefined,
    status: r.slot_id && ON_AGENDA.has(r.status) ? r.status : 'cancelled',
    sequence: r.calendar_seq,
    lastModified: r.updated_at.toISOString(),
    videoUrl: meetingVideoUrl(
      { videoUrl: r.video_url },
      { remote: r.a_remote, videoUrl: r.a_video_url },
      { remote: r.b_remote, videoUrl: r.b_video_url },
    ),
  }));
  return {
    participant: { name: self.name, kind: self.kind, externalId: self.external_id },
    event: { name: self.event_name, venue: self.venue, timeZone: self.time_zone },
    meetings,
  };
}
