import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Clock } from '@rueda/application';
import { CHECKIN_CODE_GRACE_MS, invalidField, isPushEndpoint, meetingVideoUrl, signCheckInCode } from '@rueda/domain';
import { DelegateEntity, DemandEntity, EventEntity, OfferEntity, ParticipantEntity } from '@rueda/persistence';
import { Allow, CurrentPrincipal, Principal } from '../auth/principal';
import { accessLinkRate } from '../auth/rates';
import { MatchingService } from '../matching/matching.service';
import { AnswerBody, RequestBody } from '../meetings/meetings.controller';
import { MeetingsService } from '../meetings/meetings.service';
import { CLOCK } from '../../platform/application.module';
import { InstallSecrets } from '../../platform/install-secrets';
import { PushService } from '../../platform/push';
import { UuidPipe } from '../../platform/validation';

type Me = Extract<Principal, { type: 'participant' }>;
// What PushSubscription.toJSON() gives: the push service's URL and the browser's keys (base64url).
const PushSubscriptionBody = z.object({
  endpoint: z.string().min(1).max(1000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: z.string().regex(/^[\w-]{86,88}$/), auth: z.string().regex(/^[\w-]{22,24}$/) }).strict(),
});
const PushUnsubscribeBody = z.object({ endpoint: z.string().min(1).max(1000) }).strict();
interface RemoteColumns {
  ownVideoUrl: string | null;
  aRemote: boolean;
  aVideoUrl: string | null;
  bRemote: boolean;
  bVideoUrl: string | null;
}

/** What a participant sees through its personal access link: its own data and nobody else's. */
@ApiTags('me')
@Controller('me')
@Allow('participant')
@Throttle({ default: accessLinkRate() })
export class MeController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetingsService: MeetingsService,
    private readonly matching: MatchingService,
    private readonly secrets: InstallSecrets,
    private readonly push: PushService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Mis datos (enlace personal) / My data (personal access link)' })
  async me(@CurrentPrincipal() p: Me) {
    const [participant, event, delegates, demands, offers, [span]] = await Promise.all([
      this.db.getRepository(ParticipantEntity).findOneByOrFail({ id: p.participantId }),
      this.db.getRepository(EventEntity).findOne({ where: { id: p.eventId }, relations: { sessions: true } }),
      this.db.getRepository(DelegateEntity).find({ where: { participantId: p.participantId }, order: { externalId: 'ASC' } }),
      this.db.getRepository(DemandEntity).find({ where: { participantId: p.participantId }, order: { externalId: 'ASC' } }),
      this.db.getRepository(OfferEntity).find({ where: { participantId: p.participantId }, order: { externalId: 'ASC' } }),
      this.db.query(`SELECT min(starts_at) AS "startsAt", max(ends_at) AS "endsAt" FROM slots WHERE event_id = $1`, [p.eventId]),
    ]);
    return {
      participant,
      event: event && {
        id: event.id,
        name: event.name,
        venue: event.venue,
        timeZone: event.timeZone,
        sessions: event.sessions,
        // When the day starts and ends (delays included), so the agenda can say it is not started or over.
        startsAt: span?.startsAt ?? null,
        endsAt: span?.endsAt ?? null,
      },
      delegates,
      demands,
      offers,
      checkInCodes: await this.checkInCodes(p.eventId, delegates, span?.endsAt ?? null),
    };
  }

  /** Each delegate's check-in QR code, good until a few hours after the day's last slot. */
  private async checkInCodes(eventId: string, delegates: DelegateEntity[], endsAt: string | Date | null) {
    const key = await this.secrets.checkInKey();
    const end = endsAt ? new Date(endsAt).getTime() : this.clock.now().getTime() + 86_400_000;
    const expiresAt = new Date(end + CHECKIN_CODE_GRACE_MS);
    return delegates.map((d) => ({
      delegateId: d.id,
      fullName: d.fullName,
      checkedInAt: d.checkedInAt,
      code: signCheckInCode(key, { eventId, delegateId: d.id, expiresAt }),
    }));
  }

  @Get('push')
  @ApiOperation({ summary: 'Clave pública VAPID para activar avisos / VAPID public key to turn on notifications' })
  async pushKey() {
    return { publicKey: await this.push.publicKey() };
  }

  @Post('push/subscriptions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Activar avisos en este navegador / Turn on notifications in this browser' })
  async subscribe(@CurrentPrincipal() p: Me, @Body({ schema: PushSubscriptionBody }) b: z.infer<typeof PushSubscriptionBody>) {
    if (!isPushEndpoint(b.endpoint, this.push.extraEndpoints))
      throw invalidField(
        'endpoint',
        'no es el servicio de avisos de un navegador (se espera https://… de Google, Mozilla, Apple o Microsoft)',
        'is not a browser push service (https://… of Google, Mozilla, Apple or Microsoft expected)',
      );
    // One browser, one subscription: opting in again (or from another agenda) takes it over.
    await this.db.query(
      `INSERT INTO push_subscriptions (event_id, participant_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (endpoint) DO UPDATE SET event_id = $1, participant_id = $2, p256dh = $4, auth = $5, created_at = now()`,
      [p.eventId, p.participantId, b.endpoint, b.keys.p256dh, b.keys.auth],
    );
    return { subscribed: true };
  }

  @Delete('push/subscriptions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Desactivar avisos en este navegador / Turn off notifications in this browser' })
  async unsubscribe(@CurrentPrincipal() p: Me, @Body({ schema: PushUnsubscribeBody }) b: z.infer<typeof PushUnsubscribeBody>) {
    await this.db.query(`DELETE FROM push_subscriptions WHERE participant_id = $1 AND endpoint = $2`, [p.participantId, b.endpoint]);
    return { subscribed: false };
  }

  @Get('meetings')
  @ApiOperation({ summary: 'Mis reuniones con hora, mesa y contraparte / My meetings with time, table and counterpart' })
  async meetings(@CurrentPrincipal() p: Me) {
    const rows: (Record<string, unknown> & RemoteColumns)[] = await this.db.query(
      `SELECT m.id, m.status, m.version, m.origin, m.mandatory, m.weight, m.note, m.expires_at AS "expiresAt",
              m.participant_a_id AS "participantAId", m.participant_b_id AS "participantBId",
              m.demand_id AS "demandId", m.offer_id AS "offerId", m.slot_id AS "slotId", m.table_id AS "tableId",
              (m.participant_b_id = $2 AND m.status = 'requested') AS "awaitingMyAnswer",
              s.code AS "slotCode", s.starts_at AS "startsAt", s.ends_at AS "endsAt", t.number AS "tableNumber",
              c.id AS "counterpartId", c.name AS "counterpartName", c.kind AS "counterpartKind",
              COALESCE(d.title, o.title) AS "topic",
              m.video_url AS "ownVideoUrl", pa.remote AS "aRemote", pa.video_url AS "aVideoUrl", pb.remote AS "bRemote", pb.video_url AS "bVideoUrl"
         FROM meetings m
         JOIN participants pa ON pa.id = m.participant_a_id
         JOIN participants pb ON pb.id = m.participant_b_id
         JOIN participants c ON c.id = CASE WHEN m.participant_a_id = $2 THEN m.participant_b_id ELSE m.participant_a_id END
         LEFT JOIN slots s ON s.id = m.slot_id
         LEFT JOIN tables t ON t.id = m.table_id
         LEFT JOIN demands d ON d.id = m.demand_id
         LEFT JOIN offers o ON o.id = m.offer_id
        WHERE m.event_id = $1 AND (m.participant_a_id = $2 OR m.participant_b_id = $2)
        ORDER BY s.starts_at NULLS LAST, m.created_at`,
      [p.eventId, p.participantId],
    );
    return rows.map(({ ownVideoUrl, aRemote, aVideoUrl, bRemote, bVideoUrl, ...m }) => ({
      ...m,
      videoUrl: meetingVideoUrl(
        { videoUrl: ownVideoUrl },
        { remote: aRemote, videoUrl: aVideoUrl },
        { remote: bRemote, videoUrl: bVideoUrl },
      ),
    }));
  }

  @Get('matches')
  @ApiOperation({ summary: 'Mis afinidades con sus razones / My matches with their reasons' })
  matches(@CurrentPrincipal() p: Me) {
    return this.matching.matches(p.eventId, { participantId: p.participantId, page: 1, pageSize: 200 });
  }

  @Get('recommendations')
  @ApiOperation({ summary: 'Con quién me conviene reunirme / Who I should meet' })
  recommendations(@CurrentPrincipal() p: Me) {
    return this.matching.recommendations(p.eventId, p.participantId);
  }

  @Post('requests')
  @ApiOperation({ summary: 'Solicitar una reunión / Request a meeting' })
  request(@CurrentPrincipal() p: Me, @Body({ schema: RequestBody }) b: z.infer<typeof RequestBody>) {
    return this.meetingsService.request(p.eventId, p.participantId, b);
  }

  @Post('requests/:meetingId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Aceptar una solicitud recibida / Accept a request received' })
  accept(@CurrentPrincipal() p: Me, @Param('meetingId', UuidPipe) id: string, @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>) {
    return this.meetingsService.respond(p.eventId, id, 'accept', { participantId: p.participantId, version: b.version });
  }

  @Post('requests/:meetingId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rechazar una solicitud recibida / Decline a request received' })
  decline(
    @CurrentPrincipal() p: Me,
    @Param('meetingId', UuidPipe) id: string,
    @Body({ schema: AnswerBody }) b: z.infer<typeof AnswerBody>,
  ) {
    return this.meetingsService.respond(p.eventId, id, 'decline', { participantId: p.participantId, version: b.version });
  }

  @Post('requests/:meetingId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retirar una solicitud enviada / Withdraw a request sent' })
  withdraw(@CurrentPrincipal() p: Me, @Param('meetingId', UuidPipe) id: string) {
    return this.meetingsService.withdraw(p.eventId, id, p.participantId);
  }
}
