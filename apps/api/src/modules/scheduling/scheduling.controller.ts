import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  EditDraftAssignment,
  GenerateSchedule,
  GenerateScheduleCommand,
  PublishScheduleVersion,
  PublishScheduleVersionCommand,
  UseCases,
} from '@rueda/application';
import { Allow, CurrentPrincipal, type Principal } from '../auth/principal';
import { SchedulingService } from './scheduling.service';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import {
  AssignmentListOut,
  PublishedOut,
  ScheduleInstanceOut,
  ScheduleVersionDetailOut,
  ScheduleVersionListOut,
  ScheduleVersionOut,
} from './scheduling.responses';

const GenerateBody = GenerateScheduleCommand.omit({ eventId: true });
// No body at all is a plain publish.
const PublishBody = z.preprocess((b) => b ?? {}, PublishScheduleVersionCommand.omit({ eventId: true, versionId: true }));
const AssignmentBody = z.object({ slotId: z.uuid(), tableId: z.uuid() }).strict();
const InstanceQuery = z.object({ keepPublished: z.enum(['true', 'false']).default('true') });

@ApiTags('scheduling')
@Controller('events/:eventId/schedules')
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly useCases: UseCases,
  ) {}

  @Post()
  @Allow('admin')
  @Returns(ScheduleVersionOut)
  @ApiOperation({
    summary: 'Generar una agenda (trabajo BullMQ «scheduling») / Generate a schedule (BullMQ job)',
    description:
      'mode=keep-published (default) keeps the published meetings where they are and re-plans the rest; mode=full plans everything again.',
  })
  generate(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: GenerateBody }) b: z.infer<typeof GenerateBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(GenerateSchedule, p, { ...b, eventId });
  }

  @Get()
  @Allow('admin', 'staff')
  @Returns(ScheduleVersionListOut)
  list(@Param('eventId', UuidPipe) eventId: string) {
    return this.scheduling.list(eventId);
  }

  @Get('instance')
  @Allow('admin', 'staff')
  @Returns(ScheduleInstanceOut)
  @ApiOperation({ summary: 'La instancia rueda.schedule-instance/1 del evento / The event as rueda.schedule-instance/1' })
  instance(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: InstanceQuery }) q: z.infer<typeof InstanceQuery>) {
    return this.scheduling.instance(eventId, q.keepPublished === 'true');
  }

  @Get(':versionId')
  @Allow('admin', 'staff')
  @Returns(ScheduleVersionDetailOut)
  @ApiOperation({ summary: 'Cifras, cota, brecha y reuniones no agendadas / Figures, bound, gap and unscheduled meetings' })
  get(@Param('eventId', UuidPipe) eventId: string, @Param('versionId', UuidPipe) id: string) {
    return this.scheduling.get(eventId, id);
  }

  @Get(':versionId/assignments')
  @Allow('admin', 'staff')
  @Returns(AssignmentListOut)
  assignments(@Param('eventId', UuidPipe) eventId: string, @Param('versionId', UuidPipe) id: string) {
    return this.scheduling.assignments(eventId, id);
  }

  @Put(':versionId/assignments/:meetingId')
  @Allow('admin')
  @Returns(ScheduleVersionOut)
  @ApiOperation({ summary: 'Mover una reunión del borrador a otra mesa o franja (arrastrar) / Move a draft meeting (drag and drop)' })
  move(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('versionId', UuidPipe) id: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: AssignmentBody }) b: z.infer<typeof AssignmentBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(EditDraftAssignment, p, { eventId, versionId: id, meetingId, to: b });
  }

  @Delete(':versionId/assignments/:meetingId')
  @Allow('admin')
  @Returns(ScheduleVersionOut)
  @ApiOperation({ summary: 'Quitar una reunión del borrador / Take a meeting out of the draft' })
  unassign(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('versionId', UuidPipe) id: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(EditDraftAssignment, p, { eventId, versionId: id, meetingId, to: null });
  }

  @Post(':versionId/publish')
  @Allow('admin')
  @Returns(PublishedOut)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publicar el borrador; si hubo cambios en vivo después, 409 con la lista, o rebase: true para conservarlos / ' +
      'Publish the draft; after live changes, 409 with their list, or rebase: true to keep them',
  })
  publish(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('versionId', UuidPipe) id: string,
    @Body({ schema: PublishBody }) b: z.infer<typeof PublishBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(PublishScheduleVersion, p, { ...b, eventId, versionId: id });
  }
}
