import { allow, itself } from './authorization';
import type { Audience, Principal } from './ports/principal';

/**
 * Who may act on a participant's behalf, and for what: the one place this is decided.
 *
 * Many GADM delegates never open their link; they arrange meetings by phone, or a table
 * clerk notes what was agreed. So organisers may request meetings, answer requests and record
 * outcomes for a participant; such acts are stored as done by staff, with the user's id
 * (outcomes: filledBy `staff`). What only the participant decides stays with its link:
 * withdrawing its own request and anything under `/me` (an organiser token is refused there,
 * a participant link is refused on organiser routes). Data about the participant itself
 * (profile, delegates, demands, offers) is administration, for admins only.
 */
export const ON_BEHALF = {
  /** POST /events/:id/meetings/requests with requesterId */
  requestMeeting: ['admin', 'staff'],
  /** POST /events/:id/meetings/:mid/accept | decline */
  answerRequest: ['admin', 'staff'],
  /** PUT /events/:id/meetings/:mid/outcomes/:pid */
  recordOutcome: ['admin', 'staff'],
} as const satisfies Record<string, readonly Audience[]>;

export type OnBehalfAct = keyof typeof ON_BEHALF;

/** The audience of a route that acts for a participant. */
export const onBehalf = (act: OnBehalfAct): Audience[] => [...ON_BEHALF[act]];

/**
 * The authorisation rule of a use case a participant runs for itself and organisers may run for
 * it: a participant's link for its own event (and, when the command names one, only for itself);
 * otherwise the organiser roles of `act`, and the system (jobs, CLI).
 */
export const forItselfOrOnBehalf =
  (act: OnBehalfAct) =>
  (principal: Principal, command: { eventId: string; participantId?: string }): void => {
    if (principal.type !== 'participant') return allow(...ON_BEHALF[act], 'system')(principal, command);
    if (command.participantId === undefined) return allow('participant')(principal, command);
    itself(principal, { eventId: command.eventId, participantId: command.participantId });
  };
