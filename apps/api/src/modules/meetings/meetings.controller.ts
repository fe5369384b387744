import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MEETING_STATUSES } from '@rueda/domain';
import { onBehalf } from '../auth/on-behalf';
import {
  AnswerRequest,
  AnswerRequestCommand,
  CreateMeeting,
  CreateMeetingCommand,
  ExpireRequests,
  RequestMeeting,
  RequestMeetingCommand,
  SetMeetingVideo,
  SetMeetingVideoCommand,
  SetMeetingWindow,
  SetMeetingWindowCommand,
  UseCases,
} from '@rueda/application';
import { Allow, CurrentPrincipal, type Principal } from '../auth/principal';
import { pageQuery } from '../../platform/pagination';
import { MeetingsService } from './meetings.service';
import { UuidPipe } from '../../platform/validation';
import { Returns } from '../../platform/openapi';
import { MeetingOut, MeetingPageOut, MeetingVideoOut } from './meetings.responses';

// The route bodies are the use cases' commands without what the path (or the link) says.
export const RequestBody = RequestMeetingCommand.omit({ eventId: true, requesterId: true });
const OnBehalfBody = RequestMeetingCommand.omit({ eventId: true });
const CreateBody = CreateMeetingCommand.omit({ eventId: true });
const WindowBody = SetMeetingWindowCommand.omit({ eventId: true, meetingId: true });
export const AnswerBody = AnswerRequestCommand.pick({ version: true });
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
  async list(
    @Param('eventId', UuidPipe) eventId: string,
    @Query({ schema: ListQuery }) q: z.infer<typeof ListQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    // Overdue requests show as expired even when the worker's sweep has not run yet.
    await this.useCases.execute(ExpireRequests, principal, { eventId });
    return this.meetings.list(eventId, q);
  }

  @Post()
  @Returns(MeetingOut)
  @Allow('admin')
  @ApiOperation({ summary: 'Añadir una reunión aceptada u obligatoria / Add an accepted or mandatory meeting' })
  create(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: CreateBody }) b: z.infer<typeof CreateBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(CreateMeeting, principal, { ...b, eventId });
  }

  @Post('requests')
  @Returns(MeetingOut)
  @Allow(...onBehalf('requestMeeting'))
  @ApiOperation({ summary: 'Solicitar una reunión en nombre de un participante / Request a meeting on behalf of a participant' })
  request(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: OnBehalfBody }) b: z.infer<typeof OnBehalfBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(RequestMeeting, principal, { ...b, eventId });
  }

  @Put(':meetingId/window')
  @Returns(MeetingOut)
  @Allow('admin')
  @ApiOperation({ summary: "Ventana de franjas de una reunión (null = cualquiera) / A meeting's window of slots (null = any)" })
  setWindow(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: WindowBody }) b: z.infer<typeof WindowBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(SetMeetingWindow, principal, { ...b, eventId, meetingId: id });
  }

  @Post(':meetingId/accept')
  @Returns(MeetingOut)
  @Allow(...onBehalf('answerRequest'))
  @HttpCode(200)
  accept(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(AnswerRequest, principal, { ...b, eventId, meetingId: id, answer: 'accept' });
  }

  @Post(':meetingId/decline')
  @Returns(MeetingOut)
  @Allow(...onBehalf('answerRequest'))
  @HttpCode(200)
  decline(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(AnswerRequest, principal, { ...b, eventId, meetingId: id, answer: 'decline' });
  }
}
