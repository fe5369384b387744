import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/** What a participant reaches through its personal link. */
@Module({ imports: [MatchingModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
