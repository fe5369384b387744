import { Module } from '@nestjs/common';
import { RECORD_CONTROLLERS } from './records.controllers';
import { RecordsService } from './records.service';

/** Tables, participants, delegates, demands and offers of an event. */
@Module({ controllers: RECORD_CONTROLLERS, providers: [RecordsService], exports: [RecordsService] })
export class RecordsModule {}
