import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { z } from 'zod';
import { MyNotificationPrefs, MyNotifications, ParticipantNotifications, SetNotificationPrefs, UseCases } from '@rueda/application';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { Returns } from '../../platform/openapi';
import { NotificationOut, NotificationPrefsOut, ParticipantNotificationsOut } from './invitations.responses';

type Me = Extract<Principal, { type: 'participant' }>;

export const PrefsBody = z.object({ email: z.boolean().optional(), push: z.boolean().optional() }).strict();

const own = (p: Me) => ({ eventId: p.eventId, participantId: p.participantId });

/** Each participant chooses its channels; organisers see what each participant was told and how. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly useCases: UseCases) {}

  @Get('me/notifications/preferences')
  @Returns(NotificationPrefsOut)
  @Allow('participant')
  @Throttle({ default: accessLinkRate() })
  @ApiOperation({ summary: 'Mis canales de aviso / My notification channels' })
  prefs(@CurrentPrincipal() p: Me) {
    return this.useCases.ask(MyNotificationPrefs, p, own(p));
  }

  @Put('me/notifications/preferences')
  @Returns(NotificationPrefsOut)
  @Allow('participant')
  @Throttle({ default: accessLinkRate() })
  @ApiOperation({ summary: 'Elegir canales o dejar de recibir correos / Choose channels or stop emails' })
  setPrefs(@CurrentPrincipal() p: Me, @Body({ schema: PrefsBody }) b: z.infer<typeof PrefsBody>) {
    return this.useCases.execute(SetNotificationPrefs, p, { ...b, ...own(p) });
  }

  @Get('me/notifications')
  @Returns(z.array(NotificationOut))
  @Allow('participant')
  @Throttle({ default: accessLinkRate() })
  @ApiOperation({ summary: 'Mis avisos recientes / My recent notifications' })
  mine(@CurrentPrincipal() p: Me) {
    return this.useCases.ask(MyNotifications, p, own(p));
  }

  @Get('events/:eventId/participants/:participantId/notifications')
  @Returns(ParticipantNotificationsOut)
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Avisos de un participante y cómo salieron / A participant’s notifications and how they went out' })
  ofParticipant(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.useCases.ask(ParticipantNotifications, p, { eventId, participantId });
  }
}
