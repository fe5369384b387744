import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ClearPairOverride, PairOverrideBody, SetPairOverride, StartMatchingRun, StartMatchingRunBody, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { pageQuery } from '../../platform/pagination';
import { MatchingService } from './matching.service';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import {
  LatestMatchRunOut,
  MatchPageOut,
  MatchRunOut,
  PairOverrideOut,
  PairOverrideRowOut,
  RecommendationReportOut,
  RecommendationsOut,
} from './matching.responses';

const MatchesQuery = pageQuery.extend({ demandId: z.uuid().optional(), offerId: z.uuid().optional(), participantId: z.uuid().optional() });
const ClearOverrideQuery = z.object({ demandId: z.uuid(), offerId: z.uuid() });

@ApiTags('matching')
@Controller('events/:eventId')
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly useCases: UseCases,
  ) {}

  @Post('matching/runs')
  @Returns(MatchRunOut)
  @Allow('admin')
  @ApiOperation({ summary: 'Calcular afinidades (trabajo BullMQ «matching») / Score the event (BullMQ job)' })
  start(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: StartMatchingRunBody }) body: z.infer<typeof StartMatchingRunBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(StartMatchingRun, p, { ...body, eventId });
  }

  @Get('matching/runs/latest')
  @Returns(LatestMatchRunOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Estado y progreso del último cálculo / Status and progress of the latest run' })
  latest(@Param('eventId', UuidPipe) eventId: string) {
    return this.matching.latest(eventId);
  }

  @Get('matching/report')
  @Allow('admin', 'staff')
  @Returns(RecommendationReportOut)
  @ApiOperation({
    summary:
      'Cómo les fue a las recomendaciones: solicitudes desde el top 5 y aceptación por puesto / How recommendations fared: requests from the top five and acceptance by rank',
  })
  report(@Param('eventId', UuidPipe) eventId: string) {
    return this.matching.report(eventId);
  }

  @Get('matches')
  @Returns(MatchPageOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Afinidades con sus razones / Matches with their reasons' })
  matches(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: MatchesQuery }) q: z.infer<typeof MatchesQuery>) {
    return this.matching.matches(eventId, q);
  }

  @Get('participants/:participantId/recommendations')
  @Returns(RecommendationsOut)
  @Allow('admin', 'staff')
  @ApiOperation({
    summary:
      'Mejores contrapartes de un participante, con equidad para GADM pequeños / Best counterparts of a participant, fair to small GADMs',
  })
  recommendations(@Param('eventId', UuidPipe) eventId: string, @Param('participantId', UuidPipe) pid: string) {
    return this.matching.recommendations(eventId, pid);
  }

  @Get('pair-overrides')
  @Allow('admin', 'staff')
  @Returns(z.array(PairOverrideRowOut))
  @ApiOperation({ summary: 'Pares fijados o bloqueados / Pinned or blocked pairs' })
  overrides(@Param('eventId', UuidPipe) eventId: string) {
    return this.matching.overrides(eventId);
  }

  @Put('pair-overrides')
  @Returns(PairOverrideOut)
  @Allow('admin')
  @ApiOperation({ summary: 'Fijar o bloquear un par demanda–oferta / Pin or block a demand–offer pair' })
  setOverride(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: PairOverrideBody }) b: z.infer<typeof PairOverrideBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(SetPairOverride, p, { ...b, eventId });
  }

  @Delete('pair-overrides')
  @Allow('admin')
  @HttpCode(204)
  async clearOverride(
    @Param('eventId', UuidPipe) eventId: string,
    @Query({ schema: ClearOverrideQuery }) q: z.infer<typeof ClearOverrideQuery>,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.useCases.execute(ClearPairOverride, p, { ...q, eventId });
  }
}
