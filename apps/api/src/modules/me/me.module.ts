import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { MeController } from './me.controller';

/** What a participant reaches through its personal link. */
@Module({ imports: [MeetingsModule, MatchingModule], controllers: [MeController] })
export class MeModule {}
