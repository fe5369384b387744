import { loadTaxonomy, type Taxonomy } from '@rueda/domain';
import { addTo, contextOf, emptyCounts, pct, type Counts, type ReportContext } from './context';
import { UNCLASSIFIED } from './labels';
import type { ReportColumn, ReportData, ReportMeeting, ReportTable } from './model';

export type Dimension = 'sectors' | 'ods' | 'competencias' | 'modalidades';

const EMPTY: readonly string[] = [];

/**
 * Codes a meeting is attributed to: those of its demand, else those of its offer (what the
 * GADM asked for says more about the meeting than what the cooperant offers in general),
 * else none. Offers carry no competencias, so those come from demands only.
 */
export function meetingCodes(ctx: ReportContext, m: ReportMeeting, dim: Dimension): readonly string[] {
  const demand = m.demandId != null ? ctx.demands.get(m.demandId) : undefined;
  let codes: readonly (string | number)[] | undefined = demand?.[dim];
  if (!codes?.length && dim !== 'competencias') {
    const offer = m.offerId != null ? ctx.offers.get(m.offerId) : undefined;
    codes = offer?.[dim];
  }
  if (!codes?.length) return EMPTY;
  if (codes.length === 1) return [String(codes[0])];
  return [...new Set(codes.map(String))];
}

export interface CodeLabel {
  code: string;
  es: string;
  en: string;
}

/** Taxonomy entries of a dimension, in taxonomy order (stable across events, so reports compare). */
export function dimensionLabels(dim: Dimension, taxonomy: Taxonomy = loadTaxonomy()): CodeLabel[] {
  switch (dim) {
    case 'sectors':
      return taxonomy.sectores.map((s) => ({ code: s.code, es: s.es, en: s.en }));
    case 'competencias':
      return taxonomy.competencias.map((c) => ({ code: c.code, es: c.es, en: c.en }));
    case 'modalidades':
      return taxonomy.modalidades.map((c) => ({ code: c.code, es: c.es, en: c.en }));
    case 'ods':
      return taxonomy.ods.map((o) => ({ code: String(o.code), es: `ODS ${o.code}: ${o.es}`, en: `SDG ${o.code}: ${o.en}` }));
  }
}

export interface ClassificationEntry extends CodeLabel {
  counts: Counts;
  /** Commitments not dropped, and their amount, from meetings attributed here. */
  commitments: number;
  amountUsd: number;
}

export type ClassificationReport = ReportTable & {
  dimension: Dimension;
  entries: ClassificationEntry[];
  /** Meetings attributed to more than one code: they count in each, so columns add up to more than the total. */
  multiCoded: number;
  totalHeld: number;
};

const DIMENSION_LABELS: Record<Dimension, { es: string; en: string }> = {
  sectors: { es: 'Sector', en: 'Sector' },
  ods: { es: 'ODS', en: 'SDG' },
  competencias: { es: 'Competencia', en: 'Competence' },
  modalidades: { es: 'Modalidad', en: 'Modality' },
};

function byDimension(data: ReportData, dim: Dimension): ClassificationReport {
  const ctx = contextOf(data);
  const entries = new Map<string, ClassificationEntry>();
  for (const l of dimensionLabels(dim)) entries.set(l.code, { ...l, counts: emptyCounts(), commitments: 0, amountUsd: 0 });
  const unclassified: ClassificationEntry = { ...UNCLASSIFIED, counts: emptyCounts(), commitments: 0, amountUsd: 0 };

  let multiCoded = 0;
  let totalHeld = 0;
  const meetings = data.meetings ?? [];
  for (let i = 0; i < meetings.length; i++) {
    const m = meetings[i];
    const codes = meetingCodes(ctx, m, dim);
    if (codes.length > 1) multiCoded++;
    if (m.status === 'held') totalHeld++;
    let commitments = 0;
    let amount = 0;
    for (const c of ctx.commitmentsByMeeting.get(m.id) ?? []) {
      if (c.stage === 'dropped') continue;
      commitments++;
      amount += c.amountUsd ?? 0;
    }
    const targets = codes.length ? codes : [UNCLASSIFIED.code];
    for (const code of targets) {
      let e = code === UNCLASSIFIED.code ? unclassified : entries.get(code);
      // A code missing from the taxonomy is still reported under its own name.
      if (!e) entries.set(code, (e = { code, es: code, en: code, counts: emptyCounts(), commitments: 0, amountUsd: 0 }));
      addTo(e.counts, m, ctx.placed[i]);
      e.commitments += commitments;
      e.amountUsd += amount;
    }
  }
  const list = [...entries.values(), unclassified];
  const label = DIMENSION_LABELS[dim];
  const columns: ReportColumn[] = [
    { key: 'code', es: 'Código', en: 'Code', type: 'text' },
    { key: 'label', es: label.es, en: `${label.en} (ES)`, type: 'text' },
    { key: 'labelEn', es: `${label.es} (inglés)`, en: label.en, type: 'text' },
    { key: 'requested', es: 'Solicitadas', en: 'Requested', type: 'int' },
    { key: 'scheduled', es: 'Agendadas', en: 'Scheduled', type: 'int' },
    { key: 'held', es: 'Realizadas', en: 'Held', type: 'int' },
    { key: 'noShow', es: 'Inasistencias', en: 'No-shows', type: 'int' },
    { key: 'heldShare', es: 'Realizadas (% del total)', en: 'Held (% of total)', type: 'percent' },
    { key: 'commitments', es: 'Compromisos vigentes', en: 'Active commitments', type: 'int' },
    { key: 'amountUsd', es: 'Monto comprometido (USD)', en: 'Committed amount (USD)', type: 'usd' },
  ];
  return {
    columns,
    rows: list.map((e) => ({
      code: e.code,
      label: e.es,
      labelEn: e.en,
      requested: e.counts.requested,
      scheduled: e.counts.placed,
      held: e.counts.held,
      noShow: e.counts.noShow,
      heldShare: pct(e.counts.held, totalHeld),
      commitments: e.commitments,
      amountUsd: e.amountUsd,
    })),
    dimension: dim,
    entries: list,
    multiCoded,
    totalHeld,
  };
}

/** Meetings by sector of their demand (else offer). */
export const bySector = (data: ReportData): ClassificationReport => byDimension(data, 'sectors');
/** Meetings by SDG of their demand (else offer). */
export const byOds = (data: ReportData): ClassificationReport => byDimension(data, 'ods');
/** Meetings by municipal competence of their demand. */
export const byCompetencia = (data: ReportData): ClassificationReport => byDimension(data, 'competencias');
/** Meetings by cooperation modality of their demand (else offer). */
export const byModalidad = (data: ReportData): ClassificationReport => byDimension(data, 'modalidades');
