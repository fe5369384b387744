import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Clock } from '@rueda/application';
import { CHECKIN_CODE_GRACE_MS, meetingVideoUrl, signCheckInCode } from '@rueda/domain';
import { DelegateEntity, DemandEntity, EventEntity, OfferEntity, ParticipantEntity } from '@rueda/persistence';
import { CLOCK } from '../../platform/application.module';
import { InstallSecrets } from '../../platform/install-secrets';

export interface Me {
  participantId: string;
  eventId: string;
}

interface RemoteColumns {
  ownVideoUrl: string | null;
  aRemote: boolean;
  aVideoUrl: string | null;
  bRemote: boolean;
  bVideoUrl: string | null;
}

/** The reads behind a participant's personal link (its changes are use cases; the controller only translates HTTP). */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: InstallSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The participant's own data, its event and each delegate's check-in code. */
  async profile(p: Me) {
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

  /** The participant's meetings with time, table, counterpart, topic and the video link that applies. */
  async meetings(p: Me) {
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
}
