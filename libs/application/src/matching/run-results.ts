import { z } from 'zod';
import { NOUNS, notFound } from '@rueda/domain';
import { jobs } from '../authorization';
import { useCase } from '../use-case';

/** A run a job may still write to: a late attempt never reopens a run that is done or failed. */
const OPEN = ['queued', 'running'] as const;

const reason = z.object({ kind: z.string(), detail: z.string(), detailEn: z.string().optional() }).strict();
const score = z.number().min(0).max(1);

export const ReportMatchingProgressCommand = z.object({ runId: z.uuid(), percent: z.number().min(0).max(100) }).strict();

/** The job's progress on its run (running, percent); a run no longer open keeps its state. */
export const ReportMatchingProgress = useCase({
  name: 'ReportMatchingProgress',
  command: ReportMatchingProgressCommand,
  authorize: jobs,
  async run({ tx }, cmd) {
    return { updated: await tx.repos.matching.updateOpenRun(cmd.runId, [...OPEN], { status: 'running', progress: cmd.percent }) };
  },
});

export const CompleteMatchingRunCommand = z
  .object({
    runId: z.uuid(),
    results: z.array(
      z.object({ demandId: z.uuid(), offerId: z.uuid(), rank: z.number().int().min(1), score, reasons: z.array(reason) }).strict(),
    ),
    counterparts: z.array(
      z
        .object({
          participantId: z.uuid(),
          counterpartId: z.uuid(),
          rank: z.number().int().min(1),
          score,
          promoted: z.boolean(),
          pairs: z.array(z.object({ demand: z.string(), offer: z.string(), score: z.number() }).strict()),
        })
        .strict(),
    ),
    stats: z.record(z.string(), z.unknown()),
  })
  .strict();

/**
 * A matching job's results become its run's, whole or not at all (results and counterparts
 * replaced, the run done). A run that is no longer open keeps what it has: a job retried after
 * it was marked failed, or after another attempt finished it, does not rewrite it.
 */
export const CompleteMatchingRun = useCase({
  name: 'CompleteMatchingRun',
  command: CompleteMatchingRunCommand,
  authorize: jobs,
  async run({ tx, now }, cmd) {
    const status = await tx.repos.matching.lockRun(cmd.runId);
    if (!status) throw notFound(NOUNS.matchRun, cmd.runId);
    if (!(OPEN as readonly string[]).includes(status)) return { completed: false, status };
    await tx.repos.matching.saveResults(cmd.runId, cmd.results, cmd.counterparts);
    await tx.repos.matching.updateOpenRun(cmd.runId, [...OPEN], {
      status: 'done',
      progress: 100,
      finishedAt: now,
      error: null,
      stats: cmd.stats,
    });
    return { completed: true, status: 'done' as const };
  },
});

export const FailMatchingJobCommand = z.object({ jobId: z.string().min(1).max(200), error: z.string() }).strict();

/** A matching job that failed for good says so on its run, if the run is still open. */
export const FailMatchingJob = useCase({
  name: 'FailMatchingJob',
  command: FailMatchingJobCommand,
  authorize: jobs,
  async run({ tx, now }, cmd) {
    return { failed: await tx.repos.matching.failRunOfJob(cmd.jobId, [...OPEN], (cmd.error || 'error').slice(0, 1000), now) };
  },
});
