import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '@rueda/persistence';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { DbErrorsFilter } from './common/db-errors.filter';
import { QueuesModule } from './common/queues.module';
import { RedisModule } from './common/redis.module';
import { MatchingController } from './matching/matching.controller';
import { MatchingService } from './matching/matching.service';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';
import { LiveController } from './live/live.controller';
import { LiveGateway } from './live/live.gateway';
import { LIVE_EMITTER, LiveOpsService } from './live/live-ops.service';
import { SchedulingController } from './scheduling/scheduling.controller';
import { SchedulingService } from './scheduling/scheduling.service';
import { ENV, EnvModule } from '@rueda/config';
import type { Env } from '@rueda/config';
import { EventsController } from './events/events.controller';
import { EventsService } from './events/events.service';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { MeController } from './me/me.controller';
import { RECORD_CONTROLLERS } from './records/records.controllers';
import { RecordsService } from './records/records.service';
import { ReferenceController } from './reference/reference.controller';
import { UsersController } from './users/users.controller';
import { CommitmentsController } from './outcomes/commitments.controller';
import { CommitmentsService } from './outcomes/commitments.service';
import { MeOutcomesController } from './outcomes/me-outcomes.controller';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesService } from './outcomes/outcomes.service';
import { MeAgendaController, ParticipantAgendaController } from './reports/agendas.controller';
import { ExportsController } from './reports/exports.controller';
import { ExportsService } from './reports/exports.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';

@Module({
  imports: [
    EnvModule,
    LoggerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({ ...dataSourceOptions(env.DATABASE_URL), autoLoadEntities: false }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => [{ name: 'default', ttl: 60_000, limit: env.API_RATE_PER_MINUTE }],
    }),
    RedisModule,
    QueuesModule,
    TerminusModule,
  ],
  controllers: [
    HealthController,
    ReferenceController,
    AuthController,
    UsersController,
    EventsController,
    ...RECORD_CONTROLLERS,
    ImportsController,
    MatchingController,
    MeetingsController,
    SchedulingController,
    LiveController,
    MeController,
    OutcomesController,
    MeOutcomesController,
    CommitmentsController,
    ReportsController,
    ExportsController,
    ParticipantAgendaController,
    MeAgendaController,
  ],
  providers: [
    AuthService,
    EventsService,
    RecordsService,
    ImportsService,
    MatchingService,
    MeetingsService,
    SchedulingService,
    LiveOpsService,
    OutcomesService,
    CommitmentsService,
    ReportsService,
    ExportsService,
    LiveGateway,
    { provide: LIVE_EMITTER, useExisting: LiveGateway },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: DbErrorsFilter },
  ],
})
export class AppModule {}
