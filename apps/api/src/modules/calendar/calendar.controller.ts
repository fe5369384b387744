import { Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Returns, ReturnsFile } from '../../platform/openapi';
import { CalendarIssuedOut, CalendarRevokedOut, CalendarStatusOut } from './calendar.responses';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Allow, CurrentPrincipal, Principal, Public } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { CalendarService } from './calendar.service';
import { IssueCalendarFeed, MyCalendarFeed, RevokeCalendarFeed, UseCases } from '@rueda/application';

type Me = Extract<Principal, { type: 'participant' }>;
const own = (p: Me) => ({ eventId: p.eventId, participantId: p.participantId });

@ApiTags('me')
@Controller('me/calendar')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class MeCalendarController {
  constructor(private readonly useCases: UseCases) {}

  @Get()
  @ApiOperation({ summary: 'Mi suscripción de calendario / My calendar subscription' })
  @Returns(CalendarStatusOut)
  status(@CurrentPrincipal() p: Me) {
    return this.useCases.ask(MyCalendarFeed, p, own(p));
  }

  @Post()
  @ApiOperation({
    summary: 'Crear o renovar mi enlace de calendario (anula el anterior) / Create or renew my calendar link (revokes the old one)',
  })
  @Returns(CalendarIssuedOut)
  issue(@CurrentPrincipal() p: Me) {
    return this.useCases.execute(IssueCalendarFeed, p, own(p));
  }

  @Delete()
  @ApiOperation({ summary: 'Revocar mi enlace de calendario / Revoke my calendar link' })
  @Returns(CalendarRevokedOut)
  revoke(@CurrentPrincipal() p: Me) {
    return this.useCases.execute(RevokeCalendarFeed, p, own(p));
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
