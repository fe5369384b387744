/** Organiser roles: admins change data, staff read it and run the day. */
export type UserRole = 'admin' | 'staff';

/** Who asks for a use case: an organiser, a participant through its personal link, or the system itself (jobs, CLI). */
export type Principal =
  | { type: 'user'; userId: string; role: UserRole; email: string; expiresAt?: Date }
  | { type: 'participant'; participantId: string; eventId: string }
  | { type: 'system'; name: string };

/** The principal's audience, as routes and use cases name it. */
export type Audience = UserRole | 'participant' | 'system';

export const audienceOf = (p: Principal): Audience => (p.type === 'user' ? p.role : p.type);

/** The user id to record as author, when an organiser acts. */
export const actingUserId = (p: Principal): string | null => (p.type === 'user' ? p.userId : null);

/** The worker, when a job runs a use case (recovery of a freed table, …). */
export const WORKER: Principal = { type: 'system', name: 'worker' };
