import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { redisConnection } from '@rueda/config';
import { OutboxDispatcher } from '@rueda/delivery';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '@rueda/queues';
import { createTestDatabase } from '../support/database';

/**
 * A job keeps its retry policy whichever process hands it to its queue. After a Redis outage the
 * worker's outbox relay handed over the API's schedule job on a queue without default options:
 * one attempt, and a single transient failure (a deadlock, in the fault bench) failed it for good.
 */
describe('outbox hand-over: job options', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let queue: Queue;
  beforeAll(async () => {
    db = await createTestDatabase();
    // As the worker registers its queues: no defaultJobOptions.
    queue = new Queue(QUEUES.scheduling, { connection: redisConnection(process.env.REDIS_URL!), prefix: `oj${Date.now().toString(36)}` });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.drop();
  });

  it('adds the default attempts and backoff, and keeps what the job sets itself', async () => {
    const dispatcher = new OutboxDispatcher({
      db: db.dataSource,
      queues: new Map([[QUEUES.scheduling, queue]]),
      live: () => undefined,
      relayEveryMs: 60_000,
    });
    const job = (jobId: string, options?: Record<string, unknown>) => ({
      outboxId: randomUUID(),
      queue: QUEUES.scheduling,
      name: 'schedule',
      jobId,
      data: {},
      ...(options ? { options } : {}),
    });
    dispatcher.dispatch({ messages: [], jobs: [job('plain'), job('own', { attempts: 20 })] });
    await dispatcher.stop();
    const plain = await queue.getJob('plain');
    expect(plain?.opts).toMatchObject({ attempts: DEFAULT_JOB_OPTIONS.attempts, backoff: DEFAULT_JOB_OPTIONS.backoff });
    expect((await queue.getJob('own'))?.opts.attempts).toBe(20);
  });
});
