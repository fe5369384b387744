import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { REVIEW_MONTHS } from '@rueda/domain';
import { COMMITMENT_STAGES, STAGE_LABELS } from '@rueda/reporting';
import { CommitmentEntity, CommitmentStageCode, eventEndDate } from '@rueda/persistence';
import { conflict, FieldProblem, fieldProblem, invalid, NOUNS, notFound, versionConflict } from '@rueda/domain';
import { Page } from '../../platform/pagination';
import { addMonths, localDay } from './dates';
import type {
  AdvanceCommitmentInput,
  CommitmentListInput,
  CreateCommitmentInput,
  ReviewCommitmentInput,
  UpdateCommitmentInput,
} from './outcomes.schemas';

const TERMINAL: readonly CommitmentStageCode[] = ['closed', 'dropped'];
const order = (s: CommitmentStageCode) => COMMITMENT_STAGES.indexOf(s);

/**
 * Forward only along identified → negotiation → signed → execution → closed (skipping is
 * allowed: a commitment can be found already signed), or to dropped from any open stage.
 */
export function canAdvance(from: CommitmentStageCode, to: CommitmentStageCode): boolean {
  if (TERMINAL.includes(from)) return false;
  if (to === 'dropped') return true;
  return order(to) > order(from);
}

interface MeetingDay {
  status: string;
  day: string | null;
  timeZone: string;
}

@Injectable()
export class CommitmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(eventId: string, input: CreateCommitmentInput, userId: string | null): Promise<CommitmentEntity> {
    return this.db.transaction(async (m) => {
      const meeting = await this.meeting(m, eventId, input.meetingId);
      if (!meeting) throw notFound(NOUNS.meeting, input.meetingId);
      if (meeting.status !== 'held') {
        throw conflict('meeting_not_held', {
          es: `Los compromisos nacen de reuniones realizadas (esta está «${meeting.status}»)`,
          en: `Commitments come from held meetings (this one is "${meeting.status}")`,
        });
      }
      const date = input.date ?? defaultDay(meeting.timeZone, meeting.day);
      const issues = dateIssues('date', date, meeting.day, 'la reunión', 'the meeting');
      if (issues.length) throw invalid(issues);
      const baseDate = (await eventEndDate(m, eventId)) ?? meeting.day ?? date;
      const repo = m.getRepository(CommitmentEntity);
      return repo.save(
        repo.create({
          eventId,
          meetingId: input.meetingId,
          title: input.title,
          description: input.description,
          nextStep: input.nextStep ?? null,
          stage: input.stage,
          stageDate: date,
          amountUsd: input.amountUsd ?? null,
          baseDate,
          reviews: REVIEW_MONTHS.map((months) => ({
            months,
            dueDate: addMonths(baseDate, months),
            reviewedOn: null,
            stage: null,
            note: '',
          })),
          history: [
            {
              stage: input.stage,
              date,
              recordedAt: new Date().toISOString(),
              amountUsd: input.amountUsd ?? null,
              note: input.note,
              userId,
            },
          ],
        }),
      );
    });
  }

  async advance(eventId: string, id: string, input: AdvanceCommitmentInput, userId: string | null): Promise<CommitmentEntity> {
    return this.change(eventId, id, input.version, async (c, meeting) => {
      if (!canAdvance(c.stage, input.stage)) {
        throw conflict(
          'invalid_transition',
          {
            es: `El compromiso está «${STAGE_LABELS[c.stage].es}» y no puede pasar a «${STAGE_LABELS[input.stage].es}»: las etapas solo avanzan (o se descartan)`,
            en: `The commitment is "${STAGE_LABELS[c.stage].en}" and cannot become "${STAGE_LABELS[input.stage].en}": stages only move forward (or to dropped)`,
          },
          { current: c },
        );
      }
      const date = input.date ?? defaultDay(meeting.timeZone, c.stageDate);
      const issues = dateIssues('date', date, c.stageDate, 'la etapa anterior', 'the previous stage');
      if (issues.length) throw invalid(issues);
      if (input.amountUsd !== undefined) c.amountUsd = input.amountUsd;
      c.stage = input.stage;
      c.stageDate = date;
      c.history = [
        ...c.history,
        { stage: input.stage, date, recordedAt: new Date().toISOString(), amountUsd: c.amountUsd, note: input.note, userId },
      ];
    });
  }

  async update(eventId: string, id: string, input: UpdateCommitmentInput): Promise<CommitmentEntity> {
    return this.change(eventId, id, input.version, async (c) => {
      if (input.title !== undefined) c.title = input.title;
      if (input.description !== undefined) c.description = input.description;
      if (input.nextStep !== undefined) c.nextStep = input.nextStep;
      if (input.amountUsd !== undefined) c.amountUsd = input.amountUsd;
    });
  }

  /** Records the 3-, 6- or 12-month review, with the stage the commitment was in. */
  async review(eventId: string, id: string, input: ReviewCommitmentInput): Promise<CommitmentEntity> {
    return this.change(eventId, id, input.version, async (c, meeting) => {
      const date = input.date ?? defaultDay(meeting.timeZone, c.baseDate);
      const issues = dateIssues('date', date, c.baseDate, 'el fin del evento', 'the end of the event');
      if (issues.length) throw invalid(issues);
      c.reviews = c.reviews.map((r) => (r.months === input.months ? { ...r, reviewedOn: date, stage: c.stage, note: input.note } : r));
    });
  }

  async get(eventId: string, id: string): Promise<CommitmentEntity> {
    const c = await this.db.getRepository(CommitmentEntity).findOneBy({ id, eventId });
    if (!c) throw notFound(NOUNS.commitment, id);
    return c;
  }

  async list(
    eventId: string,
    q: CommitmentListInput,
  ): Promise<Page<CommitmentEntity & { participants: { id: string; name: string; kind: string }[] }>> {
    const qb = this.db
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .innerJoin('c.meeting', 'm')
      .where('c.eventId = :eventId', { eventId });
    if (q.stage) qb.andWhere('c.stage = :stage', { stage: q.stage });
    if (q.meetingId) qb.andWhere('c.meetingId = :meetingId', { meetingId: q.meetingId });
    if (q.participantId) qb.andWhere('(m.participantAId = :pid OR m.participantBId = :pid)', { pid: q.participantId });
    if (q.reviewDueBy) {
      qb.andWhere(`c.stage NOT IN ('closed', 'dropped')`).andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(c.reviews) r WHERE r->>'dueDate' <= :due AND r->>'reviewedOn' IS NULL)`,
        { due: q.reviewDueBy },
      );
    }
    const [items, total] = await qb
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const names = items.length
      ? await this.db.query(
          `SELECT m.id, pa.id AS aid, pa.name AS aname, pa.kind AS akind, pb.id AS bid, pb.name AS bname, pb.kind AS bkind
             FROM meetings m JOIN participants pa ON pa.id = m.participant_a_id JOIN participants pb ON pb.id = m.participant_b_id
            WHERE m.id = ANY($1::uuid[])`,
          [[...new Set(items.map((c) => c.meetingId))]],
        )
      : [];
    const byMeeting = new Map<string, { id: string; name: string; kind: string }[]>(
      names.map((n: Record<string, string>) => [
        n.id,
        [
          { id: n.aid, name: n.aname, kind: n.akind },
          { id: n.bid, name: n.bname, kind: n.bkind },
        ],
      ]),
    );
    return {
      items: items.map((c) => ({ ...c, participants: byMeeting.get(c.meetingId) ?? [] })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Locks the row, refuses a stale version with 409, applies `fn` and saves. */
  private async change(
    eventId: string,
    id: string,
    version: number,
    fn: (c: CommitmentEntity, meeting: MeetingDay) => Promise<void>,
  ): Promise<CommitmentEntity> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(CommitmentEntity);
      const c = await repo.findOne({ where: { id, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw notFound(NOUNS.commitment, id);
      if (c.version !== version) throw versionConflict(c);
      const meeting = await this.meeting(m, eventId, c.meetingId);
      await fn(c, meeting ?? { status: 'held', day: null, timeZone: 'America/Guayaquil' });
      return repo.save(c);
    });
  }

  private async meeting(m: EntityManager, eventId: string, meetingId: string): Promise<MeetingDay | null> {
    const [row] = await m.query(
      `SELECT m.status, e.time_zone, s.starts_at FROM meetings m JOIN events e ON e.id = m.event_id LEFT JOIN slots s ON s.id = m.slot_id
        WHERE m.id = $1 AND m.event_id = $2`,
      [meetingId, eventId],
    );
    return row ? { status: row.status, timeZone: row.time_zone, day: row.starts_at ? localDay(row.starts_at, row.time_zone) : null } : null;
  }
}

/** Dates in order: a stage or review day cannot precede what it follows (the meeting, the previous stage, the event). */
function dateIssues(field: string, date: string, notBefore: string | null, whatEs: string, whatEn: string): FieldProblem[] {
  if (notBefore && date < notBefore)
    return [fieldProblem(field, `No puede ser anterior a ${whatEs} (${notBefore})`, `Cannot be before ${whatEn} (${notBefore})`)];
  return [];
}

/**
 * Without a date, today in the event's time zone, but never before what it follows: a
 * meeting recorded ahead of its day (a rehearsal, a late clock) still takes a commitment.
 */
const defaultDay = (timeZone: string, notBefore: string | null) => {
  const today = localDay(new Date(), timeZone);
  return notBefore && notBefore > today ? notBefore : today;
};
