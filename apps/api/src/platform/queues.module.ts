import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ENV, Env, redisConnection } from '@rueda/config';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '@rueda/queues';

/** The API only produces jobs; workers consume them. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        prefix: env.QUEUE_PREFIX,
        // Fail fast on a Redis outage instead of hanging the request; ioredis keeps reconnecting.
        connection: { ...redisConnection(env.REDIS_URL), maxRetriesPerRequest: 1, enableOfflineQueue: false },
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    // Every queue, so the dashboard shows them all and any service can enqueue.
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
