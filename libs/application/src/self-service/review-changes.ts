import { z } from 'zod';
import { conflict, NOUNS, notFound } from '@rueda/domain';
import type { Notice } from '@rueda/notifications';
import { QUEUES } from '@rueda/queues';
import { admins } from '../authorization';
import { actingUserId } from '../ports/principal';
import type { ReviewDecision } from '../ports/repositories';
import { type UseCaseContext, useCase } from '../use-case';

const Path = { eventId: z.uuid(), participantId: z.uuid() };
/** Only these changes (default: all pending of the participant). */
const changeIds = z.array(z.uuid()).max(1000).optional();
const comment = z.string().trim().max(2000);

export const ApproveChangesCommand = z.object({ ...Path, changeIds, comment: comment.optional() }).strict();
export const ReturnChangesCommand = z.object({ ...Path, changeIds, comment: comment.min(1) }).strict();

/** The participant is told by a notice; the notifications job sends it after commit. */
export const notifyJob = (eventId: string) => ({
  queue: QUEUES.notify,
  name: 'dispatch',
  data: { kind: 'dispatch' as const, eventId },
  options: { removeOnComplete: 1000 },
});

async function decide(
  { tx, now, principal }: UseCaseContext,
  cmd: { eventId: string; participantId: string; changeIds?: string[] },
  status: ReviewDecision['status'],
  comment: string | null,
) {
  if ((await tx.repos.participants.name(cmd.eventId, cmd.participantId)) === null) throw notFound(NOUNS.participant, cmd.participantId);
  const ids = await tx.repos.reviews.decide(cmd.participantId, cmd.changeIds, {
    status,
    reviewedBy: actingUserId(principal),
    at: now,
    comment,
  });
  if (ids.length === 0)
    throw conflict('nothing_to_review', {
      es: 'No hay cambios pendientes de revisión para este participante',
      en: 'There are no changes waiting for review for this participant',
    });
  const notice: Notice = status === 'approved' ? { kind: 'review.approved' } : { kind: 'review.returned', comment: comment! };
  // One notice per decision: the same decision delivered twice is told once.
  const dedupeKey = `review:${[...ids].sort()[0]}:${status}`;
  await tx.repos.notifications.insertNotices(cmd.eventId, [{ participantId: cmd.participantId, dedupeKey, notice }]);
  tx.enqueue(notifyJob(cmd.eventId));
  return { status, changes: ids.length };
}

/** An admin approves what a participant changed through its link (the participant is told). */
export const ApproveChanges = useCase({
  name: 'ApproveChanges',
  command: ApproveChangesCommand,
  authorize: admins,
  run: (ctx, cmd) => decide(ctx, cmd, 'approved', null),
});

/** An admin returns a participant's changes with a comment: the participant is told and corrects them through its link. */
export const ReturnChanges = useCase({
  name: 'ReturnChanges',
  command: ReturnChangesCommand,
  authorize: admins,
  run: (ctx, cmd) => decide(ctx, cmd, 'returned', cmd.comment),
});
