/** Organiser tokens and participant access tokens are told apart by their prefix. */
export { ORGANISER_PREFIX } from '@rueda/domain';

/** Queue dashboard sessions (a cookie scoped to /queues; never valid as a bearer token). */
export const QUEUES_SESSION_PREFIX = 'rq_';

// Participant tokens and the helpers are shared with the workers (which email the links).
export { hashToken, newToken, PARTICIPANT_PREFIX } from '@rueda/persistence';
