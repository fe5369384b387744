import { GADM_SIZE_LABELS, gadmSizeClass, loadGadms, normalizeInec, type GadmRef, type GadmSize } from '@rueda/domain';
import { addTo, contextOf, emptyCounts, pct, type Counts } from './context';
import { distribution, histogram, type Distribution, type HistogramBin } from './fairness';
import type { ReportColumn, ReportData, ReportTable } from './model';
import { participationLabel } from './participation';

export type FairnessMetric = 'held' | 'scheduled';

export interface GadmReportOptions {
  /** What counts as "a meeting" for the fairness picture (default: held). */
  metric?: FairnessMetric;
  /** The GADMs that should have had a chance (default: the 221 of the reference). */
  reference?: readonly GadmRef[];
}

export interface GadmRow {
  inecCode: string;
  canton: string;
  /** Participant name; '' when the GADM did not take part. */
  name: string;
  participantId?: string;
  province: string;
  provinceCode: string;
  region: string;
  size: GadmSize;
  participated: boolean;
  counts: Counts;
  /** Distinct counterparts in held meetings. */
  counterparts: number;
}

export interface GroupFairness {
  key: string;
  label: string;
  /** GADMs in the group (reference plus participating GADMs outside it). */
  gadms: number;
  participating: number;
  distribution: Distribution;
}

export interface Fairness {
  metric: FairnessMetric;
  overall: Distribution;
  /** The same figures over participating GADMs only: access once registered. */
  participatingOnly: Distribution;
  histogram: HistogramBin[];
  byRegion: GroupFairness[];
  byProvince: GroupFairness[];
  bySize: GroupFairness[];
}

export type GadmReport = ReportTable & {
  gadms: GadmRow[];
  fairness: Fairness;
  tables: { overview: ReportTable; histogram: ReportTable; byRegion: ReportTable; byProvince: ReportTable; bySize: ReportTable };
};

/** A row's size as the report prints it: 'Pequeño' / 'Grande' in the per-GADM table. */
const SIZE_WORD: Record<GadmSize, string> = { large: 'Grande', small: 'Pequeño' };

const GROUP_COLUMNS = (first: ReportColumn[]): ReportColumn[] => [
  ...first,
  { key: 'gadms', es: 'GADM', en: 'GADMs', type: 'int' },
  { key: 'participating', es: 'GADM inscritos', en: 'Registered GADMs', type: 'int' },
  { key: 'withMeeting', es: 'GADM con al menos una reunión', en: 'GADMs with at least one meeting', type: 'int' },
  { key: 'share', es: 'GADM con al menos una reunión (%)', en: 'GADMs with at least one meeting (%)', type: 'percent' },
  { key: 'meetings', es: 'Reuniones', en: 'Meetings', type: 'int' },
  { key: 'mean', es: 'Media por GADM', en: 'Mean per GADM', type: 'number' },
  { key: 'gini', es: 'Coeficiente de Gini', en: 'Gini coefficient', type: 'number' },
];

const groupRow = (g: GroupFairness, first: Record<string, string>) => ({
  ...first,
  gadms: g.gadms,
  participating: g.participating,
  withMeeting: g.distribution.withAtLeastOne,
  share: g.distribution.shareWithAtLeastOne,
  meetings: g.distribution.total,
  mean: g.distribution.mean,
  gini: g.distribution.gini,
});

/**
 * Per-GADM figures and the fairness picture: how held (or scheduled) meetings spread over
 * every GADM that could have come, not only those that did. GADMs are matched to the
 * reference by INEC code (participant externalId); a participating GADM outside the
 * reference is kept as an extra unit rather than dropped.
 */
export function byGadm(data: ReportData, opts: GadmReportOptions = {}): GadmReport {
  const ctx = contextOf(data);
  const metric = opts.metric ?? 'held';
  const reference = opts.reference ?? loadGadms();

  const rows = new Map<string, GadmRow>();
  for (const g of reference) {
    rows.set(g.inecCode, {
      inecCode: g.inecCode,
      canton: g.canton,
      name: '',
      province: g.province,
      provinceCode: g.provinceCode,
      region: g.region,
      size: gadmSizeClass({ inecCode: g.inecCode }),
      participated: false,
      counts: emptyCounts(),
      counterparts: 0,
    });
  }
  // Participant id → row, for the meeting pass.
  const byParticipant = new Map<string, GadmRow>();
  for (const p of data.participants ?? []) {
    if (p.kind !== 'gadm') continue;
    const code = normalizeInec(p.externalId);
    let row = rows.get(code);
    if (!row) {
      row = {
        inecCode: code,
        canton: p.name,
        name: '',
        province: p.province ?? '',
        provinceCode: p.provinceCode ?? '',
        region: p.region ?? '',
        size: 'small',
        participated: false,
        counts: emptyCounts(),
        counterparts: 0,
      };
      rows.set(code || `participant:${p.id}`, row);
    }
    row.participated = true;
    row.name = row.name ? `${row.name}; ${p.name}` : p.name;
    row.participantId ??= p.id;
    row.size = gadmSizeClass({ inecCode: code, population: p.population });
    byParticipant.set(p.id, row);
  }

  const counterparts = new Map<GadmRow, Set<string>>();
  const meetings = data.meetings ?? [];
  for (let i = 0; i < meetings.length; i++) {
    const m = meetings[i];
    const a = byParticipant.get(m.participantAId);
    const b = byParticipant.get(m.participantBId);
    for (const [row, other] of [
      [a, m.participantBId],
      [b, m.participantAId],
    ] as const) {
      if (!row) continue;
      addTo(row.counts, m, ctx.placed[i]);
      if (m.status === 'held') {
        let set = counterparts.get(row);
        if (!set) counterparts.set(row, (set = new Set()));
        set.add(other);
      }
    }
  }
  for (const [row, set] of counterparts) row.counterparts = set.size;

  const gadms = [...rows.values()].sort((x, y) => (x.inecCode < y.inecCode ? -1 : x.inecCode > y.inecCode ? 1 : 0));
  const value = (r: GadmRow) => (metric === 'held' ? r.counts.held : r.counts.placed);
  const values = gadms.map(value);

  const groups = (keyOf: (r: GadmRow) => string, labelOf: (r: GadmRow) => string): GroupFairness[] => {
    const acc = new Map<string, { label: string; values: number[]; participating: number }>();
    for (const r of gadms) {
      const k = keyOf(r);
      let g = acc.get(k);
      if (!g) acc.set(k, (g = { label: labelOf(r), values: [], participating: 0 }));
      g.values.push(value(r));
      if (r.participated) g.participating++;
    }
    return [...acc.entries()]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([key, g]) => ({
        key,
        label: g.label,
        gadms: g.values.length,
        participating: g.participating,
        distribution: distribution(g.values),
      }));
  };

  const fairness: Fairness = {
    metric,
    overall: distribution(values),
    participatingOnly: distribution(gadms.filter((r) => r.participated).map(value)),
    histogram: histogram(values),
    byRegion: groups(
      (r) => r.region || '—',
      (r) => r.region || '—',
    ),
    byProvince: groups(
      (r) => r.provinceCode || r.province || '—',
      (r) => r.province || '—',
    ),
    bySize: groups(
      (r) => r.size,
      (r) => `${GADM_SIZE_LABELS[r.size].es} / ${GADM_SIZE_LABELS[r.size].en}`,
    ).sort((x, y) => (x.key === y.key ? 0 : x.key === 'large' ? -1 : 1)),
  };

  const metricEs = metric === 'held' ? 'realizadas' : 'agendadas';
  const metricOne = metric === 'held' ? 'realizada' : 'agendada';
  const metricEn = metric === 'held' ? 'held' : 'scheduled';
  const o = fairness.overall;
  const p = fairness.participatingOnly;
  const tables = {
    overview: {
      columns: [
        { key: 'indicator', es: 'Indicador', en: 'Indicator', type: 'text' },
        { key: 'indicatorEn', es: 'Indicador (inglés)', en: 'Indicator (English)', type: 'text' },
        { key: 'value', es: 'Valor', en: 'Value', type: 'number' },
      ] satisfies ReportColumn[],
      rows: [
        ['GADM considerados (lista oficial y otros inscritos)', 'GADMs considered (official list and other registered ones)', o.n],
        [participationLabel('inJornada', metric).es, participationLabel('inJornada', metric).en, p.n],
        [participationLabel('withMeetings', metric).es, participationLabel('withMeetings', metric).en, o.withAtLeastOne],
        [
          `GADM considerados con al menos una reunión ${metricOne} (%)`,
          `GADMs considered with at least one meeting ${metricEn} (%)`,
          o.shareWithAtLeastOne,
        ],
        [
          `GADM inscritos con al menos una reunión ${metricOne} (%)`,
          `Registered GADMs with at least one meeting ${metricEn} (%)`,
          p.shareWithAtLeastOne,
        ],
        [`Reuniones ${metricEs} con GADM`, `Meetings ${metricEn} with GADMs`, o.total],
        ['Media por GADM', 'Mean per GADM', o.mean],
        ['Mediana por GADM', 'Median per GADM', o.median],
        ['Máximo por GADM', 'Maximum per GADM', o.max],
        ['Gini (todos los GADM)', 'Gini (all GADMs)', o.gini],
        ['Gini (GADM participantes)', 'Gini (participating GADMs)', p.gini],
      ].map(([es, en, v]) => ({ indicator: es, indicatorEn: en, value: v })),
    },
    histogram: {
      columns: [
        { key: 'meetings', es: `Reuniones ${metricEs}`, en: `Meetings ${metricEn}`, type: 'text' },
        { key: 'gadms', es: 'GADM', en: 'GADMs', type: 'int' },
        { key: 'share', es: 'GADM (%)', en: 'GADMs (%)', type: 'percent' },
      ] satisfies ReportColumn[],
      rows: fairness.histogram.map((b) => ({ meetings: b.label, gadms: b.count, share: pct(b.count, o.n) })),
    },
    byRegion: {
      columns: GROUP_COLUMNS([{ key: 'region', es: 'Región', en: 'Region', type: 'text' }]),
      rows: fairness.byRegion.map((g) => groupRow(g, { region: g.label })),
    },
    byProvince: {
      columns: GROUP_COLUMNS([
        { key: 'provinceCode', es: 'Código provincia', en: 'Province code', type: 'text' },
        { key: 'province', es: 'Provincia', en: 'Province', type: 'text' },
      ]),
      rows: fairness.byProvince.map((g) => groupRow(g, { provinceCode: g.key, province: g.label })),
    },
    bySize: {
      columns: GROUP_COLUMNS([{ key: 'size', es: 'Tamaño', en: 'Size', type: 'text' }]),
      rows: fairness.bySize.map((g) => groupRow(g, { size: g.label })),
    },
  };

  return {
    columns: [
      { key: 'inecCode', es: 'Código INEC', en: 'INEC code', type: 'text' },
      { key: 'canton', es: 'Cantón', en: 'Canton', type: 'text' },
      { key: 'name', es: 'Participante', en: 'Participant', type: 'text' },
      { key: 'province', es: 'Provincia', en: 'Province', type: 'text' },
      { key: 'region', es: 'Región', en: 'Region', type: 'text' },
      { key: 'size', es: 'Tamaño', en: 'Size', type: 'text' },
      { key: 'participated', es: 'Participó', en: 'Took part', type: 'text' },
      { key: 'requested', es: 'Solicitadas', en: 'Requested', type: 'int' },
      { key: 'scheduled', es: 'Agendadas', en: 'Scheduled', type: 'int' },
      { key: 'held', es: 'Realizadas', en: 'Held', type: 'int' },
      { key: 'noShow', es: 'Inasistencias', en: 'No-shows', type: 'int' },
      { key: 'cancelled', es: 'Canceladas', en: 'Cancelled', type: 'int' },
      { key: 'counterparts', es: 'Contrapartes distintas', en: 'Distinct counterparts', type: 'int' },
    ],
    rows: gadms.map((r) => ({
      inecCode: r.inecCode,
      canton: r.canton,
      name: r.name,
      province: r.province,
      region: r.region,
      size: SIZE_WORD[r.size],
      participated: r.participated ? 'Sí' : 'No',
      requested: r.counts.requested,
      scheduled: r.counts.placed,
      held: r.counts.held,
      noShow: r.counts.noShow,
      cancelled: r.counts.cancelled,
      counterparts: r.counterparts,
    })),
    gadms,
    fairness,
    tables,
  };
}
