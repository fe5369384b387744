import { loadGadms } from '@rueda/domain';
import type { Bilingual } from '@rueda/i18n';
import { contextOf } from './context';
import type { ReportData } from './model';

/**
 * How many GADMs took part, and how far: each figure defined once, with the words that say
 * which it is, for the schedule tab, the After tab, the reports API, the exports and the PDF.
 * "In the Jornada" are the GADMs registered as participants, not the 221 of the official list
 * and not only those with meetings; every GADM in the Jornada is either with or without a
 * meeting, and either with or without a demand, so the parts always add up to the whole.
 */
export interface GadmParticipation {
  /** What "a meeting" means here: held (after the day), or placed on the (draft) schedule. */
  metric: 'held' | 'scheduled';
  /** The cantonal GADMs of Ecuador's official list. */
  reference: number;
  /** Registered as participants of this Jornada. */
  inJornada: number;
  /** In the Jornada with at least one demand. */
  withDemands: number;
  /** In the Jornada without any demand (they can still be asked for meetings). */
  withoutDemands: number;
  /** In the Jornada with at least one meeting request (any outcome). */
  withRequests: number;
  /** In the Jornada with at least one meeting (of the metric). */
  withMeetings: number;
  /** In the Jornada without any meeting (of the metric): withMeetings + withoutMeetings = inJornada. */
  withoutMeetings: number;
  /** With a meeting request but no meeting: the failure organisers care about most. */
  requestedWithoutMeetings: number;
}

export type ParticipationKey = Exclude<keyof GadmParticipation, 'metric'>;

export const PARTICIPATION_KEYS: readonly ParticipationKey[] = [
  'reference',
  'inJornada',
  'withDemands',
  'withoutDemands',
  'withRequests',
  'withMeetings',
  'withoutMeetings',
  'requestedWithoutMeetings',
];

/** The label of each figure, by metric: "GADM con al menos una reunión realizada". */
export function participationLabel(key: ParticipationKey, metric: GadmParticipation['metric']): Bilingual {
  const held = metric === 'held';
  const labels: Record<ParticipationKey, Bilingual> = {
    reference: { es: 'GADM cantonales del Ecuador (lista oficial)', en: 'Cantonal GADMs of Ecuador (official list)' },
    inJornada: { es: 'GADM inscritos en la Jornada', en: 'GADMs registered for the event' },
    withDemands: { es: 'GADM inscritos con demandas', en: 'Registered GADMs with demands' },
    withoutDemands: { es: 'GADM inscritos sin demandas', en: 'Registered GADMs without demands' },
    withRequests: { es: 'GADM con solicitudes de reunión', en: 'GADMs with meeting requests' },
    withMeetings: held
      ? { es: 'GADM con al menos una reunión realizada', en: 'GADMs with at least one meeting held' }
      : { es: 'GADM con al menos una reunión agendada', en: 'GADMs with at least one meeting scheduled' },
    withoutMeetings: held
      ? { es: 'GADM inscritos sin reuniones realizadas', en: 'Registered GADMs without a meeting held' }
      : { es: 'GADM inscritos sin reuniones agendadas', en: 'Registered GADMs without a meeting scheduled' },
    requestedWithoutMeetings: held
      ? { es: 'GADM que pidieron reuniones y no realizaron ninguna', en: 'GADMs that asked for meetings and held none' }
      : { es: 'GADM que pidieron reuniones y no obtuvieron ninguna', en: 'GADMs that asked for meetings and got none' },
  };
  return labels[key];
}

export interface ParticipationOptions {
  metric?: GadmParticipation['metric'];
  /**
   * Meetings placed on a schedule that is not (yet) the live one: a draft under review.
   * When given, "scheduled" means "in this schedule", whatever the meetings' status says.
   */
  placedMeetingIds?: ReadonlySet<string>;
  /** Size of the official list (default: the 221 of the reference data). */
  reference?: number;
}

export function gadmParticipation(data: ReportData, opts: ParticipationOptions = {}): GadmParticipation {
  const metric = opts.metric ?? 'held';
  const ctx = contextOf(data);
  const gadms = new Set((data.participants ?? []).filter((p) => p.kind === 'gadm').map((p) => p.id));
  const withDemands = new Set((data.demands ?? []).map((d) => d.participantId).filter((id) => gadms.has(id)));
  const requested = new Set<string>();
  const met = new Set<string>();
  (data.meetings ?? []).forEach((m, i) => {
    const counts = metric === 'held' ? m.status === 'held' : opts.placedMeetingIds ? opts.placedMeetingIds.has(m.id) : ctx.placed[i];
    for (const id of [m.participantAId, m.participantBId]) {
      if (!gadms.has(id)) continue;
      requested.add(id);
      if (counts) met.add(id);
    }
  });
  let requestedWithoutMeetings = 0;
  for (const id of requested) if (!met.has(id)) requestedWithoutMeetings++;
  return {
    metric,
    reference: opts.reference ?? loadGadms().length,
    inJornada: gadms.size,
    withDemands: withDemands.size,
    withoutDemands: gadms.size - withDemands.size,
    withRequests: requested.size,
    withMeetings: met.size,
    withoutMeetings: gadms.size - met.size,
    requestedWithoutMeetings,
  };
}

export interface ParticipationRow {
  key: ParticipationKey;
  label: Bilingual;
  value: number;
}

/** The figures with their labels, in reading order, for tables, tiles and the web. */
export function participationRows(p: GadmParticipation): ParticipationRow[] {
  return PARTICIPATION_KEYS.map((key) => ({ key, label: participationLabel(key, p.metric), value: p[key] }));
}

/** The figures and their labelled rows, as the API sends them to the console. */
export type LabelledParticipation = GadmParticipation & { rows: ParticipationRow[] };

export function labelledParticipation(data: ReportData, opts: ParticipationOptions = {}): LabelledParticipation {
  const p = gadmParticipation(data, opts);
  return { ...p, rows: participationRows(p) };
}
