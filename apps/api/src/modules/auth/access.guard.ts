import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService, UNKNOWN_TOKEN } from './auth.service';
import { type Audience, audienceOf, type Principal } from '@rueda/application';
import { DomainError, forbidden, unauthenticated } from '@rueda/domain';
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
    const auth = await authenticationOf(req, this.auth);
    if (!('principal' in auth)) {
      const { code, es, en } = auth.refused;
      throw code === 'unauthenticated' ? unauthenticated({ es, en }) : new DomainError('unauthenticated', code, { es, en });
    }
    const principal = auth.principal;
    req.principal = principal;
    const audience = this.reflector.getAllAndOverride<Audience[]>(AUDIENCE_KEY, targets) ?? ORGANISERS;
    if (!audience.includes(audienceOf(principal))) throw forbidden();
    return true;
  }
}

/**
 * Who sent an HTTP request (from its bearer token), resolved once per request: the rate
 * limiter counts by it before the access guard checks it.
 */
type AuthenticatedRequest = { headers: { authorization?: unknown }; authentication?: ReturnType<AuthService['authenticate']> };

function authenticationOf(req: AuthenticatedRequest, auth: AuthService): ReturnType<AuthService['authenticate']> {
  if (!req.authentication) {
    const token = bearer(req.headers.authorization);
    req.authentication = token
      ? auth.authenticate(token).catch(() => ({ refused: UNKNOWN_TOKEN }))
      : Promise.resolve({ refused: UNKNOWN_TOKEN });
  }
  return req.authentication;
}

export async function principalOf(req: AuthenticatedRequest, auth: AuthService): Promise<Principal | null> {
  const r = await authenticationOf(req, auth);
  return 'principal' in r ? r.principal : null;
}

export function bearer(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1] : null;
}
