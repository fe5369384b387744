import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ENV, type Env } from '@rueda/config';
import { Allow } from '../auth/principal';
import { REPORT_NAMES, RenderedFile, ReportsService, unknownFormat } from './reports.service';
import { UuidPipe } from '../../platform/validation';
import { Returns, ReturnsFile } from '../../platform/openapi';
import { checkContract } from '../../platform/contract.interceptor';
import { ReportIndexOut, ReportOut } from './reports.responses';

const ReportQuery = z.object({
  /** What counts as "a meeting" in the GADM fairness figures. */
  metric: z.enum(['held', 'scheduled']).optional(),
  headers: z.enum(['es', 'en', 'es-en']).optional(),
});

export function sendFile(res: Response, f: RenderedFile): void {
  res.status(200).type(f.contentType).attachment(f.filename).setHeader('Cache-Control', 'no-store');
  res.send(f.body);
}

@ApiTags('reports')
@Controller('events/:eventId/reports')
@Allow('admin', 'staff')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Get()
  @Returns(ReportIndexOut)
  @ApiOperation({ summary: 'Reportes disponibles / Available reports' })
  index(@Param('eventId', UuidPipe) eventId: string) {
    const base = `/events/${eventId}/reports`;
    return {
      reports: REPORT_NAMES.map((name) => ({ name, json: `${base}/${name}`, csv: `${base}/${name}.csv`, xlsx: `${base}/${name}.xlsx` })),
      workbook: `${base}/all.xlsx`,
      pdf: `${base}/event.pdf`,
    };
  }

  // One route for "summary", "summary.csv", "all.xlsx", "event.pdf": the name and the format
  // are split here rather than by the router, which would treat the dot differently per version.
  @Get(':file')
  @ApiParam({ name: 'file', description: `${REPORT_NAMES.join(' | ')}, optionally .csv or .xlsx; all.xlsx; event.pdf` })
  @ApiOperation({
    summary:
      'Un reporte en JSON (ReportTable y datos tipados), CSV o XLSX; all.xlsx; event.pdf / One report as JSON, CSV or XLSX; all.xlsx; event.pdf',
    description: 'metric=held|scheduled for the GADM fairness figures; headers=es|en|es-en for CSV and XLSX.',
  })
  @Returns(ReportOut)
  @ReturnsFile('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  async get(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('file') file: string,
    @Query({ schema: ReportQuery }) q: z.infer<typeof ReportQuery>,
    @Res() res: Response,
  ) {
    const m = /^([a-z]+)(?:\.([a-z]+))?$/.exec(file);
    if (!m) throw unknownFormat(file);
    const [, name, ext] = m;
    if (!ext) {
      const report = await this.reports.report(eventId, name, q);
      // Under test the JSON is checked against ReportOut, as the contract interceptor does for other routes.
      res.status(200).json(this.env.NODE_ENV === 'test' ? checkContract(ReportOut, report, 'ReportsController.get') : report);
      return;
    }
    if (ext !== 'csv' && ext !== 'xlsx' && ext !== 'pdf') throw unknownFormat(file);
    sendFile(res, await this.reports.file(eventId, name, ext, q));
  }
}
