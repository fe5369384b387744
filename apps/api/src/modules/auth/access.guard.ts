import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/errors';
import { AuthService } from './auth.service';
import { Audience, AUDIENCE_KEY, Principal, PUBLIC_KEY } from './principal';

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
    if (!principal) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', {
        es: 'Se requiere un token válido (Authorization: Bearer …)',
        en: 'A valid token is required (Authorization: Bearer …)',
      });
    }
    req.principal = principal;
    const audience = this.reflector.getAllAndOverride<Audience[]>(AUDIENCE_KEY, targets) ?? ORGANISERS;
    if (!audience.includes(audienceOf(principal))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', {
        es: 'No tiene permiso para esta operación',
        en: 'You are not allowed to do this',
      });
    }
    return true;
  }
}

export function bearer(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1] : null;
}

const audienceOf = (p: Principal): Audience => (p.type === 'user' ? p.role : 'participant');
