import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Allow } from '../auth/principal';
import { SchedulingService } from './scheduling.service';
import { UuidPipe } from '../../platform/validation';

const GenerateBody = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1),
    timeLimitSeconds: z.number().min(1).max(600).default(20),
    minMeetingsPerGadm: z.number().int().min(0).max(20).default(1),
    mode: z.enum(['full', 'keep-published']).default('keep-published'),
    /** Fairness of waits: most difference of idle time between two participants. */
    maxIdleSpread: z.number().int().min(0).max(50).optional(),
  })
  .strict();
const AssignmentBody = z.object({ slotId: z.uuid(), tableId: z.uuid() }).strict();
const InstanceQuery = z.object({ keepPublished: z.enum(['true', 'false']).default('true') });

@ApiTags('scheduling')
@Controller('events/:eventId/schedules')
export class SchedulingController {
  constructor(private readonly scheduling: SchedulingService) {}

  @Post()
  @Allow('admin')
  @ApiOperation({
    summary: 'Generar una agenda (trabajo BullMQ «scheduling») / Generate a schedule (BullMQ job)',
    description:
      'mode=keep-published (default) keeps the published meetings where they are and re-plans the rest; mode=full plans everything again.',
  })
  generate(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: GenerateBody }) b: z.infer<typeof GenerateBody>) {
    return this.scheduling.generate(eventId, b);
  }

  @Get()
  @Allow('admin', 'staff')
  list(@Param('eventId', UuidPipe) eventId: string) {
    return this.scheduling.list(eventId);
  }

  @Get('instance')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'La instancia rueda.schedule-instance/1 del evento / The event as rueda.schedule-instance/1' })
  instance(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: InstanceQuery }) q: z.infer<typeof InstanceQuery>) {
    return this.scheduling.instance(eventId, q.keepPublished === 'true');
  }

  @Get(':versionId')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Cifras, cota, brecha y reuniones no agendadas / Figures, bound, gap and unscheduled meetings' })
  get(@Param('eventId', UuidPipe) eventId: string, @Param('versionId', UuidPipe) id: string) {
    return this.scheduling.get(eventId, id);
  }

  @Get(':versionId/assignments')
  @Allow('admin', 'staff')
  assignments(@Param('eventId', UuidPipe) eventId: string, @Param('versionId', UuidPipe) id: string) {
    return this.scheduling.assignments(eventId, id);
  }

  @Put(':versionId/assignments/:meetingId')
  @Allow('admin')
  @ApiOperation({ summary: 'Mover una reunión del borrador a otra mesa o franja (arrastrar) / Move a draft meeting (drag and drop)' })
  move(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('versionId', UuidPipe) id: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: AssignmentBody }) b: z.infer<typeof AssignmentBody>,
  ) {
    return this.scheduling.editAssignment(eventId, id, meetingId, b);
  }

  @Delete(':versionId/assignments/:meetingId')
  @Allow('admin')
  @ApiOperation({ summary: 'Quitar una reunión del borrador / Take a meeting out of the draft' })
  unassign(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('versionId', UuidPipe) id: string,
    @Param('meetingId', UuidPipe) meetingId: string,
  ) {
    return this.scheduling.editAssignment(eventId, id, meetingId, null);
  }

  @Post(':versionId/publish')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publicar el borrador / Publish the draft' })
  publish(@Param('eventId', UuidPipe) eventId: string, @Param('versionId', UuidPipe) id: string) {
    return this.scheduling.publish(eventId, id);
  }
}
