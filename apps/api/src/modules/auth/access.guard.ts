import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from './auth.service';
import { type Audience, audienceOf } from '@rueda/application';
import { forbidden, unauthenticated } from '@rueda/domain';
import { AUDIENCE_KEY, PUBLIC_KEY } from './principal';

const ORGANISERS: Audience[] = ['admin', 'staff'];

/** Every route is guarded: a bearer token is required unless the route is @Public(). */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const token = bearer(req.headers.authorization);
    const principal = token ? await this.auth.resolve(token) : null;
    if (!principal) throw unauthenticated();
    req.principal = principal;
    const audience = this.reflector.getAllAndOverride<Audience[]>(AUDIENCE_KEY, targets) ?? ORGANISERS;
    if (!audience.includes(audienceOf(principal))) throw forbidden();
    return true;
  }
}

export function bearer(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1] : null;
}
