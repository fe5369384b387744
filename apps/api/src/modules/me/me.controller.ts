import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  AnswerRequest,
  PushSubscriptionShape,
  RequestMeeting,
  subscribePush,
  UnsubscribePush,
  UseCases,
  WithdrawRequest,
} from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { MatchingService } from '../matching/matching.service';
import { AnswerBody, RequestBody } from '../meetings/meetings.controller';
import { PushService } from '../../platform/push';
import { UuidPipe } from '../../platform/validation';
import { MeService } from './me.service';
import { MeetingOut } from '../meetings/meetings.responses';
import { MatchPageOut, RecommendationsOut } from '../matching/matching.responses';
import { Returns } from '../../platform/openapi';
import { MeOut, MyMeetingOut, PushKeyOut, SubscribedOut } from './me.responses';

type Me = Extract<Principal, { type: 'participant' }>;
// The commands minus who asks (the link says it).
const PushSubscriptionBody = z.object(PushSubscriptionShape);
const PushUnsubscribeBody = z.object({ endpoint: PushSubscriptionShape.endpoint }).strict();
const own = (p: Me) => ({ eventId: p.eventId, participantId: p.participantId });

/** What a participant sees through its personal access link: its own data and nobody else's. */
@ApiTags('me')
@Controller('me')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class MeController {
  constructor(
    private readonly mine: MeService,
    private readonly matching: MatchingService,
    private readonly push: PushService,
    private readonly useCases: UseCases,
  ) {
    this.subscribePush = subscribePush(push.extraEndpoints);
  }

  private readonly subscribePush: ReturnType<typeof subscribePush>;

  @Get()
  @Returns(MeOut)
  @ApiOperation({ summary: 'Mis datos (enlace personal) / My data (personal access link)' })
  me(@CurrentPrincipal() p: Me) {
    return this.mine.profile(p);
  }

  @Get('push')
  @Returns(PushKeyOut)
  @ApiOperation({ summary: 'Clave pública VAPID para activar avisos / VAPID public key to turn on notifications' })
  async pushKey() {
    return { publicKey: await this.push.publicKey() };
  }

  @Post('push/subscriptions')
  @Returns(SubscribedOut)
  @HttpCode(201)
  @ApiOperation({ summary: 'Activar avisos en este navegador / Turn on notifications in this browser' })
  async subscribe(@CurrentPrincipal() p: Me, @Body({ schema: PushSubscriptionBody }) b: z.infer<typeof PushSubscriptionBody>) {
    return this.useCases.execute(this.subscribePush, p, { ...b, ...own(p) });
  }

  @Delete('push/subscriptions')
  @Returns(SubscribedOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Desactivar avisos en este navegador / Turn off notifications in this browser' })
  async unsubscribe(@CurrentPrincipal() p: Me, @Body({ schema: PushUnsubscribeBody }) b: z.infer<typeof PushUnsubscribeBody>) {
    return this.useCases.execute(UnsubscribePush, p, { ...b, ...own(p) });
  }

  @Get('meetings')
  @Returns(z.array(MyMeetingOut))
  @ApiOperation({ summary: 'Mis reuniones con hora, mesa y contraparte / My meetings with time, table and counterpart' })
  meetings(@CurrentPrincipal() p: Me) {
    return this.mine.meetings(p);
  }

  @Get('matches')
  @Returns(MatchPageOut)
  @ApiOperation({ summary: 'Mis afinidades con sus razones / My matches with their reasons' })
  matches(@CurrentPrincipal() p: Me) {
    return this.matching.matches(p.eventId, { participantId: p.participantId, page: 1, pageSize: 200 });
  }

  @Get('recommendations')
  @Returns(RecommendationsOut)
  @ApiOperation({ summary: 'Con quién me conviene reunirme / Who I should meet' })
  recommendations(@CurrentPrincipal() p: Me) {
    return this.matching.recommendations(p.eventId, p.participantId);
  }

  @Post('requests')
  @Returns(MeetingOut)
  @ApiOperation({ summary: 'Solicitar una reunión / Request a meeting' })
  request(@CurrentPrincipal() p: Me, @Body({ schema: RequestBody }) b: z.infer<typeof RequestBody>) {
    return this.useCases.execute(RequestMeeting, p, { ...b, eventId: p.eventId, requesterId: p.participantId });
  }

  @Post('requests/:meetingId/accept')
  @Returns(MeetingOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Aceptar una solicitud recibida / Accept a request received' })
  accept(@CurrentPrincipal() p: Me, @Param('meetingId', UuidPipe) id: string, @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>) {
    return this.useCases.execute(AnswerRequest, p, { ...b, eventId: p.eventId, meetingId: id, answer: 'accept' });
  }

  @Post('requests/:meetingId/decline')
  @Returns(MeetingOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Rechazar una solicitud recibida / Decline a request received' })
  decline(
    @CurrentPrincipal() p: Me,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>,
  ) {
    return this.useCases.execute(AnswerRequest, p, { ...b, eventId: p.eventId, meetingId: id, answer: 'decline' });
  }

  @Post('requests/:meetingId/withdraw')
  @Returns(MeetingOut)
  @HttpCode(200)
  @ApiOperation({ summary: 'Retirar una solicitud enviada / Withdraw a request sent' })
  withdraw(@CurrentPrincipal() p: Me, @Param('meetingId', UuidPipe) id: string) {
    return this.useCases.execute(WithdrawRequest, p, { ...own(p), meetingId: id });
  }
}
