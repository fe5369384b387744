/**
 * Learning from the event: meeting requests already answered at this event adjust later
 * recommendations. A cooperant that accepted most requests about a sector sees more demands of
 * that sector; one that declined them, fewer. See the README, "Learning from the event".
 */
export interface RequestOutcome {
  /** The GADM and the cooperant of the request (participant ids), whoever asked. */
  gadm: string;
  cooperant: string;
  /** The demand and offer it was about, when known: they say what the request was about. */
  demand?: string;
  offer?: string;
  accepted: boolean;
}

export interface EventFeedback {
  requests: RequestOutcome[];
  /** Largest change a pair's score can get from feedback (default 0.1, at most 0.5). */
  strength?: number;
}

export const DEFAULT_FEEDBACK_STRENGTH = 0.1;

export function resolveFeedbackStrength(f: EventFeedback | undefined): number {
  if (!f || f.requests.length === 0) return 0;
  const s = f.strength ?? DEFAULT_FEEDBACK_STRENGTH;
  if (!Number.isFinite(s) || s < 0 || s > 0.5) {
    throw new RangeError(`Intensidad de aprendizaje inválida / Invalid feedback strength: ${String(s)} (0..0.5)`);
  }
  return s;
}
