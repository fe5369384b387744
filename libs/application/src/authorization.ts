import { forbidden } from '@rueda/domain';
import { type Audience, audienceOf, type Principal } from './ports/principal';

/**
 * The authorisation rules use cases choose from: one per use case, by audience. Rules that
 * depend on the data (only the asked participant answers a request) live in the use case.
 */
export function allow(...audiences: Audience[]) {
  return (principal: Principal, command?: { eventId?: string }): void => {
    if (!audiences.includes(audienceOf(principal))) throw forbidden();
    // A participant's link is for its own event only.
    if (principal.type === 'participant' && command?.eventId !== undefined && command.eventId !== principal.eventId) throw forbidden();
  };
}

/** Anyone, signed in or not: for public forms, where the rule that decides is the data's (is the form open?). */
export const anyone = (): void => undefined;

/** Admins change the data. */
export const admins = allow('admin', 'system');
/** Only jobs (the system) write what a job computed: drafts, matching runs, export files, mail outcomes. */
export const jobs = (principal: Principal): void => allow('system')(principal);
/** Admins and staff run the day. */
export const organisers = allow('admin', 'staff', 'system');

/**
 * A participant acting on its own data through its own link: anything under `/me` (ADR 9: an
 * organiser token is refused there, as another participant's link is).
 */
export function itself(principal: Principal, command: { eventId: string; participantId: string }): void {
  allow('participant')(principal, command);
  if (principal.type === 'participant' && principal.participantId !== command.participantId) throw forbidden();
}
