import { z } from 'zod';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { RecordOutcome, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { OutcomeBody, OutcomeInput } from './outcomes.schemas';
import { OutcomesService } from './outcomes.service';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import { OutcomeOut, PendingOutcomesOut } from './outcomes.responses';

type Me = Extract<Principal, { type: 'participant' }>;

/** A participant's own outcome forms, through its personal access link; never the other side's. */
@ApiTags('me')
@Controller('me/outcomes')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class MeOutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly useCases: UseCases,
  ) {}

  @Get()
  @Returns(z.array(OutcomeOut))
  @ApiOperation({ summary: 'Mis resultados registrados / My recorded outcomes' })
  list(@CurrentPrincipal() p: Me) {
    return this.outcomes.listMine(p.eventId, p.participantId);
  }

  @Get('pending')
  @Returns(PendingOutcomesOut)
  @ApiOperation({ summary: 'Mis reuniones realizadas sin resultado / My held meetings without an outcome' })
  async pending(@CurrentPrincipal() p: Me) {
    const [mine] = await this.outcomes.missing(p.eventId, p.participantId);
    const meetings = mine?.missing ?? [];
    return { count: meetings.length, meetings };
  }

  @Get(':meetingId')
  @Returns(OutcomeOut)
  @ApiOperation({ summary: 'Mi resultado de una reunión / My outcome of a meeting' })
  get(@CurrentPrincipal() p: Me, @Param('meetingId', UuidPipe) meetingId: string) {
    return this.outcomes.mine(p.eventId, p.participantId, meetingId);
  }

  @Put(':meetingId')
  @Returns(OutcomeOut)
  @ApiOperation({ summary: 'Registrar o corregir mi resultado de una reunión realizada / Record or correct my outcome of a held meeting' })
  upsert(@CurrentPrincipal() p: Me, @Param('meetingId', UuidPipe) meetingId: string, @Body({ schema: OutcomeBody }) b: OutcomeInput) {
    return this.useCases.execute(RecordOutcome, p, { ...b, eventId: p.eventId, meetingId, participantId: p.participantId });
  }
}
