import { Inject, Injectable } from '@nestjs/common';
import { CALENDAR_PREFIX, type Clock, FEED_REFRESH_MINUTES } from '@rueda/application';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { agendaIcs } from '@rueda/exports';
import { loadCalendarAgenda, ParticipantEntity } from '@rueda/persistence';
import { CLOCK } from '../../platform/application.module';
import { hashToken } from '../auth/tokens';
import { DomainError } from '@rueda/domain';

export { CALENDAR_PREFIX, FEED_REFRESH_MINUTES };

/**
 * What calendar apps read: the participant's agenda as iCalendar, by its feed token. Issuing
 * and revoking the token are use cases (IssueCalendarFeed, RevokeCalendarFeed).
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
