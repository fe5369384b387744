import { Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { IMPORT_KINDS, ImportKind } from '@rueda/importing';
import { ImportMode, ImportTable, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { ImportsService } from './imports.service';
import { DomainError } from '@rueda/domain';
import { UuidPipe } from '../../platform/validation';
import { Returns, ReturnsFile } from '../../platform/openapi';
import { ImportReportOut } from './imports.responses';

const ACCEPTED_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/tab-separated-values',
]);
const uploadLimitBytes = () => Number(process.env.UPLOAD_LIMIT_MB ?? 10) * 1024 * 1024;
const kindParam = z.enum(IMPORT_KINDS);
const ImportQuery = z.object({ mode: ImportMode });

const unsupported = (what: string) =>
  new DomainError('unsupported', 'unsupported_media_type', {
    es: `Tipo de contenido no admitido (${what}): envíe un archivo CSV o XLSX en el campo «file» (multipart/form-data)`,
    en: `Unsupported content type (${what}): send a CSV or XLSX file in the "file" field (multipart/form-data)`,
  });

function parseKind(raw: string): ImportKind {
  const k = kindParam.safeParse(raw);
  if (!k.success) {
    throw new DomainError('not_found', 'unknown_kind', {
      es: `Tabla desconocida «${raw}»: use ${IMPORT_KINDS.join(', ')}`,
      en: `Unknown table "${raw}": use ${IMPORT_KINDS.join(', ')}`,
    });
  }
  return k.data;
}

@ApiTags('imports')
@Controller('events/:eventId')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly useCases: UseCases,
  ) {}

  @Post('imports/:kind')
  @Allow('admin')
  @Returns(ImportReportOut)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Importar participantes, delegados, demandas u ofertas desde CSV/XLSX / Import from CSV/XLSX',
    description:
      'mode=dry-run (default) reports every problem with row and column; mode=commit writes all rows in one transaction or nothing (422). Re-importing updates by external id.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: uploadLimitBytes(), files: 1 },
      fileFilter: (_req, file, cb) =>
        cb(ACCEPTED_TYPES.has(file.mimetype) ? null : unsupported(file.mimetype), ACCEPTED_TYPES.has(file.mimetype)),
    }),
  )
  async import(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('kind') kind: string,
    @Query({ schema: ImportQuery }) q: z.infer<typeof ImportQuery>,
    @UploadedFile() file: { buffer: Buffer; originalname: string; mimetype: string } | undefined,
    @CurrentPrincipal() who: Principal,
  ) {
    const k = parseKind(kind);
    if (!file) throw unsupported('sin archivo / no file');
    const table = await this.imports.parse(eventId, k, file);
    return this.useCases.execute(ImportTable, who, { eventId, kind: k, mode: q.mode, filename: file.originalname, table });
  }

  @Get('exports/:kind.:format')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Exportar la tabla como CSV (;, UTF-8 con BOM) o XLSX / Export the table as CSV or XLSX' })
  @ReturnsFile('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('kind') kind: string,
    @Param('format') format: string,
    @Res() res: Response,
  ) {
    const k = parseKind(kind);
    if (format !== 'csv' && format !== 'xlsx') throw unsupported(format);
    const buf = await this.imports.export(eventId, k, format);
    res
      .status(200)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`${k}.${format}`)
      .send(buf);
  }
}
