import { TEXT_LIMITS } from '@rueda/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MEETING_STATUSES } from '@rueda/domain';
import { onBehalf } from '../auth/on-behalf';
import { SetMeetingVideo, SetMeetingVideoCommand, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, type Principal } from '../auth/principal';
import { pageQuery } from '../../platform/pagination';
import { MeetingsService } from './meetings.service';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import { MeetingOut, MeetingPageOut, MeetingVideoOut } from './meetings.responses';

/** A meeting's window: the slots it may be scheduled in (morning only, day 2 only). */
const AllowedSlotIds = z.array(z.uuid()).min(1).max(500);
export const RequestBody = z
  .object({
    counterpartId: z.uuid(),
    demandId: z.uuid().nullish(),
    offerId: z.uuid().nullish(),
    note: z.string().max(TEXT_LIMITS.meetings.note).optional(),
    allowedSlotIds: AllowedSlotIds.optional(),
  })
  .strict();
const OnBehalfBody = RequestBody.extend({ requesterId: z.uuid() }).strict();
const CreateBody = z
  .object({
    participantAId: z.uuid(),
    participantBId: z.uuid(),
    demandId: z.uuid().nullish(),
    offerId: z.uuid().nullish(),
    mandatory: z.boolean().default(false),
    note: z.string().max(TEXT_LIMITS.meetings.note).optional(),
    allowedSlotIds: AllowedSlotIds.optional(),
  })
  .strict();
const WindowBody = z.object({ allowedSlotIds: AllowedSlotIds.nullable() }).strict();
export const AnswerBody = z.object({ version: z.number().int().min(1).optional() }).strict();
const VideoBody = SetMeetingVideoCommand.omit({ eventId: true, meetingId: true });
const ListQuery = pageQuery.extend({ status: z.enum(MEETING_STATUSES).optional(), participantId: z.uuid().optional() });

@ApiTags('meetings')
@Controller('events/:eventId/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly useCases: UseCases,
  ) {}

  @Put(':meetingId/video')
  @Allow('admin')
  @ApiOperation({
    summary:
      'Reunión híbrida: enlace de videollamada (null la vuelve presencial) / Hybrid meeting: video-call link (null makes it on site)',
  })
  @Returns(MeetingVideoOut)
  video(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: VideoBody }) b: z.infer<typeof VideoBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(SetMeetingVideo, principal, { ...b, eventId, meetingId });
  }

  @Get()
  @Returns(MeetingPageOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Reuniones y solicitudes / Meetings and requests' })
  list(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>) {
    return this.meetings.list(eventId, q);
  }

  @Post()
  @Returns(MeetingOut)
  @Allow('admin')
  @ApiOperation({ summary: 'Añadir una reunión aceptada u obligatoria / Add an accepted or mandatory meeting' })
  create(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: CreateBody }) b: z.infer<typeof CreateBody>) {
    return this.meetings.create(eventId, b);
  }

  @Post('requests')
  @Returns(MeetingOut)
  @Allow(...onBehalf('requestMeeting'))
  @ApiOperation({ summary: 'Solicitar una reunión en nombre de un participante / Request a meeting on behalf of a participant' })
  request(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: OnBehalfBody }) b: z.infer<typeof OnBehalfBody>) {
    const { requesterId, ...input } = b;
    return this.meetings.request(eventId, requesterId, input);
  }

  @Put(':meetingId/window')
  @Returns(MeetingOut)
  @Allow('admin')
  @ApiOperation({ summary: "Ventana de franjas de una reunión (null = cualquiera) / A meeting's window of slots (null = any)" })
  setWindow(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: WindowBody }) b: z.infer<typeof WindowBody>,
  ) {
    return this.meetings.setWindow(eventId, id, b.allowedSlotIds);
  }

  @Post(':meetingId/accept')
  @Returns(MeetingOut)
  @Allow(...onBehalf('answerRequest'))
  @HttpCode(200)
  accept(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>,
  ) {
    return this.meetings.respond(eventId, id, 'accept', { version: b.version });
  }

  @Post(':meetingId/decline')
  @Returns(MeetingOut)
  @Allow(...onBehalf('answerRequest'))
  @HttpCode(200)
  decline(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>,
  ) {
    return this.meetings.respond(eventId, id, 'decline', { version: b.version });
  }
}
