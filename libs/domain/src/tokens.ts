import { createHash, randomBytes } from 'node:crypto';

/** Organiser session tokens start with this (participant links with `rp_`): a token says what it opens. */
export const ORGANISER_PREFIX = 'ro_';

/** 256 random bits behind a prefix that says what the token opens: unguessable, safe in a URL. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, never the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
