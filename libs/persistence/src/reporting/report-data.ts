import type { EntityManager } from 'typeorm';
import type { ReportCommitment, ReportData, ReportMeeting } from '@rueda/reporting';

export interface EventReportData {
  data: ReportData;
  event: { id: string; name: string; venue: string; timeZone: string };
}

export interface LoadReportOptions {
  /**
   * Only this participant's meetings, itself and its counterparts (with their demands and
   * offers): what one agenda needs, without reading the whole event.
   */
  participantId?: string;
}

/** Row shapes as pg returns them: numerics as strings, arrays as arrays, timestamps as Dates. */
interface DemandRow {
  id: string;
  participant_id: string;
  title: string;
  sectors: string[] | null;
  competencias: string[] | null;
  ods: number[] | null;
  modalidades: string[] | null;
}
type OfferRow = Omit<DemandRow, 'competencias'>;
interface MeetingRow {
  id: string;
  participant_a_id: string;
  participant_b_id: string;
  demand_id: string | null;
  offer_id: string | null;
  status: ReportMeeting['status'];
  origin: ReportMeeting['origin'];
  slot_id: string | null;
  table_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  table_number: number | null;
}
interface OutcomeRow {
  meeting_id: string;
  side: 'a' | 'b';
  interest: string | number;
  next_steps: string[] | null;
  amount_usd: string | null;
}
interface CommitmentRow {
  id: string;
  meeting_id: string;
  stage: ReportCommitment['stage'];
  amount_usd: string | null;
  updated_at: Date;
}

const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));
const str = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v));

/**
 * The report model of one event straight from SQL: one query per table, rows mapped to plain
 * objects (no entity hydration, which dominated the time at 5,000 meetings). Null when the
 * event does not exist.
 *
 * `m` is the pool's manager (DataSource.manager, as every caller passes): each query then takes
 * a connection of its own, so the Promise.all below runs them at once. A transaction's manager
 * has one connection: read there with inTurn (../in-turn.ts).
 */
export async function loadReportData(m: EntityManager, eventId: string, opts: LoadReportOptions = {}): Promise<EventReportData | null> {
  const [event] = await m.query(`SELECT id, name, venue, time_zone FROM events WHERE id = $1`, [eventId]);
  if (!event) return null;
  const pid = opts.participantId ?? null;
  // $2 NULL = the whole event; otherwise the participant's meetings only.
  const meetingFilter = `m.event_id = $1 AND ($2::uuid IS NULL OR m.participant_a_id = $2 OR m.participant_b_id = $2)`;
  const [participants, meetings, outcomes, commitments] = await Promise.all([
    m.query(
      `SELECT id, kind, name, external_id, province, province_code, region, tipo FROM participants p
        WHERE p.event_id = $1 AND ($2::uuid IS NULL OR p.id = $2 OR EXISTS (
          SELECT 1 FROM meetings m WHERE ${meetingFilter} AND p.id IN (m.participant_a_id, m.participant_b_id)))`,
      [eventId, pid],
    ),
    m.query(
      `SELECT m.id, m.participant_a_id, m.participant_b_id, m.demand_id, m.offer_id, m.status, m.origin, m.slot_id, m.table_id,
              s.starts_at, s.ends_at, t.number AS table_number
         FROM meetings m LEFT JOIN slots s ON s.id = m.slot_id LEFT JOIN tables t ON t.id = m.table_id
        WHERE ${meetingFilter}
        ORDER BY s.starts_at NULLS LAST, t.number NULLS LAST, m.created_at, m.id`,
      [eventId, pid],
    ),
    m.query(
      `SELECT o.meeting_id, o.side, o.interest, o.next_steps, o.amount_usd FROM meeting_outcomes o JOIN meetings m ON m.id = o.meeting_id
        WHERE ${meetingFilter}`,
      [eventId, pid],
    ),
    m.query(
      `SELECT c.id, c.meeting_id, c.stage, c.amount_usd, c.updated_at FROM commitments c JOIN meetings m ON m.id = c.meeting_id
        WHERE ${meetingFilter}`,
      [eventId, pid],
    ),
  ]);
  const ids = pid ? participants.map((p: { id: string }) => p.id) : null;
  const [demands, offers] = await Promise.all([
    m.query(
      `SELECT id, participant_id, title, sectors, competencias, ods, modalidades FROM demands WHERE event_id = $1 AND ($2::uuid[] IS NULL OR participant_id = ANY($2))`,
      [eventId, ids],
    ),
    m.query(
      `SELECT id, participant_id, title, sectors, ods, modalidades FROM offers WHERE event_id = $1 AND ($2::uuid[] IS NULL OR participant_id = ANY($2))`,
      [eventId, ids],
    ),
  ]);
  const iso = (v: Date | null) => (v ? v.toISOString() : undefined);
  return {
    event: { id: event.id, name: event.name, venue: event.venue ?? '', timeZone: event.time_zone },
    data: {
      event: { name: event.name, timeZone: event.time_zone },
      participants: participants.map((p: Record<string, string | null>) => ({
        id: p.id!,
        kind: p.kind as 'gadm' | 'cooperant',
        name: p.name!,
        externalId: p.external_id!,
        province: str(p.province),
        provinceCode: str(p.province_code),
        region: str(p.region),
        tipo: str(p.tipo),
      })),
      demands: (demands as DemandRow[]).map((d) => ({
        id: d.id,
        participantId: d.participant_id,
        title: d.title,
        sectors: d.sectors ?? [],
        competencias: d.competencias ?? [],
        ods: d.ods ?? [],
        modalidades: d.modalidades ?? [],
      })),
      offers: (offers as OfferRow[]).map((o) => ({
        id: o.id,
        participantId: o.participant_id,
        title: o.title,
        sectors: o.sectors ?? [],
        ods: o.ods ?? [],
        modalidades: o.modalidades ?? [],
      })),
      meetings: (meetings as MeetingRow[]).map((x): ReportMeeting => ({
        id: x.id,
        participantAId: x.participant_a_id,
        participantBId: x.participant_b_id,
        demandId: str(x.demand_id),
        offerId: str(x.offer_id),
        status: x.status,
        origin: x.origin,
        slotId: str(x.slot_id),
        tableId: str(x.table_id),
        startsAt: iso(x.starts_at),
        endsAt: iso(x.ends_at),
        tableNumber: num(x.table_number),
      })),
      outcomes: (outcomes as OutcomeRow[]).map((o) => ({
        meetingId: o.meeting_id,
        side: o.side,
        interest: Number(o.interest),
        nextSteps: o.next_steps ?? [],
        amountUsd: num(o.amount_usd),
      })),
      commitments: (commitments as CommitmentRow[]).map((c) => ({
        id: c.id,
        meetingId: c.meeting_id,
        stage: c.stage,
        amountUsd: num(c.amount_usd),
        updatedAt: (c.updated_at as Date).toISOString(),
      })),
    },
  };
}

/**
 * The day follow-up reviews count from: the event's last session day, else the last slot's
 * local day, else null (an event without a programme yet).
 */
export async function eventEndDate(m: EntityManager, eventId: string): Promise<string | null> {
  const [row] = await m.query(
    `SELECT coalesce(
        (SELECT max(day)::text FROM event_sessions WHERE event_id = $1),
        (SELECT to_char(max(s.ends_at AT TIME ZONE e.time_zone), 'YYYY-MM-DD') FROM slots s JOIN events e ON e.id = s.event_id WHERE s.event_id = $1)
      ) AS day`,
    [eventId],
  );
  return row?.day ?? null;
}
