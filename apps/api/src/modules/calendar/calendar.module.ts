import { Module } from '@nestjs/common';
import { CalendarFeedController, MeCalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The participant's calendar feed (webcal subscription). */
@Module({
  controllers: [MeCalendarController, CalendarFeedController],
  providers: [CalendarService],
})
export class CalendarModule {}
