import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CheckInDelegate,
  CheckInByCode,
  CheckInByCodeCommand,
  CheckInDelegateCommand,
  CorrectMeetingStatus,
  CorrectMeetingStatusCommand,
  DelaySlots,
  DelaySlotsCommand,
  ListProposals,
  ListProposalsInput,
  LiveLog,
  LiveLogInput,
  MeetingStatusHistory,
  MoveMeeting,
  MoveMeetingCommand,
  RecordLeave,
  RecordLeaveCommand,
  RecordWalkIn,
  RecordWalkInCommand,
  ResolveProposal,
  SetMeetingStatus,
  SetMeetingStatusCommand,
  UndoMeetingStatus,
  UndoMeetingStatusCommand,
  UseCases,
} from '@rueda/application';
import { UuidPipe } from '../../platform/validation';
import { Allow, CurrentPrincipal, type Principal } from '../auth/principal';
import { Returns } from '../../platform/openapi';
import {
  CheckInByCodeOut,
  CheckInOut,
  DelayOut,
  LeaveOut,
  LiveLogOut,
  LiveMeetingOut,
  MarkOut,
  ProposalListOut,
  ProposalOut,
  StatusHistoryOut,
} from './live.responses';

// Each route's body is its use case's command without what the path names.
const CheckInBody = CheckInDelegateCommand.omit({ eventId: true });
const CheckInCodeBody = CheckInByCodeCommand.omit({ eventId: true });
const StatusBody = SetMeetingStatusCommand.omit({ eventId: true, meetingId: true });
const UndoBody = UndoMeetingStatusCommand.omit({ eventId: true, meetingId: true });
const CorrectionBody = CorrectMeetingStatusCommand.omit({ eventId: true, meetingId: true });
const DelayBody = DelaySlotsCommand.omit({ eventId: true });
const WalkInBody = RecordWalkInCommand.omit({ eventId: true });
const LeaveBody = RecordLeaveCommand.omit({ eventId: true, participantId: true });
const MoveBody = MoveMeetingCommand.omit({ eventId: true, meetingId: true });
const ProposalsQuery = ListProposalsInput.omit({ eventId: true });
const LogQuery = LiveLogInput.omit({ eventId: true });

/** The day of the event over HTTP: every route runs the use case its socket or job twin runs. */
@ApiTags('live')
@ApiBearerAuth()
@Controller('events/:eventId/live')
@Allow('admin', 'staff')
export class LiveController {
  constructor(private readonly useCases: UseCases) {}

  @Post('checkins')
  @Returns(CheckInOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Registrar la llegada de un delegado (repetirlo no hace daño) / Check a delegate in (idempotent)' })
  checkIn(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: CheckInBody }) b: z.infer<typeof CheckInBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(CheckInDelegate, p, { ...b, eventId });
  }

  @Post('checkins/code')
  @Returns(CheckInByCodeOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Registrar una llegada con el código QR de la agenda / Check a delegate in with the agenda’s QR code' })
  checkInByCode(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: CheckInCodeBody }) b: z.infer<typeof CheckInCodeBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(CheckInByCode, p, { ...b, eventId });
  }

  @Post('meetings/:meetingId/status')
  @Returns(MarkOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Estado de la reunión en la mesa: presente, realizada, ausencia, cancelada / Meeting status at the table' })
  status(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: StatusBody }) b: z.infer<typeof StatusBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(SetMeetingStatus, p, { ...b, eventId, meetingId });
  }

  @Post('meetings/:meetingId/undo')
  @Returns(LiveMeetingOut)
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deshacer la última marca de la mesa (un minuto) / Undo the table’s last mark (one minute)' })
  undo(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: UndoBody }) b: z.infer<typeof UndoBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(UndoMeetingStatus, principal, { ...b, eventId, meetingId });
  }

  @Post('meetings/:meetingId/correction')
  @Returns(LiveMeetingOut)
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Corregir el estado de una reunión, con motivo (queda registrado) / Correct a meeting’s status, with a reason (audited)',
  })
  correction(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: CorrectionBody }) b: z.infer<typeof CorrectionBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(CorrectMeetingStatus, principal, { ...b, eventId, meetingId });
  }

  @Get('meetings/:meetingId/history')
  @Returns(StatusHistoryOut)
  @Allow('admin', 'staff')
  @ApiOperation({
    summary: 'Historial de estados: quién, cuándo, antes y después, por qué / Status history: who, when, before, after, why',
  })
  history(@Param('eventId', UuidPipe) eventId: string, @Param('meetingId', UuidPipe) meetingId: string, @CurrentPrincipal() p: Principal) {
    return this.useCases.ask(MeetingStatusHistory, p, { eventId, meetingId });
  }

  @Post('delays')
  @Returns(DelayOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Retrasar una franja o el resto del día / Delay a slot or the rest of the day' })
  delay(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: DelayBody }) b: z.infer<typeof DelayBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(DelaySlots, p, { ...b, eventId });
  }

  @Post('walk-ins')
  @Returns(LiveMeetingOut)
  @ApiOperation({ summary: 'Reunión espontánea en la primera mesa y franja libres / Walk-in meeting at the first free table and slot' })
  walkIn(
    @Param('eventId', UuidPipe) eventId: string,
    @Body({ schema: WalkInBody }) b: z.infer<typeof WalkInBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(RecordWalkIn, p, { ...b, eventId });
  }

  @Post('participants/:participantId/leave')
  @Returns(LeaveOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'El participante se retira: se liberan sus reuniones posteriores / The participant leaves early' })
  leave(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('participantId', UuidPipe) participantId: string,
    @Body({ schema: LeaveBody }) b: z.infer<typeof LeaveBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(RecordLeave, p, { ...b, eventId, participantId });
  }

  @Post('meetings/:meetingId/move')
  @Returns(LiveMeetingOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mover una reunión a otra mesa o franja / Move a meeting' })
  move(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: MoveBody }) b: z.infer<typeof MoveBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.execute(MoveMeeting, p, { ...b, eventId, meetingId });
  }

  @Get('proposals')
  @Returns(ProposalListOut)
  @ApiOperation({ summary: 'Propuestas de reemplazo / Replacement proposals' })
  proposals(
    @Param('eventId', UuidPipe) eventId: string,
    @Query({ schema: ProposalsQuery }) q: z.infer<typeof ProposalsQuery>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.ask(ListProposals, p, { ...q, eventId });
  }

  @Post('proposals/:proposalId/accept')
  @Returns(ProposalOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Aceptar una propuesta de reemplazo / Accept a replacement proposal' })
  accept(@Param('eventId', UuidPipe) eventId: string, @Param('proposalId', UuidPipe) proposalId: string, @CurrentPrincipal() p: Principal) {
    return this.useCases.execute(ResolveProposal, p, { eventId, proposalId, accept: true });
  }

  @Post('proposals/:proposalId/reject')
  @Returns(ProposalOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Rechazar una propuesta de reemplazo / Reject a replacement proposal' })
  reject(@Param('eventId', UuidPipe) eventId: string, @Param('proposalId', UuidPipe) proposalId: string, @CurrentPrincipal() p: Principal) {
    return this.useCases.execute(ResolveProposal, p, { eventId, proposalId, accept: false });
  }

  @Get('log')
  @Returns(LiveLogOut)
  @ApiOperation({ summary: 'Mensajes en vivo desde un número de secuencia / Live messages after a sequence number' })
  log(
    @Param('eventId', UuidPipe) eventId: string,
    @Query({ schema: LogQuery }) q: z.infer<typeof LogQuery>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.ask(LiveLog, p, { ...q, eventId });
  }
}
