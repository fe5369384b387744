import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { z } from 'zod';
import { AuthService } from '../auth/auth.service';
import {
  CreateEvent,
  DeleteEvent,
  GetEvent,
  type Principal,
  ReplaceSessions,
  SetUnavailability,
  UpdateEvent,
  UseCases,
} from '@rueda/application';
import { Allow, CurrentPrincipal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { pageQuery } from '../../platform/pagination';
import { CreateEventBody, ReplaceSessionsBody, UnavailabilityBody, UpdateEventBody } from './events.schemas';
import { EventsService } from './events.service';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import { AccessLinkOut, EventOut, EventPage, SlotIds, SlotOut } from './events.responses';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly auth: AuthService,
    private readonly useCases: UseCases,
  ) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Crear una Jornada con sesiones y mesas / Create an event with sessions and tables' })
  @Returns(EventOut)
  create(@Body({ schema: CreateEventBody }) body: z.infer<typeof CreateEventBody>, @CurrentPrincipal() p: Principal) {
    return this.useCases.execute(CreateEvent, p, body);
  }

  @Get()
  @Allow('admin', 'staff')
  @Returns(EventPage)
  list(@Query({ schema: pageQuery }) q: z.infer<typeof pageQuery>) {
    return this.events.list(q.page, q.pageSize);
  }

  @Get(':eventId')
  @Allow('admin', 'staff')
  @Returns(EventOut)
  get(@Param('eventId', UuidPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.useCases.ask(GetEvent, p, { eventId: id });
  }

  @Patch(':eventId')
  @Allow('admin')
  @Returns(EventOut)
  update(
    @Param('eventId', UuidPipe) id: string,
    @Body({ schema: UpdateEventBody }) body: z.infer<typeof UpdateEventBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(UpdateEvent, p, { ...body, eventId: id });
  }

  @Delete(':eventId')
  @Allow('admin')
  @HttpCode(204)
  async remove(@Param('eventId', UuidPipe) id: string, @CurrentPrincipal() p: Principal) {
    await this.useCases.execute(DeleteEvent, p, { eventId: id });
  }

  @Put(':eventId/sessions')
  @Allow('admin')
  @ApiOperation({ summary: 'Reemplazar sesiones y regenerar franjas / Replace sessions and regenerate slots' })
  @Returns(EventOut)
  replaceSessions(
    @Param('eventId', UuidPipe) id: string,
    @Body({ schema: ReplaceSessionsBody }) body: z.infer<typeof ReplaceSessionsBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(ReplaceSessions, p, { ...body, eventId: id });
  }

  @Get(':eventId/slots')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Franjas generadas / Generated slots' })
  @Returns(z.array(SlotOut))
  slots(@Param('eventId', UuidPipe) id: string) {
    return this.events.slots(id);
  }

  @Get(':eventId/participants/:participantId/unavailability')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Franjas en que no puede asistir / Slots the participant cannot attend' })
  @Returns(SlotIds)
  unavailability(@Param('eventId', UuidPipe) id: string, @Param('participantId', UuidPipe) pid: string) {
    return this.events.unavailability(id, pid);
  }

  @Put(':eventId/participants/:participantId/unavailability')
  @Allow('admin')
  @Returns(SlotIds)
  setUnavailability(
    @Param('eventId', UuidPipe) id: string,
    @Param('participantId', UuidPipe) pid: string,
    @Body({ schema: UnavailabilityBody }) body: z.infer<typeof UnavailabilityBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(SetUnavailability, p, { ...body, eventId: id, participantId: pid });
  }

  @Post(':eventId/participants/:participantId/access-link')
  @Allow('admin')
  @Throttle({ default: accessLinkRate() })
  @ApiOperation({ summary: 'Emitir el enlace personal (invalida el anterior) / Issue the personal access link (revokes the previous one)' })
  @Returns(AccessLinkOut)
  async accessLink(
    @Param('eventId', UuidPipe) id: string,
    @Param('participantId', UuidPipe) pid: string,
    @CurrentPrincipal() p: Principal,
  ) {
    const token = await this.auth.issueAccessToken(p, id, pid);
    return { participantId: pid, token, path: `/a/${token}`, validUntil: await this.auth.linksLastDay(id) };
  }
}
