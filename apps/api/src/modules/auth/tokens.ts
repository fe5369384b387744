import { createHash, randomBytes } from 'node:crypto';

/** Organiser tokens and participant access tokens are told apart by their prefix. */
export const ORGANISER_PREFIX = 'ro_';
export const PARTICIPANT_PREFIX = 'rp_';
/** Queue dashboard sessions (a cookie scoped to /queues; never valid as a bearer token). */
export const QUEUES_SESSION_PREFIX = 'rq_';

/** 256 random bits: unguessable, safe in a URL. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
