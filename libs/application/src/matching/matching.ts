import { z } from 'zod';
import { fieldProblem, invalid, NOUNS, notFound } from '@rueda/domain';
import { matchingJobId, type MatchingJobData, QUEUES } from '@rueda/queues';
import { admins } from '../authorization';
import type { MatchRunRecord } from '../ports/repositories';
import { useCase } from '../use-case';

/** The feedback key a finished run was computed with ("off" for runs made before learning existed). */
export function runFeedbackKey(run: Pick<MatchRunRecord, 'stats'>): string {
  return (run.stats as { feedbackKey?: string }).feedbackKey ?? 'off';
}

export const StartMatchingRunCommand = z.object({ eventId: z.uuid(), top: z.number().int().min(1).max(50).default(10) }).strict();
/** What the route's body carries (the event is the path's). */
export const StartMatchingRunBody = StartMatchingRunCommand.omit({ eventId: true });

/**
 * Starts scoring the event's current data, or returns the run that already covers it: one run
 * and one job per (event, data version), so repeated clicks cost nothing. A run finished before
 * requests were answered (or learning was switched) is scored again under a new data version, so
 * the history stays one run per version. A failed run is queued again, as a new job (the failed
 * one keeps its id in the queue, which would take no second job under it).
 */
export const StartMatchingRun = useCase({
  name: 'StartMatchingRun',
  command: StartMatchingRunCommand,
  authorize: admins,
  async run({ tx, now }, { eventId, top }) {
    const repo = tx.repos.matching;
    const event = await repo.lockForRun(eventId);
    if (!event) throw notFound(NOUNS.event, eventId);
    const feedbackKey = await repo.feedbackKey(eventId, event.learnFromRequests);
    let dataVersion = event.dataVersion;
    const done = await repo.runAt(eventId, dataVersion);
    if (done?.status === 'done' && runFeedbackKey(done) !== feedbackKey) dataVersion = await repo.bumpDataVersion(eventId);
    let run = await repo.ensureRun(eventId, dataVersion);
    if (run.status === 'done') return run;
    let jobId = matchingJobId(eventId, dataVersion);
    if (run.status === 'failed') {
      run = await repo.requeue(run.id);
      jobId = matchingJobId(eventId, dataVersion, now.getTime());
    }
    // Queued or running: handing the same job id over again is a no-op for the queue, and brings
    // the job back if the queue lost it.
    tx.enqueue<MatchingJobData>({
      queue: QUEUES.matching,
      name: 'score-event',
      data: { eventId, dataVersion, runId: run.id, top, feedbackKey },
      options: { jobId },
    });
    return run;
  },
});

export const PairOverrideCommand = z
  .object({ eventId: z.uuid(), demandId: z.uuid(), offerId: z.uuid(), mode: z.enum(['pin', 'block']) })
  .strict();
export const PairOverrideBody = PairOverrideCommand.omit({ eventId: true });

/**
 * An organiser pins or blocks a demand–offer pair of the event; it survives re-scoring, and
 * changes the data version (a trigger) so the next run picks it up.
 */
export const SetPairOverride = useCase({
  name: 'SetPairOverride',
  command: PairOverrideCommand,
  authorize: admins,
  async run({ tx }, { eventId, demandId, offerId, mode }) {
    const known = await tx.repos.matching.pairInEvent(eventId, demandId, offerId);
    if (!known.demand || !known.offer) {
      throw invalid([
        ...(known.demand ? [] : [fieldProblem('demandId', 'demanda desconocida en este evento', 'unknown demand in this event')]),
        ...(known.offer ? [] : [fieldProblem('offerId', 'oferta desconocida en este evento', 'unknown offer in this event')]),
      ]);
    }
    await tx.repos.matching.setOverride(eventId, demandId, offerId, mode);
    return { demandId, offerId, mode };
  },
});

export const ClearPairOverrideCommand = z.object({ eventId: z.uuid(), demandId: z.uuid(), offerId: z.uuid() }).strict();

/** Removes a pin or block (none there: nothing to do). */
export const ClearPairOverride = useCase({
  name: 'ClearPairOverride',
  command: ClearPairOverrideCommand,
  authorize: admins,
  async run({ tx }, { eventId, demandId, offerId }) {
    await tx.repos.matching.clearOverride(eventId, demandId, offerId);
  },
});
