import { Module } from '@nestjs/common';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

/** Schedule generation (a worker job), draft editing, publishing. */
@Module({ controllers: [SchedulingController], providers: [SchedulingService] })
export class SchedulingModule {}
