import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@rueda/application';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { agendaIcs } from '@rueda/exports';
import { loadCalendarAgenda, ParticipantEntity } from '@rueda/persistence';
import { CLOCK } from '../../platform/application.module';
import { hashToken, newToken } from '../auth/tokens';
import { DomainError } from '@rueda/domain';

/** Calendar feed tokens are told apart from access links by their prefix. */
export const CALENDAR_PREFIX = 'rc_';
/** How often calendars are asked to fetch the feed again. */
export const FEED_REFRESH_MINUTES = 15;

/**
 * The participant's calendar subscription: a revocable token that only reads its own agenda
 * as iCalendar. It is a separate secret from the access link (calendar apps keep URLs in
 * plain sight), dies with it, and can be renewed or revoked through the link.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async status(participantId: string) {
    const p = await this.db.getRepository(ParticipantEntity).findOneByOrFail({ id: participantId });
    return { active: !!p.calendarTokenIssuedAt, issuedAt: p.calendarTokenIssuedAt };
  }

  /** A new feed URL; the previous one stops working. */
  async issue(participantId: string) {
    const token = newToken(CALENDAR_PREFIX);
    const issuedAt = this.clock.now();
    await this.db
      .getRepository(ParticipantEntity)
      .update({ id: participantId }, { calendarTokenHash: hashToken(token), calendarTokenIssuedAt: issuedAt });
    return { token, path: `/calendar/${token}.ics`, issuedAt, refreshMinutes: FEED_REFRESH_MINUTES };
  }

  async revoke(participantId: string) {
    await this.db.getRepository(ParticipantEntity).update({ id: participantId }, { calendarTokenHash: null, calendarTokenIssuedAt: null });
    return { active: false };
  }

  /** The feed itself; an unknown or revoked token gets a 404 that says so in both languages. */
  async feed(token: string): Promise<string> {
    const row = token.startsWith(CALENDAR_PREFIX)
      ? await this.db
          .getRepository(ParticipantEntity)
          .createQueryBuilder('p')
          .select('p.id', 'id')
          .where('p.calendar_token_hash = :h', { h: hashToken(token) })
          .getRawOne<{ id: string }>()
      : undefined;
    const agenda = row && (await loadCalendarAgenda(this.db.manager, row.id));
    if (!agenda) {
      throw new DomainError('not_found', 'calendar_feed_unknown', {
        es: 'Este enlace de calendario no existe o fue revocado. Copie el nuevo desde su agenda.',
        en: 'This calendar link does not exist or was revoked. Copy the new one from your agenda.',
      });
    }
    return agendaIcs(agenda, { refreshMinutes: FEED_REFRESH_MINUTES, now: this.clock.now() });
  }
}
