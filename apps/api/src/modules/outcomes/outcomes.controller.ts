import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RecordOutcome, UseCases } from '@rueda/application';
import { onBehalf } from '../auth/on-behalf';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { MissingQuery, OutcomeBody, OutcomeInput, OutcomeListQuery } from './outcomes.schemas';
import { OutcomesService } from './outcomes.service';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import { MissingOutcomesOut, OutcomeOut, OutcomePageOut } from './outcomes.responses';

/** Organisers type in outcome forms (paper, phone) and chase the missing ones. */
@ApiTags('outcomes')
@Controller('events/:eventId')
@Allow('admin', 'staff')
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly useCases: UseCases,
  ) {}

  @Get('outcomes')
  @Returns(OutcomePageOut)
  @ApiOperation({ summary: 'Resultados registrados / Recorded outcomes' })
  list(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: OutcomeListQuery }) q: z.infer<typeof OutcomeListQuery>) {
    return this.outcomes.list(eventId, q);
  }

  @Get('outcomes/missing')
  @Returns(MissingOutcomesOut)
  @ApiOperation({
    summary:
      'Reuniones realizadas sin resultado, por participante (recordatorios) / Held meetings without an outcome, per participant (reminders)',
  })
  async missing(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: MissingQuery }) q: z.infer<typeof MissingQuery>) {
    const participants = await this.outcomes.missing(eventId, q.participantId);
    return { participants: participants.length, meetings: participants.reduce((n, p) => n + p.missing.length, 0), items: participants };
  }

  @Get('meetings/:meetingId/outcomes')
  @Returns(z.array(OutcomeOut))
  @ApiOperation({ summary: 'Resultados de ambos lados de una reunión / Both sides’ outcomes of a meeting' })
  ofMeeting(@Param('eventId', UuidPipe) eventId: string, @Param('meetingId', UuidPipe) meetingId: string) {
    return this.outcomes.ofMeeting(eventId, meetingId);
  }

  @Put('meetings/:meetingId/outcomes/:participantId')
  @Returns(OutcomeOut)
  @Allow(...onBehalf('recordOutcome'))
  @ApiOperation({ summary: 'Registrar o reemplazar el resultado de un lado / Record or replace one side’s outcome' })
  upsert(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Param('participantId', UuidPipe) participantId: string,
    @Body({ schema: OutcomeBody }) b: OutcomeInput,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(RecordOutcome, who, { ...b, eventId, meetingId, participantId });
  }
}
