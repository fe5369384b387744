import { LARGE_GADM_MIN_POPULATION } from '@rueda/domain';
import { formatMessage, formatNumber, formatUsdCompact } from '@rueda/i18n';
import {
  byCooperant,
  byGadm,
  participationRows,
  byOds,
  bySector,
  pipeline,
  summary,
  type GadmReportOptions,
  type ReportColumn,
  type ReportData,
  type ReportTable,
} from '@rueda/reporting';
import {
  BOLD,
  breathe,
  COLORS,
  contentBottom,
  contentWidth,
  createPdf,
  drawFooters,
  drawTable,
  FONT,
  formatNumberEs,
  generatedLine,
  longestWord,
  PAD,
  PAGE,
  type PdfContext,
  type PdfFontOptions,
  type TableColumn,
} from './pdf-common';

export interface EventReportPdfOptions extends GadmReportOptions {
  /** When the report was made: printed in the event's time zone. */
  generatedAt?: Date | string;
  fonts?: PdfFontOptions;
  /** Cooperants listed in the ranking table (default 15). */
  topCooperants?: number;
}

interface Bar {
  label: string;
  value: number;
  note?: string;
}

/** A section heading, on a new page unless `keepWith` points of its content fit under it. */
function heading(ctx: PdfContext, text: string, size = 12, keepWith = 80): void {
  const { doc, t } = ctx;
  if (doc.y + keepWith > contentBottom) doc.addPage();
  doc.font(BOLD).fontSize(size).fillColor(COLORS.accent).text(t(text), PAGE.margin, doc.y, { width: contentWidth });
  doc.fillColor(COLORS.text).moveDown(0.4);
}

function emptyState(ctx: PdfContext, text: string): void {
  const { doc, t } = ctx;
  doc.font(FONT).fontSize(9).fillColor(COLORS.muted).text(t(text), PAGE.margin, doc.y, { width: contentWidth });
  doc.fillColor(COLORS.text).moveDown(0.8);
}

function note(ctx: PdfContext, text: string): void {
  const { doc, t } = ctx;
  doc.font(FONT).fontSize(7.5).fillColor(COLORS.muted).text(t(text), PAGE.margin, doc.y, { width: contentWidth });
  doc.fillColor(COLORS.text).moveDown(0.6);
}

/** Horizontal bars, labels on the left, value (and note) after the bar; the scale starts at 0. */
function hBars(
  ctx: PdfContext,
  bars: Bar[],
  opts: { labelWidth?: number; barHeight?: number; color?: string; format?: (v: number) => string; empty: string },
): void {
  const { doc, t } = ctx;
  // A chart with nothing to draw says so: an empty section reads as a broken document.
  if (bars.length === 0 || bars.every((b) => b.value <= 0)) {
    emptyState(ctx, opts.empty);
    return;
  }
  const labelWidth = opts.labelWidth ?? 200;
  const bh = opts.barHeight ?? 11;
  const gap = 4;
  const fmt = opts.format ?? ((v: number) => formatNumberEs(v));
  doc.font(FONT).fontSize(7.5);
  // Room after the longest bar for its value and note, so nothing wraps.
  const tail = Math.max(30, ...bars.map((b) => doc.widthOfString(t(fmt(b.value) + (b.note ? `  ${b.note}` : ''))))) + 6;
  const area = Math.max(60, contentWidth - labelWidth - tail);
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (doc.y + Math.min(bars.length, 6) * (bh + gap) > contentBottom) doc.addPage();
  for (const b of bars) {
    // A long label wraps onto a second line rather than being cut ("exportaci…").
    const labelH = doc
      .font(FONT)
      .fontSize(7.5)
      .heightOfString(t(b.label), { width: labelWidth - 8 });
    const rowH = Math.max(bh, labelH + 2);
    if (doc.y + rowH + gap > contentBottom) doc.addPage();
    const y = doc.y;
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(COLORS.text)
      .text(t(b.label), PAGE.margin, y + 1.5, { width: labelWidth - 8, align: 'right' });
    const w = (b.value / max) * area;
    const x = PAGE.margin + labelWidth;
    doc
      .save()
      .rect(x, y, Math.max(w, b.value > 0 ? 1 : 0), bh)
      .fill(opts.color ?? COLORS.bars)
      .restore();
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(COLORS.text)
      .text(t(fmt(b.value) + (b.note ? `  ${b.note}` : '')), x + w + 4, y + 1.5, { lineBreak: false });
    doc.y = y + rowH + gap;
  }
  doc
    .save()
    .moveTo(PAGE.margin + labelWidth, doc.y)
    .lineTo(PAGE.margin + labelWidth + area, doc.y)
    .lineWidth(0.4)
    .strokeColor(COLORS.rule)
    .stroke()
    .restore();
  doc.x = PAGE.margin;
  doc.moveDown(0.8);
}

/** Vertical bars for a histogram, one per bin, label under each bar. */
function vBars(ctx: PdfContext, bars: Bar[], opts: { height?: number; xLabel: string; yLabel: string }): void {
  const { doc, t } = ctx;
  const height = opts.height ?? 120;
  if (doc.y + height + 40 > contentBottom) doc.addPage();
  const top = doc.y + 10;
  const left = PAGE.margin + 30;
  const width = contentWidth - 30;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = width / Math.max(1, bars.length);
  const bw = Math.max(2, step * 0.75);
  doc
    .font(FONT)
    .fontSize(7)
    .fillColor(COLORS.muted)
    .text(t(opts.yLabel), PAGE.margin, top - 12, { width: contentWidth, lineBreak: false });
  bars.forEach((b, i) => {
    const h = (b.value / max) * height;
    const x = left + i * step + (step - bw) / 2;
    doc
      .save()
      .rect(x, top + height - h, bw, h)
      .fill(i === 0 ? COLORS.bars2 : COLORS.bars)
      .restore();
    doc.font(FONT).fontSize(6.5).fillColor(COLORS.text);
    if (b.value > 0) doc.text(String(b.value), x - 4, top + height - h - 9, { width: bw + 8, align: 'center', lineBreak: false });
    doc.text(t(b.label), x - 6, top + height + 3, { width: bw + 12, align: 'center', lineBreak: false });
  });
  doc
    .save()
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke()
    .restore();
  doc
    .font(FONT)
    .fontSize(7)
    .fillColor(COLORS.muted)
    .text(t(opts.xLabel), left, top + height + 14, { width, align: 'center', lineBreak: false });
  doc.fillColor(COLORS.text);
  doc.x = PAGE.margin;
  doc.y = top + height + 30;
}

/** A report table with chosen columns; text columns share what numeric ones leave. */
function reportTable(ctx: PdfContext, table: ReportTable, empty: string, keys?: string[], maxRows?: number): void {
  if (table.rows.length === 0) {
    emptyState(ctx, empty);
    return;
  }
  const cols: ReportColumn[] = keys ? keys.map((k) => table.columns.find((c) => c.key === k)!).filter(Boolean) : table.columns;
  const numeric = (c: ReportColumn) => c.type !== undefined && c.type !== 'text';
  // A numeric column is as wide as the longest word of its header (bold 7.5 pt), so no header
  // breaks inside a word ("Compromiso / s vigentes").
  ctx.doc.font(BOLD).fontSize(7.5);
  const numWidth = (c: ReportColumn) => Math.max(c.type === 'usd' ? 78 : 54, Math.ceil(longestWord(ctx.doc, ctx.t(c.es))) + 2 * PAD + 2);
  const fixed = cols.filter(numeric).reduce((a, c) => a + numWidth(c), 0);
  const texts = cols.filter((c) => !numeric(c)).length;
  const textWidth = texts ? Math.max(60, (contentWidth - fixed) / texts) : 0;
  const columns: TableColumn[] = cols.map((c) => ({
    header: c.es,
    width: numeric(c) ? numWidth(c) : textWidth,
    align: numeric(c) ? 'right' : 'left',
  }));
  const rows = (maxRows ? table.rows.slice(0, maxRows) : table.rows).map((r) =>
    cols.map((c) => {
      const v = r[c.key];
      return typeof v === 'number' ? formatNumberEs(v, c.type) : String(v ?? '');
    }),
  );
  drawTable(ctx, columns, rows, { fontSize: 7.5 });
  ctx.doc.x = PAGE.margin;
  ctx.doc.moveDown(1);
}

/**
 * The post-event report: key figures, charts (by sector, by region, fairness histogram,
 * pipeline) and the main tables, A4, Spanish with English headings.
 */
export async function eventReportPdf(data: ReportData, opts: EventReportPdfOptions = {}): Promise<Buffer> {
  const s = summary(data);
  const f = s.figures;
  const gadm = byGadm(data, opts);
  const fair = gadm.fairness;
  const sectors = bySector(data);
  const ods = byOds(data);
  const pipe = pipeline(data);
  const coops = byCooperant(data);

  const { ctx, done } = createPdf({ title: `Informe — ${data.event.name}`, fonts: opts.fonts });
  const { doc, t } = ctx;
  doc.addPage();

  doc.font(FONT).fontSize(9).fillColor(COLORS.muted).text(t(data.event.name), { width: contentWidth });
  doc.font(BOLD).fontSize(18).fillColor(COLORS.accent).text(t('Informe de resultados / Event report'), { width: contentWidth });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text(t(`Rueda de Negocios${opts.generatedAt ? ` · ${generatedLine(opts.generatedAt, data.event.timeZone)}` : ''}`), {
      width: contentWidth,
    });
  doc.fillColor(COLORS.text).moveDown(1);

  heading(ctx, 'Cifras clave / Key figures');
  const metric = fair.metric === 'held' ? 'realizada' : 'agendada';
  const part = f.gadmParticipation;
  const share = part.inJornada ? (100 * part.withMeetings) / part.inJornada : 0;
  const boxes: [label: string, value: string][] = [
    [formatMessage('{n, plural, one {Solicitada} other {Solicitadas}} / Requested', { n: f.requested }), formatNumberEs(f.requested)],
    [formatMessage('{n, plural, one {Agendada} other {Agendadas}} / Scheduled', { n: f.scheduled }), formatNumberEs(f.scheduled)],
    [formatMessage('{n, plural, one {Realizada} other {Realizadas}} / Held', { n: f.held }), formatNumberEs(f.held)],
    [formatMessage('{n, plural, one {Inasistencia} other {Inasistencias}} / No-shows', { n: f.noShow }), formatNumberEs(f.noShow)],
    ['Tasa de realización / Held rate', formatNumberEs(f.rates.held, 'percent')],
    [
      `GADM inscritos con al menos una reunión ${metric} (${formatNumberEs(Math.round(share * 10) / 10, 'percent')})`,
      `${formatNumberEs(part.withMeetings)} de ${formatNumberEs(part.inJornada)}`,
    ],
    ['Gini entre GADM / Gini across GADMs', formatNumberEs(Math.round(fair.overall.gini * 1000) / 1000)],
    [
      'Cooperantes con reuniones realizadas / Cooperants with meetings held',
      `${formatNumberEs(f.participants.cooperantsWithHeld)} de ${formatNumberEs(f.participants.cooperants)}`,
    ],
    ['Compromisos vigentes / Active commitments', formatNumberEs(f.commitments.active)],
    ['Monto vigente / Active amount', formatUsdCompact(f.commitments.activeAmountUsd)],
  ];
  const bw = contentWidth / 5;
  const bh = 58;
  const y0 = doc.y;
  boxes.forEach(([label, value], i) => {
    const x = PAGE.margin + (i % 5) * bw;
    const y = y0 + Math.floor(i / 5) * (bh + 6);
    doc
      .save()
      .roundedRect(x + 2, y, bw - 4, bh, 3)
      .fill(COLORS.headerFill)
      .restore();
    // The figure is never cut: a long one is set smaller until it fits the tile.
    let size = 14;
    doc.font(BOLD);
    while (size > 7 && doc.fontSize(size).widthOfString(t(value)) > bw - 12) size -= 0.5;
    doc.fillColor(COLORS.accent).text(t(value), x + 6, y + 7, { lineBreak: false });
    doc
      .font(FONT)
      .fontSize(6.8)
      .fillColor(COLORS.muted)
      .text(t(label), x + 6, y + 26, { width: bw - 12, height: 28 });
  });
  doc.fillColor(COLORS.text);
  doc.x = PAGE.margin;
  doc.y = y0 + 2 * (bh + 6) + 8;
  note(
    ctx,
    'Agendadas: reuniones que alguna vez tuvieron mesa y horario (incluye las canceladas después de agendar). Tasas sobre agendadas. / Scheduled: meetings ever given a table and slot; rates are over scheduled meetings.',
  );

  heading(ctx, 'Reuniones realizadas por sector / Meetings held by sector');
  hBars(
    ctx,
    sectors.entries
      .filter((e) => e.counts.held > 0)
      .sort((a, b) => b.counts.held - a.counts.held)
      .map((e) => ({ label: e.es, value: e.counts.held })),
    { empty: 'Todavía no hay reuniones realizadas. / No meetings held yet.' },
  );
  if (sectors.multiCoded)
    note(
      ctx,
      formatMessage(
        '{n, plural, one {# reunión tiene más de un sector y cuenta} other {# reuniones tienen más de un sector y cuentan}} en cada uno. / Meetings with several sectors count in each.',
        { n: sectors.multiCoded },
      ),
    );
  await breathe();

  // The histogram is drawn whole (about 170 pt): its heading goes with it.
  heading(ctx, `Distribución de reuniones ${metric}s por GADM / Meetings per GADM`, 12, 190);
  vBars(
    ctx,
    fair.histogram.map((b) => ({ label: b.label, value: b.count })),
    {
      xLabel: `Reuniones ${metric}s por GADM / Meetings per GADM (${fair.overall.n} GADM considerados: la lista oficial y otros inscritos / ${fair.overall.n} GADMs considered)`,
      yLabel: 'GADM',
    },
  );

  heading(ctx, 'GADM con al menos una reunión, por región / GADMs with at least one meeting, by region');
  hBars(
    ctx,
    fair.byRegion.map((g) => ({
      label: g.label,
      value: g.distribution.shareWithAtLeastOne,
      note: `(${formatNumberEs(g.distribution.withAtLeastOne)} de ${formatNumberEs(g.gadms)}; ${formatMessage('{n, plural, one {# reunión} other {# reuniones}}', { n: g.distribution.total })})`,
    })),
    {
      format: (v) => formatNumberEs(v, 'percent'),
      labelWidth: 110,
      color: COLORS.bars2,
      empty: 'Todavía no hay reuniones realizadas. / No meetings held yet.',
    },
  );
  hBars(
    ctx,
    fair.bySize.map((g) => ({
      label: g.label,
      value: g.distribution.shareWithAtLeastOne,
      note: `(${formatNumberEs(g.distribution.withAtLeastOne)} de ${formatNumberEs(g.gadms)}; media ${formatNumberEs(g.distribution.mean)})`,
    })),
    {
      format: (v) => formatNumberEs(v, 'percent'),
      labelWidth: 110,
      color: COLORS.bars2,
      empty: 'Todavía no hay reuniones realizadas. / No meetings held yet.',
    },
  );
  note(
    ctx,
    `Tamaño: población cuando se conoce (≥ ${formatNumber(LARGE_GADM_MIN_POPULATION, 'es')} hab. = grande); si no, las 24 capitales provinciales cuentan como grandes. / Size: population when known (≥ ${formatNumber(LARGE_GADM_MIN_POPULATION, 'en')} inhabitants = large), else the 24 provincial capitals count as large.`,
  );

  heading(ctx, 'Compromisos por etapa / Commitments by stage');
  hBars(
    ctx,
    pipe.stages.map((st) => ({
      label: `${st.es} / ${st.en}`,
      value: st.count,
      note: st.amountUsd ? formatNumberEs(st.amountUsd, 'usd') : '',
    })),
    { labelWidth: 160, empty: 'Todavía no hay compromisos registrados. / No commitments recorded yet.' },
  );
  note(
    ctx,
    formatMessage(
      '{n, plural, one {# reunión realizada generó} other {# reuniones realizadas generaron}} al menos un compromiso vigente ({pct}). / Held meetings with an active commitment.',
      { n: pipe.heldWithCommitment, pct: formatNumberEs(pipe.conversion, 'percent') },
    ),
  );
  await breathe();

  const none = 'Sin datos todavía. / No data yet.';
  heading(ctx, 'GADM: inscritos, con demandas, con y sin reuniones / GADMs: registered, with demands, with and without meetings');
  reportTable(
    ctx,
    {
      columns: [
        { key: 'indicator', es: 'Indicador', en: 'Indicator', type: 'text' },
        { key: 'value', es: 'GADM', en: 'GADMs', type: 'int' },
      ],
      rows: participationRows(f.gadmParticipation).map((r) => ({ indicator: `${r.label.es} / ${r.label.en}`, value: r.value })),
    },
    none,
  );
  heading(ctx, 'Resumen / Summary');
  reportTable(ctx, s, none, ['indicator', 'value']);
  heading(ctx, 'Equidad territorial / Territorial fairness');
  reportTable(ctx, gadm.tables.overview, none, ['indicator', 'value']);
  heading(ctx, 'Por región / By region');
  reportTable(ctx, gadm.tables.byRegion, none);
  heading(ctx, 'Por tamaño / By size');
  reportTable(ctx, gadm.tables.bySize, none);
  heading(ctx, 'Por provincia / By province');
  reportTable(ctx, gadm.tables.byProvince, none, [
    'province',
    'gadms',
    'participating',
    'withMeeting',
    'share',
    'meetings',
    'mean',
    'gini',
  ]);
  await breathe();
  heading(ctx, `Cooperantes con más reuniones / Most active cooperants (top ${opts.topCooperants ?? 15})`);
  reportTable(
    ctx,
    coops,
    'Todavía no hay cooperantes con reuniones. / No cooperant has meetings yet.',
    ['name', 'held', 'noShow', 'gadmsMet', 'provinces', 'commitments', 'amountUsd'],
    opts.topCooperants ?? 15,
  );
  heading(ctx, 'Compromisos / Commitments pipeline');
  reportTable(ctx, pipe, 'Todavía no hay compromisos registrados. / No commitments recorded yet.', [
    'stage',
    'count',
    'share',
    'amountUsd',
  ]);
  heading(ctx, 'Por sector / By sector');
  reportTable(ctx, sectors, none, ['label', 'requested', 'scheduled', 'held', 'noShow', 'heldShare', 'commitments']);
  heading(ctx, 'Por ODS / By SDG');
  reportTable(ctx, ods, none, ['label', 'requested', 'scheduled', 'held', 'heldShare', 'commitments']);

  const range = doc.bufferedPageRange();
  drawFooters(ctx, range.start, range.start + range.count - 1, `${data.event.name} · Informe de resultados / Event report`);
  doc.end();
  return done;
}
