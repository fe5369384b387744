import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveController } from './live.controller';
import { LiveGateway } from './live.gateway';
import { LiveRateLimiter } from './live-rate-limiter';

/** The day of the event: table statuses, check-ins, delays, walk-ins, moves, proposals, the socket gateway. */
@Module({ imports: [AuthModule], controllers: [LiveController], providers: [LiveGateway, LiveRateLimiter] })
export class LiveModule {}
