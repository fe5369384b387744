import { Queue } from 'bullmq';
import { Client } from 'pg';
import { redisConnection } from '@rueda/config';
import { matchingJobId, QUEUES } from '@rueda/queues';
import { bearer, eventually, SAMPLE_EVENT, startTestApi, TestApi } from '../support/api';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * A worker process killed in the middle of a job (kill -9: no shutdown, its lock left behind)
 * must not leave the job hanging: another worker takes it up within 30 s, from the lock and
 * stalled-job settings alone (JOB_LOCK_MS, JOB_STALLED_CHECK_MS at their defaults here).
 */
describe('a crashed worker’s job is retried within 30 s', () => {
  let api: TestApi;
  let queue: Queue;
  let crashed: WorkerProcess | undefined;
  let blocker: Client | undefined;

  beforeAll(async () => {
    api = await startTestApi();
    queue = new Queue(QUEUES.matching, { connection: redisConnection(process.env.REDIS_URL!), prefix: process.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await blocker?.end().catch(() => undefined);
    await crashed?.crash();
    await queue?.close();
    await api?.close();
  });

  it('kills a worker process mid-job; the other worker runs the job again in under 30 s and finishes it', async () => {
    const admin = bearer(api.tokens.admin);
    const ev = (await api.http.post('/events').set(admin).send(SAMPLE_EVENT).expect(201)).body;
    const run = (await api.http.post(`/events/${ev.id}/matching/runs`).set(admin).send({ top: 5 }).expect(201)).body;
    const jobId = matchingJobId(ev.id, run.dataVersion);

    // Hold the job mid-way, deterministically: the scoring job reads the event first, and this
    // transaction keeps every reader of the events table waiting until it ends.
    blocker = new Client({ connectionString: api.dbUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');

    crashed = startWorkerProcess();
    const firstStart = await eventually(async () => (await queue.getJob(jobId))?.processedOn ?? undefined, 60_000);
    expect(await queue.getActiveCount()).toBe(1);

    // The surviving worker is already running when the other one dies (as the demo's restarted one would be).
    await api.startWorker();
    await eventually(async () => ((await queue.getWorkersCount()) >= 2 ? true : undefined), 60_000);

    await crashed.crash();
    const killedAt = Date.now();
    const retriedAt = await eventually(
      async () => {
        const job = await queue.getJob(jobId);
        return job?.processedOn && job.processedOn > firstStart && job.processedOn >= killedAt - 1000 ? job.processedOn : undefined;
      },
      60_000,
      200,
    );
    const waited = retriedAt - killedAt;
    expect(waited).toBeLessThan(30_000);

    await blocker.query('COMMIT');
    const done = await eventually(async () => {
      const latest = (await api.http.get(`/events/${ev.id}/matching/runs/latest`).set(admin)).body;
      return latest?.status === 'done' ? latest : undefined;
    }, 60_000);
    expect(done.id).toBe(run.id);
    const job = await queue.getJob(jobId);
    expect(await job!.isCompleted()).toBe(true);
  }, 120_000);
});
