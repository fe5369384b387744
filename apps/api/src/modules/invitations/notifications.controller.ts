import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { NotificationPrefsEntity } from '@rueda/persistence';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { NOUNS, notFound } from '@rueda/domain';
import { Returns } from '../../platform/openapi';
import { NotificationPrefsOut } from './invitations.responses';

type Me = Extract<Principal, { type: 'participant' }>;

export const PrefsBody = z.object({ email: z.boolean().optional(), push: z.boolean().optional() }).strict();

const NOTICE_COLUMNS = `id, kind, notice, status, channels, created_at AS "createdAt", batched_at AS "sentAt"`;

/** Each participant chooses its channels; organisers see what each participant was told and how. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('me/notifications/preferences')
  @Returns(NotificationPrefsOut)
  @Allow('participant')
  @Throttle({ default: accessLinkRate() })
  @ApiOperation({ summary: 'Mis canales de aviso / My notification channels' })
  async prefs(@CurrentPrincipal() p: Me) {
    const row = await this.db.getRepository(NotificationPrefsEntity).findOneBy({ participantId: p.participantId });
    return { email: row?.email ?? true, push: row?.push ?? true };
  }

  @Put('me/notifications/preferences')
  @Returns(NotificationPrefsOut)
  @Allow('participant')
  @Throttle({ default: accessLinkRate() })
  @ApiOperation({ summary: 'Elegir canales o dejar de recibir correos / Choose channels or stop emails' })
  async setPrefs(@CurrentPrincipal() p: Me, @Body({ schema: PrefsBody }) b: z.infer<typeof PrefsBody>) {
    const current = await this.prefs(p);
    const next = { ...current, ...b };
    await this.db.query(
      `INSERT INTO notification_prefs (participant_id, event_id, email, push) VALUES ($1, $2, $3, $4)
       ON CONFLICT (participant_id) DO UPDATE SET email = EXCLUDED.email, push = EXCLUDED.push, updated_at = now()`,
      [p.participantId, p.eventId, next.email, next.push],
    );
    return next;
  }

  @Get('me/notifications')
  @Allow('participant')
  @Throttle({ default: accessLinkRate() })
  @ApiOperation({ summary: 'Mis avisos recientes / My recent notifications' })
  mine(@CurrentPrincipal() p: Me) {
    return this.db.query(`SELECT ${NOTICE_COLUMNS} FROM notifications WHERE participant_id = $1 ORDER BY created_at DESC, id LIMIT 100`, [
      p.participantId,
    ]);
  }

  @Get('events/:eventId/participants/:participantId/notifications')
  @Allow('admin', 'staff')
  @ApiOperation({ summary: 'Avisos de un participante y cómo salieron / A participant’s notifications and how they went out' })
  async ofParticipant(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('participantId', ParseUUIDPipe) pid: string) {
    const [p] = await this.db.query(`SELECT id FROM participants WHERE id = $1 AND event_id = $2`, [pid, eventId]);
    if (!p) throw notFound(NOUNS.participant, pid);
    const [prefs] = await this.db.query(`SELECT email, push FROM notification_prefs WHERE participant_id = $1`, [pid]);
    const items = await this.db.query(
      `SELECT ${NOTICE_COLUMNS} FROM notifications WHERE participant_id = $1 ORDER BY created_at DESC, id LIMIT 200`,
      [pid],
    );
    return { preferences: prefs ?? { email: true, push: true }, items };
  }
}
