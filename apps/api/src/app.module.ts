import { Module } from '@nestjs/common';
import { PlatformModule } from './platform/platform.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { EventsModule } from './modules/events/events.module';
import { RecordsModule } from './modules/records/records.module';
import { ImportsModule } from './modules/imports/imports.module';
import { MatchingModule } from './modules/matching/matching.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { MeModule } from './modules/me/me.module';
import { SchedulingModule } from './modules/scheduling/scheduling.module';
import { LiveModule } from './modules/live/live.module';
import { OutcomesModule } from './modules/outcomes/outcomes.module';
import { ReportsModule } from './modules/reports/reports.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { ReachModule } from './modules/invitations/reach.module';
import { SelfServiceModule } from './modules/self-service/self-service.module';

/** The API: the platform it stands on and one module per capability (see docs/architecture.md). */
@Module({
  imports: [
    PlatformModule,
    AuthModule,
    HealthModule,
    EventsModule,
    RecordsModule,
    ImportsModule,
    MatchingModule,
    MeetingsModule,
    MeModule,
    SchedulingModule,
    LiveModule,
    OutcomesModule,
    ReportsModule,
    CalendarModule,
    ReachModule,
    SelfServiceModule,
  ],
})
export class AppModule {}
