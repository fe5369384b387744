import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { sendFile } from './reports.controller';
import { ReportsService } from './reports.service';
import { UuidPipe } from '../../platform/validation';
import { ReturnsFile } from '../../platform/openapi';

type Me = Extract<Principal, { type: 'participant' }>;

/** One participant's agenda, rendered on request: small enough not to need a job. */
@ApiTags('exports')
@Controller('events/:eventId/participants/:participantId')
@Allow('admin', 'staff')
export class ParticipantAgendaController {
  constructor(private readonly reports: ReportsService) {}

  @Get('agenda.pdf')
  @ApiOperation({ summary: 'Agenda del participante en PDF / Participant agenda as PDF' })
  @ReturnsFile('application/pdf')
  async pdf(@Param('eventId', UuidPipe) eventId: string, @Param('participantId', UuidPipe) pid: string, @Res() res: Response) {
    sendFile(res, await this.reports.agenda(eventId, pid, 'pdf'));
  }

  @Get('agenda.ics')
  @ApiOperation({ summary: 'Agenda del participante en iCalendar / Participant agenda as iCalendar' })
  @ReturnsFile('text/calendar')
  async ics(@Param('eventId', UuidPipe) eventId: string, @Param('participantId', UuidPipe) pid: string, @Res() res: Response) {
    sendFile(res, await this.reports.agenda(eventId, pid, 'ics'));
  }
}

@ApiTags('me')
@Controller('me')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class MeAgendaController {
  constructor(private readonly reports: ReportsService) {}

  @Get('agenda.pdf')
  @ApiOperation({ summary: 'Mi agenda en PDF / My agenda as PDF' })
  @ReturnsFile('application/pdf')
  async pdf(@CurrentPrincipal() p: Me, @Res() res: Response) {
    sendFile(res, await this.reports.agenda(p.eventId, p.participantId, 'pdf'));
  }

  @Get('agenda.ics')
  @ApiOperation({ summary: 'Mi agenda para el calendario (iCalendar) / My agenda for the calendar (iCalendar)' })
  @ReturnsFile('text/calendar')
  async ics(@CurrentPrincipal() p: Me, @Res() res: Response) {
    sendFile(res, await this.reports.agenda(p.eventId, p.participantId, 'ics'));
  }
}
