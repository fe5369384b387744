import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  agendaIcs,
  agendaPdf,
  buildAgendas,
  eventReportPdf,
  reportsToXlsx,
  reportToCsv,
  type HeaderLanguage,
  type ParticipantAgenda,
} from '@rueda/exports';
import { EventReportData, loadReportData } from '@rueda/persistence';
import {
  allReports,
  byCompetencia,
  byCooperant,
  byGadm,
  byModalidad,
  byOds,
  bySector,
  cooperantSectorMatrix,
  pipeline,
  summary,
  type FairnessMetric,
  type ReportData,
  type ReportTable,
} from '@rueda/reporting';
import { DomainError, notFound, NOUNS } from '@rueda/domain';
import type { Clock } from '@rueda/application';
import { CLOCK } from '../../platform/application.module';

export interface ReportOptions {
  metric?: FairnessMetric;
}

interface ReportDef {
  /** Sheet name (Spanish, like allReports). */
  sheet: string;
  /** Downloaded file name, Spanish like the sheet: reporte-resumen.csv, not reporte-summary.csv. */
  file: string;
  build: (data: ReportData, opts: ReportOptions) => ReportTable;
}

/** The report names of the URL, in the order of the workbook. */
export const REPORTS: Record<string, ReportDef> = {
  summary: { sheet: 'Resumen', file: 'resumen', build: (d) => summary(d) },
  gadms: { sheet: 'Por GADM', file: 'por-gadm', build: (d, o) => byGadm(d, { metric: o.metric }) },
  cooperants: { sheet: 'Por cooperante', file: 'por-cooperante', build: (d) => byCooperant(d) },
  sectors: { sheet: 'Por sector', file: 'por-sector', build: (d) => bySector(d) },
  ods: { sheet: 'Por ODS', file: 'por-ods', build: (d) => byOds(d) },
  competencias: { sheet: 'Por competencia', file: 'por-competencia', build: (d) => byCompetencia(d) },
  modalidades: { sheet: 'Por modalidad', file: 'por-modalidad', build: (d) => byModalidad(d) },
  pipeline: { sheet: 'Compromisos', file: 'compromisos', build: (d) => pipeline(d) },
  matrix: { sheet: 'Cooperante x sector', file: 'cooperante-por-sector', build: (d) => cooperantSectorMatrix(d) },
};
export const REPORT_NAMES = Object.keys(REPORTS);

export interface RenderedFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  ics: 'text/calendar; charset=utf-8',
} as const;

/**
 * Reports are computed on request from a fresh snapshot of the event: they are cheap (tens
 * of milliseconds at 5,000 meetings), so there is no cache to go stale after the live day.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // generatedAt of every report and file: the Clock port, as the use cases stamp times.
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(eventId: string, participantId?: string): Promise<EventReportData> {
    const loaded = await loadReportData(this.db.manager, eventId, { participantId });
    if (!loaded) throw notFound(NOUNS.event, eventId);
    return loaded;
  }

  async report(eventId: string, name: string, opts: ReportOptions) {
    const def = reportDef(name);
    const { data, event } = await this.load(eventId);
    return {
      report: name,
      title: def.sheet,
      event: { id: event.id, name: event.name },
      generatedAt: this.clock.now().toISOString(),
      ...def.build(data, opts),
    };
  }

  async file(
    eventId: string,
    name: string,
    format: 'csv' | 'xlsx' | 'pdf',
    opts: ReportOptions & { headers?: HeaderLanguage },
  ): Promise<RenderedFile> {
    const { data } = await this.load(eventId);
    if (name === 'event' && format === 'pdf') {
      return {
        body: await eventReportPdf(data, { generatedAt: this.clock.now(), metric: opts.metric }),
        contentType: CONTENT_TYPES.pdf,
        filename: 'informe-rueda.pdf',
      };
    }
    if (name === 'all' && format === 'xlsx') {
      return {
        body: await reportsToXlsx(allReports(data, { metric: opts.metric }), { headers: opts.headers, created: this.clock.now() }),
        contentType: CONTENT_TYPES.xlsx,
        filename: 'reportes-rueda.xlsx',
      };
    }
    const def = reportDef(name);
    if (format === 'pdf') throw unknownFormat(`${name}.${format}`);
    const table = def.build(data, opts);
    const body =
      format === 'csv'
        ? reportToCsv(table, { headers: opts.headers })
        : await reportsToXlsx([{ name: def.sheet, table }], { headers: opts.headers, created: this.clock.now() });
    return { body, contentType: CONTENT_TYPES[format], filename: `reporte-${def.file}.${format}` };
  }

  /** One participant's agenda (PDF or iCalendar), from its own meetings only. */
  async agenda(eventId: string, participantId: string, format: 'pdf' | 'ics'): Promise<RenderedFile> {
    const { data, event } = await this.load(eventId, participantId);
    const self = data.participants.find((p) => p.id === participantId);
    if (!self) throw notFound(NOUNS.participant, participantId);
    // The data holds the participant and its counterparts; external ids are unique per event.
    const agenda = buildAgendas(data, { venue: event.venue }).find(
      (a) => a.participant.externalId === self.externalId,
    ) as ParticipantAgenda;
    const base = `agenda-${self.externalId.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
    if (format === 'ics') return { body: Buffer.from(agendaIcs(agenda), 'utf8'), contentType: CONTENT_TYPES.ics, filename: `${base}.ics` };
    return {
      body: await agendaPdf([agenda], { generatedAt: this.clock.now() }),
      contentType: CONTENT_TYPES.pdf,
      filename: `${base}.pdf`,
    };
  }
}

function reportDef(name: string): ReportDef {
  const def = Object.hasOwn(REPORTS, name) ? REPORTS[name] : undefined;
  if (!def) {
    throw new DomainError('not_found', 'unknown_report', {
      es: `Reporte desconocido «${name}»: use ${REPORT_NAMES.join(', ')} (o all.xlsx, event.pdf)`,
      en: `Unknown report "${name}": use ${REPORT_NAMES.join(', ')} (or all.xlsx, event.pdf)`,
    });
  }
  return def;
}

export const unknownFormat = (what: string) =>
  new DomainError('not_found', 'unknown_format', {
    es: `Formato no disponible: ${what} (use .csv o .xlsx; all.xlsx; event.pdf)`,
    en: `Format not available: ${what} (use .csv or .xlsx; all.xlsx; event.pdf)`,
  });
