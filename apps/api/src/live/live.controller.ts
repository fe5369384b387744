import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { missedLive } from '@rueda/persistence';
import { Allow } from '../auth/principal';
import { LiveOpsService } from './live-ops.service';

const CheckInBody = z.object({ delegateId: z.uuid() }).strict();
const StatusBody = z.object({ status: z.enum(['checked_in', 'held', 'no_show', 'cancelled']), version: z.number().int().min(1).optional() }).strict();
const LogQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

@ApiTags('live')
@ApiBearerAuth()
@Controller('events/:eventId/live')
export class LiveController {
  constructor(private readonly ops: LiveOpsService, @InjectDataSource() private readonly db: DataSource) {}

  @Post('checkins')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Registrar la llegada de un delegado (repetirlo no hace daño) / Check a delegate in (idempotent)' })
  checkIn(@Param('eventId', ParseUUIDPipe) eventId: string, @Body({ schema: CheckInBody }) b: z.infer<typeof CheckInBody>) {
    return this.ops.checkIn(eventId, b.delegateId);
  }

  @Post('meetings/:meetingId/status')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Estado de la reunión en la mesa: presente, realizada, ausencia, cancelada / Meeting status at the table' })
  status(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body({ schema: StatusBody }) b: z.infer<typeof StatusBody>,
  ) {
    return this.ops.setMeetingStatus(eventId, meetingId, b.status, b.version);
  }

  @Get('log')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Mensajes en vivo desde un número de secuencia / Live messages after a sequence number' })
  log(@Param('eventId', ParseUUIDPipe) eventId: string, @Query({ schema: LogQuery }) q: z.infer<typeof LogQuery>) {
    return missedLive(this.db.manager, eventId, q.after, {});
  }
}
