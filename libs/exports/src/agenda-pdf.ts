import { formatDayLong, formatMessage, formatTimeRange, timeZoneLabel, wallClock } from '@rueda/i18n';
import { compareMeetings, kindLabel, statusLabel, type ParticipantAgenda } from './agenda';
import {
  BOLD,
  breathe,
  COLORS,
  contentWidth,
  createPdf,
  drawFooters,
  drawTable,
  FONT,
  generatedLine,
  PAGE,
  type PdfContext,
  type PdfFontOptions,
  type TableColumn,
} from './pdf-common';

export interface AgendaPdfOptions {
  /** Called after each agenda, e.g. to report BullMQ job progress. */
  onProgress?: (done: number, total: number) => void;
  /** When the agendas were made: printed in each footer in the event's time zone. */
  generatedAt?: Date | string;
  fonts?: PdfFontOptions;
}

const COLUMNS: TableColumn[] = [
  { header: 'Hora / Time', width: 70 },
  { header: 'Mesa / Table', width: 56, align: 'center' },
  { header: 'Contraparte / Counterpart', width: 168 },
  { header: 'Tema / Topic', width: 143 },
  { header: 'Estado / Status', width: 78 },
];

function drawAgenda(ctx: PdfContext, a: ParticipantAgenda, generatedAt: Date | string | undefined): void {
  const { doc, t } = ctx;
  doc.addPage();
  const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  const tz = a.event.timeZone;

  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text(t(a.event.name + (a.event.venue ? ` · ${a.event.venue}` : '')), { width: contentWidth });
  doc.moveDown(0.3);
  doc.font(BOLD).fontSize(15).fillColor(COLORS.accent).text(t('Agenda de reuniones / Meeting schedule'), { width: contentWidth });
  doc.moveDown(0.2);
  doc.font(BOLD).fontSize(13).fillColor(COLORS.text).text(t(a.participant.name), { width: contentWidth });
  const code = a.participant.kind === 'gadm' ? `Código INEC ${a.participant.externalId}` : `Código ${a.participant.externalId}`;
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text(
      t(
        `${kindLabel(a.participant.kind)} · ${code} · ${formatMessage('{n, plural, one {# reunión / meeting} other {# reuniones / meetings}}', { n: a.meetings.length })} · Horas en / Times in: ${timeZoneLabel(tz, 'es', a.meetings[0]?.startsAt)}`,
      ),
      { width: contentWidth },
    );
  // On its own line: in the footer it would be cut short next to a long name.
  if (generatedAt) doc.text(t(generatedLine(generatedAt, tz)), { width: contentWidth });
  doc.fillColor(COLORS.text).moveDown(0.8);

  const contHeader = () => {
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(COLORS.muted)
      .text(t(`${a.participant.name} — Agenda de reuniones / Meeting schedule (cont.)`), { width: contentWidth });
    doc.fillColor(COLORS.text).moveDown(0.5);
  };

  if (a.meetings.length === 0) {
    doc.font(FONT).fontSize(11).text(t('Sin reuniones agendadas / No meetings scheduled'), { width: contentWidth });
  } else {
    const meetings = [...a.meetings].sort(compareMeetings);
    // One table per local day, headed by the date: a Rueda can span two days.
    let i = 0;
    while (i < meetings.length) {
      const day = wallClock(meetings[i].startsAt, tz).slice(0, 10);
      let j = i;
      while (j < meetings.length && wallClock(meetings[j].startsAt, tz).slice(0, 10) === day) j++;
      if (doc.y + 60 > PAGE.height - PAGE.margin - PAGE.footer) {
        doc.addPage();
        contHeader();
      }
      doc
        .font(BOLD)
        .fontSize(10.5)
        .fillColor(COLORS.text)
        .text(t(formatDayLong(meetings[i].startsAt, tz)), PAGE.margin, doc.y, { width: contentWidth });
      doc.moveDown(0.3);
      drawTable(
        ctx,
        COLUMNS,
        meetings
          .slice(i, j)
          .map((m) => [
            { text: formatTimeRange(m.startsAt, m.endsAt, tz), bold: true },
            { text: String(m.tableNumber), bold: true },
            { text: m.counterpart, sub: kindLabel(m.counterpartKind) },
            m.topic ?? '',
            statusLabel(m.status),
          ]),
        { onNewPage: contHeader, fontSize: 9 },
      );
      doc.moveDown(0.8);
      i = j;
    }
  }
  const last = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  drawFooters(ctx, first, last, `${a.participant.name} · ${a.event.name}`);
  // Written pages go to the output stream now: a 300-agenda book never sits whole in page buffers.
  doc.flushPages();
}

/**
 * Printable A4 agendas, one participant per page (more when needed), each page numbered
 * within its agenda. One agenda or a whole book for the registration desk.
 */
export async function agendaPdf(agendas: ParticipantAgenda[], opts: AgendaPdfOptions = {}): Promise<Buffer> {
  const title = agendas.length === 1 ? `Agenda — ${agendas[0].participant.name}` : `Agendas — ${agendas[0]?.event.name ?? 'Rueda'}`;
  const { ctx, done } = createPdf({ title, fonts: opts.fonts });
  if (agendas.length === 0) {
    ctx.doc.addPage();
    ctx.doc.font(FONT).fontSize(11).text(ctx.t('Sin agendas / No agendas'));
  }
  let last = Date.now();
  for (let i = 0; i < agendas.length; i++) {
    drawAgenda(ctx, agendas[i], opts.generatedAt);
    opts.onProgress?.(i + 1, agendas.length);
    if (Date.now() - last > 50) {
      await breathe();
      last = Date.now();
    }
  }
  ctx.doc.end();
  return done;
}
