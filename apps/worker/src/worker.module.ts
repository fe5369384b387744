import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ENV, Env, EnvModule, loggerParams, redisConnection } from '@rueda/config';
import { dataSourceOptions } from '@rueda/persistence';
import { MaintenanceProcessor } from './maintenance.processor';
import { MatchingProcessor } from './matching/matching.processor';
import { MatchingFailuresListener, SchedulingFailuresListener } from './failed-jobs.listener';
import { SchedulingProcessor } from './scheduling/scheduling.processor';
import { ExportsProcessor } from './exports/exports.processor';
import { RecoveryProcessor } from './live/recovery.processor';
import { WorkerApplicationModule } from './application.module';
import { CampaignsProcessor } from './mail/campaigns.processor';
import { MailProcessor } from './mail/mail.processor';
import { MailTransport } from './mail/mail-transport';
import { NotificationChannels } from './notify/channels';
import { NotifyProcessor } from './notify/notify.processor';

/** BullMQ processors only: no HTTP server. Scale out by starting more of these. */
@Module({
  imports: [
    EnvModule,
    LoggerModule.forRootAsync({ inject: [ENV], useFactory: (env: Env) => loggerParams(env) }),
    TypeOrmModule.forRootAsync({ inject: [ENV], useFactory: (env: Env) => dataSourceOptions(env.DATABASE_URL) }),
    BullModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        prefix: env.QUEUE_PREFIX,
        connection: { ...redisConnection(env.REDIS_URL), maxRetriesPerRequest: null },
      }),
    }),
    WorkerApplicationModule,
  ],
  providers: [
    MailTransport,
    MailProcessor,
    CampaignsProcessor,
    NotificationChannels,
    NotifyProcessor,
    RecoveryProcessor,
    ExportsProcessor,
    MatchingProcessor,
    SchedulingProcessor,
    MaintenanceProcessor,
    MatchingFailuresListener,
    SchedulingFailuresListener,
  ],
})
export class WorkerModule {}
