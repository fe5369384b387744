import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits behind a prefix that says what the token opens: unguessable, safe in a URL. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, never the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
