import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@rueda/persistence';

export type Principal =
  | { type: 'user'; userId: string; role: UserRole; email: string; expiresAt?: Date }
  | { type: 'participant'; participantId: string; eventId: string };

export type Audience = UserRole | 'participant';

export const AUDIENCE_KEY = 'rueda:audience';
export const PUBLIC_KEY = 'rueda:public';

/** Who may call a route; routes without it are for organisers (admin and staff). */
export const Allow = (...audience: Audience[]) => SetMetadata(AUDIENCE_KEY, audience);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});
