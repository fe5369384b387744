import { Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Returns, ReturnsFile } from '../../platform/openapi';
import { CalendarIssuedOut, CalendarRevokedOut, CalendarStatusOut } from './calendar.responses';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Allow, CurrentPrincipal, Principal, Public } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { CalendarService } from './calendar.service';

type Me = Extract<Principal, { type: 'participant' }>;

@ApiTags('me')
@Controller('me/calendar')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class MeCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Mi suscripción de calendario / My calendar subscription' })
  @Returns(CalendarStatusOut)
  status(@CurrentPrincipal() p: Me) {
    return this.calendar.status(p.participantId);
  }

  @Post()
  @ApiOperation({
    summary: 'Crear o renovar mi enlace de calendario (anula el anterior) / Create or renew my calendar link (revokes the old one)',
  })
  @Returns(CalendarIssuedOut)
  issue(@CurrentPrincipal() p: Me) {
    return this.calendar.issue(p.participantId);
  }

  @Delete()
  @ApiOperation({ summary: 'Revocar mi enlace de calendario / Revoke my calendar link' })
  @Returns(CalendarRevokedOut)
  revoke(@CurrentPrincipal() p: Me) {
    return this.calendar.revoke(p.participantId);
  }
}

/** What calendar apps fetch: no header can be set there, so the secret is the path. */
@ApiTags('me')
@Controller('calendar')
@Public()
@Throttle({ default: accessLinkRate() })
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':file')
  @ReturnsFile('text/calendar')
  @ApiOperation({ summary: 'Agenda del participante como calendario suscrito (webcal) / Participant agenda as a subscribed calendar' })
  async feed(@Param('file') file: string, @Res() res: Response) {
    const body = await this.calendar.feed(file.replace(/\.ics$/, ''));
    res.status(200).type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'no-cache, private');
    res.setHeader('Content-Disposition', 'inline; filename="rueda.ics"');
    res.send(body);
  }
}
