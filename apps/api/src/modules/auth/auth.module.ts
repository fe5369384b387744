import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { QueueDashboardSessionController, QueueDashboardSessions } from '../../platform/queue-dashboard';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PrincipalThrottlerGuard } from './principal-throttler.guard';
import { UsersController } from './users.controller';

/**
 * Organiser sessions, participant links, users, queue dashboard sessions; the guards every
 * route passes, in this order: the rate limit (per principal), then the access check.
 */
@Module({
  controllers: [AuthController, UsersController, QueueDashboardSessionController],
  providers: [
    AuthService,
    QueueDashboardSessions,
    { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, QueueDashboardSessions],
})
export class AuthModule {}
