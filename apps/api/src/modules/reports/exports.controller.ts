import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { RequestAgendasExport, RequestAgendasExportBody, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { ExportsService } from './exports.service';
import { sendFile } from './reports.controller';
import { UuidPipe } from '../../platform/validation';
import { Returns, ReturnsFile } from '../../platform/openapi';
import { ExportJobOut } from './reports.responses';

@ApiTags('exports')
@Controller('events/:eventId/exports')
@Allow('admin', 'staff')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly useCases: UseCases,
  ) {}

  @Post('agendas')
  @HttpCode(202)
  @Returns(ExportJobOut)
  @ApiOperation({ summary: 'Todas las agendas en un PDF (trabajo BullMQ «exports») / All agendas as one PDF (BullMQ job)' })
  agendas(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: RequestAgendasExportBody }) b: z.infer<typeof RequestAgendasExportBody>,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(RequestAgendasExport, who, { ...b, eventId }).then((row) => this.exports.describe(row));
  }

  @Get('jobs/:jobId')
  @Returns(ExportJobOut)
  @ApiOperation({ summary: 'Estado y progreso de una exportación / Export status and progress' })
  status(@Param('eventId', UuidPipe) eventId: string, @Param('jobId', UuidPipe) id: string) {
    return this.exports.status(eventId, id);
  }

  @Get('jobs/:jobId/file')
  @ApiOperation({ summary: 'Descargar el archivo terminado (409 si aún no) / Download the finished file (409 until done)' })
  @ReturnsFile('application/pdf')
  async file(@Param('eventId', UuidPipe) eventId: string, @Param('jobId', UuidPipe) id: string, @Res() res: Response) {
    sendFile(res, await this.exports.file(eventId, id));
  }
}
