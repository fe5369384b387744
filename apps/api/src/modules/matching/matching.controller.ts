import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Allow } from '../auth/principal';
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

const StartBody = z.object({ top: z.number().int().min(1).max(50).default(10) }).strict();
const MatchesQuery = pageQuery.extend({ demandId: z.uuid().optional(), offerId: z.uuid().optional(), participantId: z.uuid().optional() });
const OverrideBody = z.object({ demandId: z.uuid(), offerId: z.uuid(), mode: z.enum(['pin', 'block']) }).strict();
const ClearOverrideQuery = z.object({ demandId: z.uuid(), offerId: z.uuid() });

@ApiTags('matching')
@Controller('events/:eventId')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Post('matching/runs')
  @Returns(MatchRunOut)
  @Allow('admin')
  @ApiOperation({ summary: 'Calcular afinidades (trabajo BullMQ «matching») / Score the event (BullMQ job)' })
  start(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: StartBody }) body: z.infer<typeof StartBody>) {
    return this.matching.start(eventId, body.top);
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
  setOverride(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: OverrideBody }) b: z.infer<typeof OverrideBody>) {
    return this.matching.setOverride(eventId, b.demandId, b.offerId, b.mode);
  }

  @Delete('pair-overrides')
  @Allow('admin')
  @HttpCode(204)
  async clearOverride(
    @Param('eventId', UuidPipe) eventId: string,
    @Query({ schema: ClearOverrideQuery }) q: z.infer<typeof ClearOverrideQuery>,
  ) {
    await this.matching.clearOverride(eventId, q.demandId, q.offerId);
  }
}
