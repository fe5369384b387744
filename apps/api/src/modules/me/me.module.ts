import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/** What a participant reaches through its personal link. */
@Module({ imports: [MeetingsModule, MatchingModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
