import { EntityManager } from 'typeorm';
import { ATTENDING_STATUSES, BOOKED_STATUSES, sqlIn } from '@rueda/domain';
import {
  delayNotices,
  dueReminders,
  EXPIRING_WINDOW_HOURS,
  expiringNotice,
  meetingChangeNotices,
  schedulePublishedNotices,
  type Addressed,
  type MeetingFact,
  type Notice,
  type PartyFact,
} from '@rueda/notifications';

/**
 * The notification pipeline's database side. The change log (live_messages) is read past a
 * per-event cursor, turned into notices by the rules of @rueda/notifications, and stored with
 * a dedupe key, all in one transaction: a message is turned into notices exactly once, however
 * many workers scan and however often.
 */

const MEETING_FACTS_SQL = `
  SELECT m.id, m.status, m.origin,
         pa.id AS a_id, pa.name AS a_name, pa.kind AS a_kind,
         pb.id AS b_id, pb.name AS b_name, pb.kind AS b_kind,
         COALESCE(d.title, o.title) AS topic, s.starts_at, s.ends_at, t.number AS table_number, m.expires_at
    FROM meetings m
    JOIN participants pa ON pa.id = m.participant_a_id
    JOIN participants pb ON pb.id = m.participant_b_id
    LEFT JOIN slots s ON s.id = m.slot_id
    LEFT JOIN tables t ON t.id = m.table_id
    LEFT JOIN demands d ON d.id = m.demand_id
    LEFT JOIN offers o ON o.id = m.offer_id`;

interface FactRow {
  id: string;
  status: string;
  origin: string;
  a_id: string;
  a_name: string;
  a_kind: 'gadm' | 'cooperant';
  b_id: string;
  b_name: string;
  b_kind: 'gadm' | 'cooperant';
  topic: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  table_number: number | null;
  expires_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toFact(r: FactRow): MeetingFact {
  return {
    id: r.id,
    status: r.status,
    origin: r.origin,
    a: { id: r.a_id, name: r.a_name, kind: r.a_kind },
    b: { id: r.b_id, name: r.b_name, kind: r.b_kind },
    topic: r.topic,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    tableNumber: r.table_number,
  };
}

async function meetingFacts(m: EntityManager, eventId: string, where: string, params: unknown[]): Promise<FactRow[]> {
  return m.query(`${MEETING_FACTS_SQL} WHERE m.event_id = $1 AND ${where}`, [eventId, ...params]);
}

/** Stores notices; the same dedupe key for the same participant is stored once. Returns how many are new. */
export async function insertNotices(m: EntityManager, eventId: string, notices: Addressed[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = notices.map((n) => ({ participant_id: n.participantId, kind: n.notice.kind, dedupe_key: n.dedupeKey, notice: n.notice }));
  const res: unknown[] = await m.query(
    `INSERT INTO notifications (event_id, participant_id, kind, dedupe_key, notice)
     SELECT $1, x.participant_id, x.kind, x.dedupe_key, x.notice
       FROM jsonb_to_recordset($2::jsonb) AS x(participant_id uuid, kind text, dedupe_key text, notice jsonb)
       JOIN participants p ON p.id = x.participant_id AND p.event_id = $1
     ON CONFLICT (participant_id, dedupe_key) DO NOTHING
     RETURNING id`,
    [eventId, JSON.stringify(rows)],
  );
  return res.length;
}

interface LogRow {
  seq: string;
  type: string;
  payload: { id?: string; versionId?: string; slots?: { id: string }[] };
}

/**
 * Reads up to `limit` change-log entries past the event's cursor and stores their notices.
 * The cursor row is locked for the transaction, so concurrent scans of one event queue up.
 */
export async function scanChangeLog(
  m: EntityManager,
  eventId: string,
  limit = 1000,
): Promise<{ read: number; inserted: number; lastSeq: number; more: boolean }> {
  await m.query(`INSERT INTO notification_cursors (event_id, last_seq) VALUES ($1, 0) ON CONFLICT (event_id) DO NOTHING`, [eventId]);
  const [cursor] = await m.query(`SELECT last_seq FROM notification_cursors WHERE event_id = $1 FOR UPDATE`, [eventId]);
  if (!cursor) return { read: 0, inserted: 0, lastSeq: 0, more: false };
  const from = Number(cursor.last_seq);
  const log: LogRow[] = await m.query(
    `SELECT seq, type, payload FROM live_messages WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [eventId, from, limit],
  );
  if (log.length === 0) return { read: 0, inserted: 0, lastSeq: from, more: false };

  const meetingIds = [...new Set(log.filter((l) => l.type.startsWith('meeting.') && l.payload.id).map((l) => l.payload.id!))];
  const facts = new Map(
    (meetingIds.length ? await meetingFacts(m, eventId, 'm.id = ANY($2::uuid[])', [meetingIds]) : []).map((r) => [r.id, toFact(r)]),
  );
  const notices: Addressed[] = [];
  for (const l of log) {
    if (l.type === 'meeting.created' || l.type === 'meeting.updated') {
      const fact = l.payload.id ? facts.get(l.payload.id) : undefined;
      // The meeting as it is now; a later entry of the same meeting says the rest.
      if (fact && (l.payload as { status?: string }).status === fact.status)
        notices.push(...meetingChangeNotices(l.type, fact, `log:${l.seq}`));
    } else if (l.type === 'schedule.published' && l.payload.versionId) {
      notices.push(...(await publishedNotices(m, eventId, l.payload.versionId)));
    } else if (l.type === 'slots.delayed' && l.payload.slots?.length) {
      const rows = await meetingFacts(m, eventId, 'm.slot_id = ANY($2::uuid[])', [l.payload.slots.map((s) => s.id)]);
      notices.push(...delayNotices(`log:${l.seq}`, rows.map(toFact)));
    }
  }
  const inserted = await insertNotices(m, eventId, notices);
  const lastSeq = Number(log[log.length - 1].seq);
  await m.query(`UPDATE notification_cursors SET last_seq = $2, updated_at = now() WHERE event_id = $1`, [eventId, lastSeq]);
  return { read: log.length, inserted, lastSeq, more: log.length === limit };
}

async function publishedNotices(m: EntityManager, eventId: string, versionId: string): Promise<Addressed[]> {
  const participants: PartyFact[] = await m.query(`SELECT id, name, kind FROM participants WHERE event_id = $1`, [eventId]);
  const rows = await meetingFacts(
    m,
    eventId,
    `m.id IN (SELECT meeting_id FROM schedule_assignments WHERE schedule_version_id = $2) AND m.status IN ${sqlIn(ATTENDING_STATUSES)}`,
    [versionId],
  );
  return schedulePublishedNotices(versionId, participants, rows.map(toFact));
}

export interface DueBatch {
  participantId: string;
  notificationIds: string[];
  notices: Notice[];
}

/**
 * Claims the pending notices of every participant whose oldest pending notice has waited the
 * digest window, locking them (SKIP LOCKED: two dispatchers never take the same ones).
 */
export async function claimDueNotices(m: EntityManager, eventId: string, now: Date, windowMs: number): Promise<DueBatch[]> {
  const rows: { id: string; participant_id: string; notice: Notice }[] = await m.query(
    `SELECT n.id, n.participant_id, n.notice FROM notifications n
      WHERE n.event_id = $1 AND n.status = 'pending'
        AND n.participant_id IN (SELECT participant_id FROM notifications WHERE event_id = $1 AND status = 'pending'
                                  GROUP BY participant_id HAVING min(created_at) <= $2)
      ORDER BY n.participant_id, n.created_at, n.id
      FOR UPDATE OF n SKIP LOCKED`,
    [eventId, new Date(now.getTime() - windowMs)],
  );
  const batches = new Map<string, DueBatch>();
  for (const r of rows) {
    let b = batches.get(r.participant_id);
    if (!b) batches.set(r.participant_id, (b = { participantId: r.participant_id, notificationIds: [], notices: [] }));
    b.notificationIds.push(r.id);
    b.notices.push(r.notice);
  }
  return [...batches.values()];
}

/** When the next pending notice of the event falls due, or null when none is pending. */
export async function nextNoticeDue(m: EntityManager, eventId: string, windowMs: number): Promise<Date | null> {
  const [row] = await m.query(`SELECT min(created_at) AS oldest FROM notifications WHERE event_id = $1 AND status = 'pending'`, [eventId]);
  return row?.oldest ? new Date(new Date(row.oldest).getTime() + windowMs) : null;
}

/** Events whose change log has entries the pipeline has not read, or notices still pending. */
export async function eventsWithWork(m: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT e.id FROM events e LEFT JOIN notification_cursors c ON c.event_id = e.id WHERE e.live_seq > coalesce(c.last_seq, 0)
     UNION SELECT DISTINCT event_id FROM notifications WHERE status = 'pending'`,
  );
  return rows.map((r) => r.id);
}

/**
 * Reminders that fall due by date for one event (no accepted meeting N days before, outcome
 * form, follow-ups) and open requests about to expire; stored like every other notice.
 */
export async function storeDueReminders(m: EntityManager, eventId: string, now: Date): Promise<number> {
  const [ev] = await m.query(
    `SELECT e.time_zone, e.settings, (SELECT min(starts_at) FROM slots WHERE event_id = e.id) AS first_start,
            (SELECT max(ends_at) FROM slots WHERE event_id = e.id) AS last_end
       FROM events e WHERE e.id = $1`,
    [eventId],
  );
  if (!ev) return 0;
  const people: { id: string; booked: number; held: number; commitments: number }[] = await m.query(
    `SELECT p.id,
            count(DISTINCT mt.id) FILTER (WHERE mt.status IN ${sqlIn(BOOKED_STATUSES)})::int AS booked,
            count(DISTINCT mt.id) FILTER (WHERE mt.status = 'held')::int AS held,
            count(DISTINCT c.id) FILTER (WHERE c.stage NOT IN ('closed','dropped'))::int AS commitments
       FROM participants p
       LEFT JOIN meetings mt ON mt.event_id = p.event_id AND (mt.participant_a_id = p.id OR mt.participant_b_id = p.id)
       LEFT JOIN commitments c ON c.meeting_id = mt.id
      WHERE p.event_id = $1
      GROUP BY p.id`,
    [eventId],
  );
  const notices = dueReminders(
    now,
    {
      timeZone: ev.time_zone,
      firstStart: iso(ev.first_start),
      lastEnd: iso(ev.last_end),
      noMeetingReminderDays: Number(ev.settings?.noMeetingReminderDays ?? 3),
    },
    people,
  );
  const expiring = await meetingFacts(m, eventId, `m.status = 'requested' AND m.expires_at > $2 AND m.expires_at <= $3`, [
    now,
    new Date(now.getTime() + EXPIRING_WINDOW_HOURS * 3600_000),
  ]);
  for (const r of expiring) notices.push(expiringNotice(toFact(r), iso(r.expires_at)!));
  return insertNotices(m, eventId, notices);
}
