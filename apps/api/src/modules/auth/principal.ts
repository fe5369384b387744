import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Audience, Principal } from '@rueda/application';

export type { Audience, Principal };

export const AUDIENCE_KEY = 'rueda:audience';
export const PUBLIC_KEY = 'rueda:public';

/**
 * Who may call a route; routes without it are for organisers (admin and staff). Routes that
 * run a use case repeat its audience here so the OpenAPI document and a cheap early refusal
 * agree with it; the use case's own rule is the one that decides.
 */
export const Allow = (...audience: Audience[]) => SetMetadata(AUDIENCE_KEY, audience);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});
