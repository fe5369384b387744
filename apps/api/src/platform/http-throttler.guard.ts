import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Nest's throttler keys by IP and reads an HTTP response; on socket messages it has neither
 * (every socket shared one counter per handler, and a null payload crashed it). It limits
 * HTTP requests only; socket messages are limited per socket and principal at the gateway.
 */
@Injectable()
export class HttpThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(ctx: ExecutionContext): Promise<boolean> {
    return ctx.getType() !== 'http' || super.shouldSkip(ctx);
  }
}
