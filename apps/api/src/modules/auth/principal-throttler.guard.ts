import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { DomainError } from '@rueda/domain';
import { HttpThrottlerGuard } from '../../platform/http-throttler.guard';
import { principalOf } from './access.guard';
import { AuthService } from './auth.service';
import { Principal } from './principal';

/** The key a principal's requests are counted under, whichever node, address or device they come from. */
export const principalKey = (p: Principal) =>
  p.type === 'participant' ? `participant:${p.participantId}` : `${p.type}:${'userId' in p ? p.userId : ''}`;

/**
 * HTTP rate limits per principal: a venue where everybody shares one Wi-Fi address must not
 * throttle each other's agendas. Only requests without a valid token (logins, guessed links)
 * are counted per address. Sockets have their own limiter (LiveRateLimiter): this guard skips them.
 */
@Injectable()
export class PrincipalThrottlerGuard extends HttpThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly auth: AuthService,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const p = await principalOf(req as Parameters<typeof principalOf>[0], this.auth);
    return p ? principalKey(p) : `ip:${String(req.ip)}`;
  }

  protected override async throwThrottlingException(_ctx: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    throw new DomainError(
      'too_many',
      'rate_limited',
      { es: `Demasiadas solicitudes: espere ${seconds} s y vuelva a intentarlo`, en: `Too many requests: wait ${seconds} s and try again` },
      { details: { retryAfterSeconds: seconds } },
    );
  }
}
