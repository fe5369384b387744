import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdvanceCommitment, CreateCommitment, ReviewCommitment, UpdateCommitment, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { CommitmentsService } from './commitments.service';
import {
  AdvanceCommitmentBody,
  AdvanceCommitmentInput,
  CommitmentListInput,
  CommitmentListQuery,
  CreateCommitmentBody,
  CreateCommitmentInput,
  ReviewCommitmentBody,
  ReviewCommitmentInput,
  UpdateCommitmentBody,
  UpdateCommitmentInput,
} from './outcomes.schemas';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import { CommitmentOut, CommitmentPageOut } from './outcomes.responses';

/** Follow-up of what meetings produced: identified → negotiation → signed → execution → closed, or dropped. */
@ApiTags('commitments')
@Controller('events/:eventId/commitments')
@Allow('admin', 'staff')
export class CommitmentsController {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly useCases: UseCases,
  ) {}

  @Post()
  @Returns(CommitmentOut)
  @ApiOperation({ summary: 'Registrar un compromiso de una reunión realizada / Record a commitment from a held meeting' })
  create(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: CreateCommitmentBody }) b: CreateCommitmentInput,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(CreateCommitment, who, { ...b, eventId });
  }

  @Get()
  @Returns(CommitmentPageOut)
  @ApiOperation({
    summary: 'Compromisos, con filtros / Commitments, filtered',
    description: 'stage, meetingId, participantId, reviewDueBy=YYYY-MM-DD (open commitments with a 3/6/12-month review due and not done).',
  })
  list(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: CommitmentListQuery }) q: CommitmentListInput) {
    return this.commitments.list(eventId, q);
  }

  @Get(':commitmentId')
  @Returns(CommitmentOut)
  get(@Param('eventId', UuidPipe) eventId: string, @Param('commitmentId', UuidPipe) id: string) {
    return this.commitments.get(eventId, id);
  }

  @Patch(':commitmentId')
  @Returns(CommitmentOut)
  @ApiOperation({
    summary: 'Corregir título, descripción o monto (versión requerida) / Correct title, description or amount (version required)',
  })
  update(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('commitmentId', UuidPipe) id: string,
    @Body({ schema: UpdateCommitmentBody }) b: UpdateCommitmentInput,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(UpdateCommitment, who, { ...b, eventId, commitmentId: id });
  }

  @Post(':commitmentId/stage')
  @Returns(CommitmentOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Avanzar de etapa o descartar (versión requerida) / Move to a later stage or drop (version required)' })
  advance(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('commitmentId', UuidPipe) id: string,
    @Body({ schema: AdvanceCommitmentBody }) b: AdvanceCommitmentInput,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(AdvanceCommitment, who, { ...b, eventId, commitmentId: id });
  }

  @Post(':commitmentId/reviews')
  @Returns(CommitmentOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Registrar la revisión de 3, 6 o 12 meses / Record the 3-, 6- or 12-month review' })
  review(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('commitmentId', UuidPipe) id: string,
    @Body({ schema: ReviewCommitmentBody }) b: ReviewCommitmentInput,
    @CurrentPrincipal() who: Principal,
  ) {
    return this.useCases.execute(ReviewCommitment, who, { ...b, eventId, commitmentId: id });
  }
}
