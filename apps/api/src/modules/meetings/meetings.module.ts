import { Module } from '@nestjs/common';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/** Meeting requests, answers, organiser-made and mandatory meetings. */
@Module({ controllers: [MeetingsController], providers: [MeetingsService] })
export class MeetingsModule {}
