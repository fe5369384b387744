import { contextOf, pct, round } from './context';
import { NEXT_STEP_LABELS } from './labels';
import { COMMITMENT_STAGES, NEXT_STEP_CODES, type ReportData, type ReportTable } from './model';
import { labelledParticipation, participationRows, type LabelledParticipation } from './participation';

export interface SummaryFigures {
  /** Every meeting row: all that were ever requested, whatever happened next. */
  requested: number;
  /** Still waiting for an answer when the report was made. */
  pending: number;
  /** Accepted but never placed on the schedule. */
  acceptedUnscheduled: number;
  declined: number;
  expired: number;
  /** Cancelled before getting a slot. */
  withdrawn: number;
  /** Ever placed: scheduled, checked_in, held, no_show, or cancelled with a slot. */
  scheduled: number;
  /** Placed and still open (scheduled or checked_in) at report time. */
  open: number;
  held: number;
  noShow: number;
  /** All cancellations, before or after scheduling. */
  cancelled: number;
  cancelledAfterScheduling: number;
  rates: {
    /** (scheduled + accepted) / (scheduled + accepted + declined). */
    acceptance: number;
    /** scheduled / requested. */
    scheduling: number;
    /** held / scheduled. */
    held: number;
    /** no_show / scheduled. */
    noShow: number;
    /** cancelled after scheduling / scheduled. */
    cancellation: number;
    /** declined / requested. */
    decline: number;
    /** expired / requested. */
    expiry: number;
  };
  byOrigin: Record<string, number>;
  participants: { gadms: number; cooperants: number; gadmsWithHeld: number; cooperantsWithHeld: number };
  /** GADMs in the Jornada, with demands, with and without a meeting held: the shared definitions. */
  gadmParticipation: LabelledParticipation;
  outcomes: {
    /** Held meetings with at least one side's outcome form. */
    meetingsWithOutcome: number;
    /** Mean interest (1..5) over all outcome forms; 0 when none. */
    meanInterest: number;
    /** Meetings in which either side named the next step. */
    nextSteps: Record<string, number>;
  };
  commitments: { count: number; active: number; activeAmountUsd: number; signedOrLaterAmountUsd: number };
}

export type SummaryReport = ReportTable & { figures: SummaryFigures };

/** Keys the summary rows had before the participation figures were shared (kept for API clients). */
const GADM_LINE_KEYS: Partial<Record<string, string>> = { inJornada: 'gadms', withMeetings: 'gadmsWithHeld' };

const ACTIVE_STAGES = new Set<string>(COMMITMENT_STAGES.filter((s) => s !== 'dropped'));
const SIGNED_OR_LATER = new Set<string>(['signed', 'execution', 'closed']);

/** Key figures of the event: counts by status and the rates organisers quote. */
export function summary(data: ReportData): SummaryReport {
  const ctx = contextOf(data);
  const meetings = data.meetings ?? [];
  const f: SummaryFigures = {
    requested: meetings.length,
    pending: 0,
    acceptedUnscheduled: 0,
    declined: 0,
    expired: 0,
    withdrawn: 0,
    scheduled: 0,
    open: 0,
    held: 0,
    noShow: 0,
    cancelled: 0,
    cancelledAfterScheduling: 0,
    rates: { acceptance: 0, scheduling: 0, held: 0, noShow: 0, cancellation: 0, decline: 0, expiry: 0 },
    byOrigin: {},
    participants: { gadms: 0, cooperants: 0, gadmsWithHeld: 0, cooperantsWithHeld: 0 },
    gadmParticipation: labelledParticipation(data, { metric: 'held' }),
    outcomes: { meetingsWithOutcome: 0, meanInterest: 0, nextSteps: Object.fromEntries(NEXT_STEP_CODES.map((c) => [c, 0])) },
    commitments: { count: 0, active: 0, activeAmountUsd: 0, signedOrLaterAmountUsd: 0 },
  };
  const withHeld = new Set<string>();
  meetings.forEach((m, i) => {
    const placed = ctx.placed[i];
    if (placed) f.scheduled++;
    f.byOrigin[m.origin ?? ''] = (f.byOrigin[m.origin ?? ''] ?? 0) + 1;
    switch (m.status) {
      case 'requested':
        f.pending++;
        break;
      case 'accepted':
        f.acceptedUnscheduled++;
        break;
      case 'declined':
        f.declined++;
        break;
      case 'expired':
        f.expired++;
        break;
      case 'scheduled':
      case 'checked_in':
        f.open++;
        break;
      case 'held':
        f.held++;
        withHeld.add(m.participantAId);
        withHeld.add(m.participantBId);
        break;
      case 'no_show':
        f.noShow++;
        break;
      case 'cancelled':
        f.cancelled++;
        if (placed) f.cancelledAfterScheduling++;
        else f.withdrawn++;
        break;
      default:
        break;
    }
  });
  for (const p of data.participants ?? []) {
    if (p.kind === 'gadm') {
      f.participants.gadms++;
      if (withHeld.has(p.id)) f.participants.gadmsWithHeld++;
    } else if (p.kind === 'cooperant') {
      f.participants.cooperants++;
      if (withHeld.has(p.id)) f.participants.cooperantsWithHeld++;
    }
  }
  const accepted = f.scheduled + f.acceptedUnscheduled;
  f.rates = {
    acceptance: pct(accepted, accepted + f.declined),
    scheduling: pct(f.scheduled, f.requested),
    held: pct(f.held, f.scheduled),
    noShow: pct(f.noShow, f.scheduled),
    cancellation: pct(f.cancelledAfterScheduling, f.scheduled),
    decline: pct(f.declined, f.requested),
    expiry: pct(f.expired, f.requested),
  };

  let interestSum = 0;
  let interestN = 0;
  for (const [, outs] of ctx.outcomesByMeeting) {
    f.outcomes.meetingsWithOutcome++;
    const steps = new Set<string>();
    for (const o of outs) {
      if (Number.isFinite(o.interest)) {
        interestSum += o.interest;
        interestN++;
      }
      for (const s of o.nextSteps ?? []) steps.add(s);
    }
    for (const s of steps) f.outcomes.nextSteps[s] = (f.outcomes.nextSteps[s] ?? 0) + 1;
  }
  f.outcomes.meanInterest = interestN ? round(interestSum / interestN, 2) : 0;

  for (const c of data.commitments ?? []) {
    f.commitments.count++;
    if (ACTIVE_STAGES.has(c.stage)) {
      f.commitments.active++;
      f.commitments.activeAmountUsd += c.amountUsd ?? 0;
    }
    if (SIGNED_OR_LATER.has(c.stage)) f.commitments.signedOrLaterAmountUsd += c.amountUsd ?? 0;
  }

  type Line = [key: string, es: string, en: string, value: number];
  const lines: Line[] = [
    ['requested', 'Reuniones solicitadas', 'Meetings requested', f.requested],
    ['pending', 'Solicitudes sin respuesta', 'Requests left unanswered', f.pending],
    ['declined', 'Solicitudes rechazadas', 'Requests declined', f.declined],
    ['expired', 'Solicitudes vencidas', 'Requests expired', f.expired],
    ['withdrawn', 'Solicitudes retiradas antes de agendar', 'Requests withdrawn before scheduling', f.withdrawn],
    ['acceptedUnscheduled', 'Aceptadas sin agendar', 'Accepted, never scheduled', f.acceptedUnscheduled],
    ['scheduled', 'Reuniones agendadas', 'Meetings scheduled', f.scheduled],
    ['held', 'Reuniones realizadas', 'Meetings held', f.held],
    ['noShow', 'Inasistencias', 'No-shows', f.noShow],
    ['cancelledAfterScheduling', 'Canceladas después de agendar', 'Cancelled after scheduling', f.cancelledAfterScheduling],
    ['open', 'Agendadas sin cierre', 'Scheduled, not closed', f.open],
    ['acceptanceRate', 'Tasa de aceptación (%)', 'Acceptance rate (%)', f.rates.acceptance],
    ['schedulingRate', 'Tasa de agendamiento (%)', 'Scheduling rate (%)', f.rates.scheduling],
    ['heldRate', 'Tasa de realización (%)', 'Held rate (%)', f.rates.held],
    ['noShowRate', 'Tasa de inasistencia (%)', 'No-show rate (%)', f.rates.noShow],
    ['cancellationRate', 'Tasa de cancelación (%)', 'Cancellation rate (%)', f.rates.cancellation],
    // The GADM figures of every document: the same definitions and words (participation.ts).
    ...participationRows(f.gadmParticipation).map((r): Line => [
      GADM_LINE_KEYS[r.key] ?? `gadms_${r.key}`,
      r.label.es,
      r.label.en,
      r.value,
    ]),
    ['cooperants', 'Cooperantes inscritos en la Jornada', 'Cooperants registered for the event', f.participants.cooperants],
    [
      'cooperantsWithHeld',
      'Cooperantes con al menos una reunión realizada',
      'Cooperants with at least one meeting held',
      f.participants.cooperantsWithHeld,
    ],
    ['meetingsWithOutcome', 'Reuniones con resultados registrados', 'Meetings with recorded outcomes', f.outcomes.meetingsWithOutcome],
    ['meanInterest', 'Interés medio (1–5)', 'Mean interest (1–5)', f.outcomes.meanInterest],
    ...NEXT_STEP_CODES.map((c): Line => [
      `next_${c}`,
      `Próximo paso: ${NEXT_STEP_LABELS[c].es}`,
      `Next step: ${NEXT_STEP_LABELS[c].en}`,
      f.outcomes.nextSteps[c] ?? 0,
    ]),
    ['commitments', 'Compromisos registrados', 'Commitments recorded', f.commitments.count],
    ['activeCommitments', 'Compromisos vigentes (no descartados)', 'Active commitments (not dropped)', f.commitments.active],
    ['activeAmountUsd', 'Monto de compromisos vigentes (USD)', 'Active commitment amount (USD)', f.commitments.activeAmountUsd],
    ['signedAmountUsd', 'Monto firmado o en ejecución (USD)', 'Amount signed or in execution (USD)', f.commitments.signedOrLaterAmountUsd],
  ];
  return {
    columns: [
      { key: 'indicator', es: 'Indicador', en: 'Indicator', type: 'text' },
      { key: 'indicatorEn', es: 'Indicador (inglés)', en: 'Indicator (English)', type: 'text' },
      { key: 'value', es: 'Valor', en: 'Value', type: 'number' },
    ],
    rows: lines.map(([key, es, en, value]) => ({ key, indicator: es, indicatorEn: en, value })),
    figures: f,
  };
}
