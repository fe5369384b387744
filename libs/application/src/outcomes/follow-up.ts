import { conflict, invalid, NOUNS, notFound, versionConflict } from '@rueda/domain';
import { canAdvance, dateIssues, defaultDay, outcomeDateIssues, outcomeOpen, reviewsFrom, sideOf, STAGE_LABELS } from '@rueda/reporting';
import { organisers } from '../authorization';
import { forItselfOrOnBehalf } from '../on-behalf';
import { actingUserId } from '../ports/principal';
import type { CommitmentMeeting, CommitmentRecord, OutcomeRecord } from '../ports/repositories';
import type { Tx } from '../ports/unit-of-work';
import { useCase } from '../use-case';
import {
  AdvanceCommitmentCommand,
  CreateCommitmentCommand,
  RecordOutcomeCommand,
  ReviewCommitmentCommand,
  UpdateCommitmentCommand,
} from './schemas';

/**
 * One side's outcome of a meeting, created or replaced whole: by the participant through its
 * link once the meeting is held, or by an organiser for it (a paper form) from when it is
 * scheduled; stored as filled by whom.
 */
export const RecordOutcome = useCase({
  name: 'RecordOutcome',
  command: RecordOutcomeCommand,
  authorize: (principal, cmd) =>
    forItselfOrOnBehalf('recordOutcome')(principal, { eventId: cmd.eventId, participantId: cmd.participantId }),
  async run({ tx, principal }, cmd): Promise<OutcomeRecord> {
    const filledBy = principal.type === 'participant' ? 'participant' : 'staff';
    const outcomes = tx.repos.outcomes;
    const meeting = await outcomes.lockMeeting(cmd.eventId, cmd.meetingId);
    const side = meeting ? sideOf(meeting, cmd.participantId) : null;
    if (!meeting || !side) {
      // A participant must not learn that somebody else's meeting exists.
      throw filledBy === 'participant' ? notFound(NOUNS.meeting, cmd.meetingId) : notFound(NOUNS.meetingParticipant, cmd.participantId);
    }
    if (!outcomeOpen(meeting.status, filledBy)) {
      throw conflict('meeting_not_held', {
        es: `Solo se registran resultados de reuniones realizadas (esta está «${meeting.status}»)`,
        en: `Outcomes are recorded for held meetings only (this one is "${meeting.status}")`,
      });
    }
    const issues = outcomeDateIssues(meeting, cmd);
    if (issues.length) throw invalid(issues);
    const existing = await outcomes.lockOutcome(cmd.meetingId, side);
    if (existing && cmd.version !== undefined && existing.version !== cmd.version) throw versionConflict(existing);
    const row =
      existing ?? outcomes.draftOutcome({ eventId: cmd.eventId, meetingId: cmd.meetingId, side, participantId: cmd.participantId });
    Object.assign(row, {
      interest: cmd.interest,
      nextSteps: cmd.nextSteps,
      amountUsd: cmd.amountUsd ?? null,
      contacts: cmd.contacts,
      notes: cmd.notes,
      nextContactDate: cmd.nextContactDate ?? null,
      targetDate: cmd.targetDate ?? null,
      filledBy,
      filledByUserId: filledBy === 'staff' ? actingUserId(principal) : null,
    });
    return outcomes.saveOutcome(row);
  },
});

/** Organisers record a commitment born in a held meeting; its reviews fall 3, 6 and 12 months after the event. */
export const CreateCommitment = useCase({
  name: 'CreateCommitment',
  command: CreateCommitmentCommand,
  authorize: organisers,
  async run({ tx, now, principal }, cmd): Promise<CommitmentRecord> {
    const outcomes = tx.repos.outcomes;
    const meeting = await outcomes.commitmentMeeting(cmd.eventId, cmd.meetingId);
    if (!meeting) throw notFound(NOUNS.meeting, cmd.meetingId);
    if (meeting.status !== 'held') {
      throw conflict('meeting_not_held', {
        es: `Los compromisos nacen de reuniones realizadas (esta está «${meeting.status}»)`,
        en: `Commitments come from held meetings (this one is "${meeting.status}")`,
      });
    }
    const date = cmd.date ?? defaultDay(now, meeting.timeZone, meeting.day);
    const issues = dateIssues('date', date, meeting.day, 'la reunión', 'the meeting');
    if (issues.length) throw invalid(issues);
    const baseDate = (await outcomes.eventEndDate(cmd.eventId)) ?? meeting.day ?? date;
    const amountUsd = cmd.amountUsd ?? null;
    return outcomes.saveCommitment(
      outcomes.draftCommitment({
        eventId: cmd.eventId,
        meetingId: cmd.meetingId,
        title: cmd.title,
        description: cmd.description,
        nextStep: cmd.nextStep ?? null,
        stage: cmd.stage,
        stageDate: date,
        amountUsd,
        baseDate,
        reviews: reviewsFrom(baseDate),
        history: [{ stage: cmd.stage, date, recordedAt: now.toISOString(), amountUsd, note: cmd.note, userId: actingUserId(principal) }],
      }),
    );
  },
});

/** Locks the commitment, refuses a stale version with 409, applies `fn` and saves. */
async function change(
  tx: Tx,
  cmd: { eventId: string; commitmentId: string; version: number },
  fn: (c: CommitmentRecord, meeting: CommitmentMeeting) => void,
): Promise<CommitmentRecord> {
  const outcomes = tx.repos.outcomes;
  const c = await outcomes.lockCommitment(cmd.eventId, cmd.commitmentId);
  if (!c) throw notFound(NOUNS.commitment, cmd.commitmentId);
  if (c.version !== cmd.version) throw versionConflict(c);
  const meeting = await outcomes.commitmentMeeting(cmd.eventId, c.meetingId);
  fn(c, meeting ?? { status: 'held', day: null, timeZone: 'America/Guayaquil' });
  return outcomes.saveCommitment(c);
}

/** A later stage (skipping allowed) or dropped, dated no earlier than the stage before; kept in the history. */
export const AdvanceCommitment = useCase({
  name: 'AdvanceCommitment',
  command: AdvanceCommitmentCommand,
  authorize: organisers,
  run: ({ tx, now, principal }, cmd) =>
    change(tx, cmd, (c, meeting) => {
      if (!canAdvance(c.stage, cmd.stage)) {
        throw conflict(
          'invalid_transition',
          {
            es: `El compromiso está «${STAGE_LABELS[c.stage].es}» y no puede pasar a «${STAGE_LABELS[cmd.stage].es}»: las etapas solo avanzan (o se descartan)`,
            en: `The commitment is "${STAGE_LABELS[c.stage].en}" and cannot become "${STAGE_LABELS[cmd.stage].en}": stages only move forward (or to dropped)`,
          },
          { current: c },
        );
      }
      const date = cmd.date ?? defaultDay(now, meeting.timeZone, c.stageDate);
      const issues = dateIssues('date', date, c.stageDate, 'la etapa anterior', 'the previous stage');
      if (issues.length) throw invalid(issues);
      if (cmd.amountUsd !== undefined) c.amountUsd = cmd.amountUsd;
      c.stage = cmd.stage;
      c.stageDate = date;
      c.history = [
        ...c.history,
        { stage: cmd.stage, date, recordedAt: now.toISOString(), amountUsd: c.amountUsd, note: cmd.note, userId: actingUserId(principal) },
      ];
    }),
});

/** Corrects the title, description, next step or amount (the version read). */
export const UpdateCommitment = useCase({
  name: 'UpdateCommitment',
  command: UpdateCommitmentCommand,
  authorize: organisers,
  run: ({ tx }, cmd) =>
    change(tx, cmd, (c) => {
      if (cmd.title !== undefined) c.title = cmd.title;
      if (cmd.description !== undefined) c.description = cmd.description;
      if (cmd.nextStep !== undefined) c.nextStep = cmd.nextStep;
      if (cmd.amountUsd !== undefined) c.amountUsd = cmd.amountUsd;
    }),
});

/** Records the 3-, 6- or 12-month review, with the stage the commitment was in. */
export const ReviewCommitment = useCase({
  name: 'ReviewCommitment',
  command: ReviewCommitmentCommand,
  authorize: organisers,
  run: ({ tx, now }, cmd) =>
    change(tx, cmd, (c, meeting) => {
      const date = cmd.date ?? defaultDay(now, meeting.timeZone, c.baseDate);
      const issues = dateIssues('date', date, c.baseDate, 'el fin del evento', 'the end of the event');
      if (issues.length) throw invalid(issues);
      c.reviews = c.reviews.map((r) => (r.months === cmd.months ? { ...r, reviewedOn: date, stage: c.stage, note: cmd.note } : r));
    }),
});
