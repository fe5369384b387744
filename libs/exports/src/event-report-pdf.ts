import {
  byCooperant,
  byGadm,
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
  fit,
  FONT,
  formatNumberEs,
  PAGE,
  type PdfContext,
  type PdfFontOptions,
  type TableColumn,
} from './pdf-common';

export interface EventReportPdfOptions extends GadmReportOptions {
  generatedAt?: string;
  fonts?: PdfFontOptions;
  /** Cooperants listed in the ranking table (default 15). */
  topCooperants?: number;
}

/** "USD 57,2 M": the full figure does not fit a key-figure box. */
function compactUsd(v: number): string {
  if (Math.abs(v) >= 1e6) return `USD ${formatNumberEs(Math.round(v / 1e5) / 10)} M`;
  if (Math.abs(v) >= 1e4) return `USD ${formatNumberEs(Math.round(v / 100) / 10)} mil`;
  return formatNumberEs(v, 'usd');
}

interface Bar {
  label: string;
  value: number;
  note?: string;
}

function heading(ctx: PdfContext, text: string, size = 12): void {
  const { doc, t } = ctx;
  if (doc.y + 80 > contentBottom) doc.addPage();
  doc.font(BOLD).fontSize(size).fillColor(COLORS.accent).text(t(text), PAGE.margin, doc.y, { width: contentWidth });
  doc.fillColor(COLORS.text).moveDown(0.4);
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
  opts: { labelWidth?: number; barHeight?: number; color?: string; format?: (v: number) => string } = {},
): void {
  const { doc, t } = ctx;
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
    if (doc.y + bh + gap > contentBottom) doc.addPage();
    const y = doc.y;
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(COLORS.text)
      .text(fit(doc, t(b.label), labelWidth - 8), PAGE.margin, y + 1.5, { width: labelWidth - 6, align: 'right', lineBreak: false });
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
    doc.y = y + bh + gap;
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
function reportTable(ctx: PdfContext, table: ReportTable, keys?: string[], maxRows?: number): void {
  const cols: ReportColumn[] = keys ? keys.map((k) => table.columns.find((c) => c.key === k)!).filter(Boolean) : table.columns;
  const numeric = (c: ReportColumn) => c.type !== undefined && c.type !== 'text';
  const numWidth = (c: ReportColumn) => (c.type === 'usd' ? 78 : 54);
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
    .text(t(`Rueda de Negocios${opts.generatedAt ? ` · Generado / Generated ${opts.generatedAt}` : ''}`), { width: contentWidth });
  doc.fillColor(COLORS.text).moveDown(1);

  heading(ctx, 'Cifras clave / Key figures');
  const metric = fair.metric === 'held' ? 'realizada' : 'agendada';
  const boxes: [string, string][] = [
    ['Solicitadas / Requested', formatNumberEs(f.requested)],
    ['Agendadas / Scheduled', formatNumberEs(f.scheduled)],
    ['Realizadas / Held', formatNumberEs(f.held)],
    ['Inasistencias / No-shows', formatNumberEs(f.noShow)],
    ['Tasa de realización / Held rate', formatNumberEs(f.rates.held, 'percent')],
    [
      `GADM con ≥1 reunión ${metric}`,
      `${fair.overall.withAtLeastOne} de ${fair.overall.n} (${formatNumberEs(fair.overall.shareWithAtLeastOne, 'percent')})`,
    ],
    ['Gini entre GADM / Gini across GADMs', fair.overall.gini.toFixed(3).replace('.', ',')],
    ['Cooperantes activos / Active cooperants', `${f.participants.cooperantsWithHeld} de ${f.participants.cooperants}`],
    ['Compromisos vigentes / Active commitments', formatNumberEs(f.commitments.active)],
    ['Monto vigente / Active amount', compactUsd(f.commitments.activeAmountUsd)],
  ];
  const bw = contentWidth / 5;
  const bh = 46;
  const y0 = doc.y;
  boxes.forEach(([label, value], i) => {
    const x = PAGE.margin + (i % 5) * bw;
    const y = y0 + Math.floor(i / 5) * (bh + 6);
    doc
      .save()
      .roundedRect(x + 2, y, bw - 4, bh, 3)
      .fill(COLORS.headerFill)
      .restore();
    doc
      .font(BOLD)
      .fontSize(value.length > 14 ? 9.5 : 14)
      .fillColor(COLORS.accent);
    doc.text(fit(doc, t(value), bw - 12), x + 6, y + 7, { lineBreak: false });
    doc
      .font(FONT)
      .fontSize(6.8)
      .fillColor(COLORS.muted)
      .text(t(label), x + 6, y + 26, { width: bw - 12, height: 18, ellipsis: true });
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
  );
  if (sectors.multiCoded)
    note(
      ctx,
      `${sectors.multiCoded} reuniones tienen más de un sector y cuentan en cada uno. / Meetings with several sectors count in each.`,
    );
  await breathe();

  heading(ctx, `Distribución de reuniones ${metric}s por GADM / Meetings per GADM`);
  vBars(
    ctx,
    fair.histogram.map((b) => ({ label: b.label, value: b.count })),
    {
      xLabel: `Reuniones ${metric}s por GADM / Meetings per GADM (los ${fair.overall.n} GADM de referencia / all ${fair.overall.n} reference GADMs)`,
      yLabel: 'GADM',
    },
  );

  heading(ctx, 'GADM con al menos una reunión, por región / GADMs with at least one meeting, by region');
  hBars(
    ctx,
    fair.byRegion.map((g) => ({
      label: g.label,
      value: g.distribution.shareWithAtLeastOne,
      note: `(${g.distribution.withAtLeastOne} de ${g.gadms}; ${g.distribution.total} reuniones)`,
    })),
    { format: (v) => formatNumberEs(v, 'percent'), labelWidth: 110, color: COLORS.bars2 },
  );
  hBars(
    ctx,
    fair.bySize.map((g) => ({
      label: g.label,
      value: g.distribution.shareWithAtLeastOne,
      note: `(${g.distribution.withAtLeastOne} de ${g.gadms}; media ${formatNumberEs(g.distribution.mean)})`,
    })),
    { format: (v) => formatNumberEs(v, 'percent'), labelWidth: 110, color: COLORS.bars2 },
  );
  note(
    ctx,
    'Tamaño: población cuando se conoce (≥ 100.000 hab. = grande); si no, las 24 capitales provinciales cuentan como grandes. / Size: population when known, else provincial capitals count as large.',
  );

  heading(ctx, 'Compromisos por etapa / Commitments by stage');
  hBars(
    ctx,
    pipe.stages.map((st) => ({
      label: `${st.es} / ${st.en}`,
      value: st.count,
      note: st.amountUsd ? formatNumberEs(st.amountUsd, 'usd') : '',
    })),
    { labelWidth: 160 },
  );
  note(
    ctx,
    `${pipe.heldWithCommitment} reuniones realizadas generaron al menos un compromiso vigente (${formatNumberEs(pipe.conversion, 'percent')}). / Held meetings with an active commitment.`,
  );
  await breathe();

  heading(ctx, 'Resumen / Summary');
  reportTable(ctx, s, ['indicator', 'value']);
  heading(ctx, 'Equidad territorial / Territorial fairness');
  reportTable(ctx, gadm.tables.overview, ['indicator', 'value']);
  heading(ctx, 'Por región / By region');
  reportTable(ctx, gadm.tables.byRegion);
  heading(ctx, 'Por tamaño / By size');
  reportTable(ctx, gadm.tables.bySize);
  heading(ctx, 'Por provincia / By province');
  reportTable(ctx, gadm.tables.byProvince, ['province', 'gadms', 'participating', 'withMeeting', 'share', 'meetings', 'mean', 'gini']);
  await breathe();
  heading(ctx, `Cooperantes con más reuniones / Most active cooperants (top ${opts.topCooperants ?? 15})`);
  reportTable(ctx, coops, ['name', 'held', 'noShow', 'gadmsMet', 'provinces', 'commitments', 'amountUsd'], opts.topCooperants ?? 15);
  heading(ctx, 'Compromisos / Commitments pipeline');
  reportTable(ctx, pipe, ['stage', 'count', 'share', 'amountUsd']);
  heading(ctx, 'Por sector / By sector');
  reportTable(ctx, sectors, ['label', 'requested', 'scheduled', 'held', 'noShow', 'heldShare', 'commitments']);
  heading(ctx, 'Por ODS / By SDG');
  reportTable(ctx, ods, ['label', 'requested', 'scheduled', 'held', 'heldShare', 'commitments']);

  const range = doc.bufferedPageRange();
  drawFooters(ctx, range.start, range.start + range.count - 1, `${data.event.name} · Informe de resultados / Event report`);
  doc.end();
  return done;
}
