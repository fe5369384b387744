import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CorrectMeetingStatus,
  CorrectMeetingStatusCommand,
  SetMeetingStatus,
  SetMeetingStatusCommand,
  UndoMeetingStatus,
  UndoMeetingStatusCommand,
  UseCases,
} from '@rueda/application';
import { UuidPipe } from '../../platform/validation';
import { Allow, CurrentPrincipal, type Principal } from '../auth/principal';
import { LiveOpsService } from './live-ops.service';

const CheckInBody = z.object({ delegateId: z.uuid() }).strict();
const CheckInCodeBody = z.object({ code: z.string().min(1).max(200) }).strict();
// The route's body is the use case's command without what the path names.
const StatusBody = SetMeetingStatusCommand.omit({ eventId: true, meetingId: true });
const UndoBody = UndoMeetingStatusCommand.omit({ eventId: true, meetingId: true });
const CorrectionBody = CorrectMeetingStatusCommand.omit({ eventId: true, meetingId: true });
const LogQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });
const DelayBody = z
  .object({ fromSlotId: z.uuid(), minutes: z.number().int().min(1).max(240), scope: z.enum(['slot', 'rest-of-day']).default('slot') })
  .strict();
const WalkInBody = z
  .object({ participantAId: z.uuid(), participantBId: z.uuid(), slotId: z.uuid().optional(), tableId: z.uuid().optional() })
  .strict();
const LeaveBody = z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict();
const MoveBody = z.object({ slotId: z.uuid(), tableId: z.uuid(), version: z.number().int().min(1).optional() }).strict();
const ProposalsQuery = z.object({ status: z.enum(['proposed', 'applied', 'rejected', 'expired', 'accepted']).optional() });

@ApiTags('live')
@ApiBearerAuth()
@Controller('events/:eventId/live')
export class LiveController {
  constructor(
    private readonly ops: LiveOpsService,
    private readonly useCases: UseCases,
  ) {}

  @Post('checkins')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Registrar la llegada de un delegado (repetirlo no hace daño) / Check a delegate in (idempotent)' })
  checkIn(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: CheckInBody }) b: z.infer<typeof CheckInBody>) {
    return this.ops.checkIn(eventId, b.delegateId);
  }

  @Post('checkins/code')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Registrar una llegada con el código QR de la agenda / Check a delegate in with the agenda’s QR code' })
  checkInByCode(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: CheckInCodeBody }) b: z.infer<typeof CheckInCodeBody>) {
    return this.ops.checkInByCode(eventId, b.code);
  }

  @Post('meetings/:meetingId/status')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Estado de la reunión en la mesa: presente, realizada, ausencia, cancelada / Meeting status at the table' })
  status(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body({ schema: StatusBody }) b: z.infer<typeof StatusBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.useCases.execute(SetMeetingStatus, principal, { ...b, eventId, meetingId });
  }

  @Post('meetings/:meetingId/undo')
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
  @Allow('admin', 'staff')
  @ApiOperation({
    summary: 'Historial de estados: quién, cuándo, antes y después, por qué / Status history: who, when, before, after, why',
  })
  history(@Param('eventId', UuidPipe) eventId: string, @Param('meetingId', UuidPipe) meetingId: string) {
    return this.ops.statusHistory(eventId, meetingId);
  }

  @Post('delays')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retrasar una franja o el resto del día / Delay a slot or the rest of the day' })
  delay(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: DelayBody }) b: z.infer<typeof DelayBody>) {
    return this.ops.delay(eventId, b);
  }

  @Post('walk-ins')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Reunión espontánea en la primera mesa y franja libres / Walk-in meeting at the first free table and slot' })
  walkIn(@Param('eventId', UuidPipe) eventId: string, @Body({ schema: WalkInBody }) b: z.infer<typeof WalkInBody>) {
    return this.ops.walkIn(eventId, b);
  }

  @Post('participants/:participantId/leave')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'El participante se retira: se liberan sus reuniones posteriores / The participant leaves early' })
  leave(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('participantId', UuidPipe) pid: string,
    @Body({ schema: LeaveBody }) b: z.infer<typeof LeaveBody>,
  ) {
    return this.ops.leave(eventId, pid, b.at ? new Date(b.at) : undefined);
  }

  @Post('meetings/:meetingId/move')
  @Allow('admin', 'staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mover una reunión a otra mesa o franja / Move a meeting' })
  move(
    @Param('eventId', UuidPipe) eventId: string,
    @Param('meetingId', UuidPipe) mid: string,
    @Body({ schema: MoveBody }) b: z.infer<typeof MoveBody>,
  ) {
    return this.ops.move(eventId, mid, b);
  }

  @Get('proposals')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Propuestas de reemplazo / Replacement proposals' })
  proposals(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: ProposalsQuery }) q: z.infer<typeof ProposalsQuery>) {
    return this.ops.proposals(eventId, q.status);
  }

  @Post('proposals/:proposalId/accept')
  @Allow('admin', 'staff')
  @HttpCode(200)
  accept(@Param('eventId', UuidPipe) eventId: string, @Param('proposalId', UuidPipe) id: string) {
    return this.ops.resolve(eventId, id, true);
  }

  @Post('proposals/:proposalId/reject')
  @Allow('admin', 'staff')
  @HttpCode(200)
  reject(@Param('eventId', UuidPipe) eventId: string, @Param('proposalId', UuidPipe) id: string) {
    return this.ops.resolve(eventId, id, false);
  }

  @Get('log')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Mensajes en vivo desde un número de secuencia / Live messages after a sequence number' })
  log(@Param('eventId', UuidPipe) eventId: string, @Query({ schema: LogQuery }) q: z.infer<typeof LogQuery>) {
    return this.ops.log(eventId, q.after);
  }
}
