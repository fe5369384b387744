import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RecordsModule } from '../records/records.module';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** Events, their sessions and slots, availability, personal access links. */
@Module({ imports: [AuthModule, RecordsModule], controllers: [EventsController], providers: [EventsService] })
export class EventsModule {}
