import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthSessionEntity, UserEntity } from '@rueda/persistence';
import { type Clock, EndSession, IssueAccessLink, RecordLinkSeen, startSession, UseCases } from '@rueda/application';
import { CLOCK } from '../../platform/application.module';
import { participantLinkExpiresAt, participantLinkLastDay } from '@rueda/domain';
import { ENV } from '@rueda/config';
import type { Env } from '@rueda/config';
import { LINK_REPLACED, SocketRevocation } from '../../platform/socket-revocation';
import { Principal } from './principal';
import { hashToken, ORGANISER_PREFIX, PARTICIPANT_PREFIX } from './tokens';

/** What participantLinkLastDay needs, read from an event row `e`. */
const LINK_EXPIRY_FIELDS = `e.participant_links_expire_on::text AS "linksExpireOn", e.time_zone AS "timeZone", e.created_at AS "createdAt",
  (SELECT max(s.day)::text FROM event_sessions s WHERE s.event_id = e.id) AS "lastSessionDay"`;

export interface AuthRefusal {
  code: 'unauthenticated' | 'link_expired';
  es: string;
  en: string;
}

export const UNKNOWN_TOKEN: AuthRefusal = {
  code: 'unauthenticated',
  es: 'Se requiere un token válido (Authorization: Bearer …)',
  en: 'A valid token is required (Authorization: Bearer …)',
};

const linkExpired = (lastDay: string): AuthRefusal => {
  const [y, m, d] = lastDay.split('-');
  return {
    code: 'link_expired',
    es: `Su enlace personal venció (era válido hasta el ${d}/${m}/${y}); pida uno nuevo a la organización`,
    en: `Your personal link has expired (it was valid until ${d}/${m}/${y}); ask the organisers for a new one`,
  };
};

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
    private readonly sockets: SocketRevocation,
    // Every expiry (sessions, personal links) is judged on the Clock port, never the wall clock.
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly useCases: UseCases,
  ) {
    this.startSession = startSession({ ttlHours: env.AUTH_TOKEN_TTL_HOURS });
  }

  private readonly startSession: ReturnType<typeof startSession>;

  /** When each participant's link was last recorded as seen by this process (one write a minute at most). */
  private readonly seen = new Map<string, number>();

  /** The organisers' accounts (never their password hashes). */
  listUsers(): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ order: { email: 'ASC' } });
  }

  /** An organiser signs in (StartSession): a session of AUTH_TOKEN_TTL_HOURS. */
  login(email: string, password: string) {
    return this.useCases.execute(this.startSession, { type: 'system', name: 'login' }, { email, password });
  }

  /** Ends the session (EndSession), and its live sockets on every API node with it. */
  async logout(principal: Principal, token: string): Promise<void> {
    const { tokenHash } = await this.useCases.execute(EndSession, principal, { token });
    await this.sockets.dropToken(tokenHash);
  }

  /** Resolves a bearer token (organiser or participant) to who is calling, or null. */
  async resolve(token: string): Promise<Principal | null> {
    const r = await this.authenticate(token);
    return 'refused' in r ? null : r.principal;
  }

  /** Who is calling, or why the token is refused (in Spanish and English, to say so to the person). */
  async authenticate(token: string): Promise<{ principal: Principal } | { refused: AuthRefusal }> {
    if (token.startsWith(PARTICIPANT_PREFIX)) {
      const [row] = await this.db.query(
        `SELECT p.id, p.event_id AS "eventId", ${LINK_EXPIRY_FIELDS}
           FROM access_links l JOIN participants p ON p.id = l.participant_id JOIN events e ON e.id = p.event_id
          WHERE l.token_hash = $1`,
        [hashToken(token)],
      );
      if (!row) return { refused: UNKNOWN_TOKEN };
      if (this.clock.now().getTime() >= participantLinkExpiresAt(row).getTime())
        return { refused: linkExpired(participantLinkLastDay(row)) };
      await this.markSeen(row.id, row.eventId);
      return { principal: { type: 'participant', participantId: row.id, eventId: row.eventId } };
    }
    const principal = await this.resolveOrganiser(token);
    return principal ? { principal } : { refused: UNKNOWN_TOKEN };
  }

  private async resolveOrganiser(token: string): Promise<Principal | null> {
    if (token.startsWith(ORGANISER_PREFIX)) {
      // One statement: findOne with a relation sends two (a DISTINCT of ids, then the rows), and
      // every organiser request, a table's no-show mark included, pays it.
      const s = await this.db
        .getRepository(AuthSessionEntity)
        .createQueryBuilder('s')
        .innerJoinAndSelect('s.user', 'u')
        .where('s.tokenHash = :hash AND s.expiresAt > :now', { hash: hashToken(token), now: this.clock.now() })
        .getOne();
      if (!s || !s.user.active) return null;
      return { type: 'user', userId: s.user.id, role: s.user.role, email: s.user.email, expiresAt: s.expiresAt };
    }
    return null;
  }

  async isActiveAdmin(userId: string): Promise<boolean> {
    return this.db.getRepository(UserEntity).exists({ where: { id: userId, active: true, role: 'admin' } });
  }

  /** Issues a new personal access link (IssueAccessLink); the previous one stops working, its live sockets at once. */
  async issueAccessToken(principal: Principal, eventId: string, participantId: string): Promise<string> {
    const { token, replacedHash } = await this.useCases.execute(IssueAccessLink, principal, { eventId, participantId });
    // By token, never by participant: the drop travels through Redis and may land after the new
    // link's first socket has connected, which must survive it.
    if (replacedHash) await this.sockets.dropToken(replacedHash, LINK_REPLACED);
    return token;
  }

  /** "Opened" and "last seen" of the link, written at most once a minute per participant and process. */
  private async markSeen(participantId: string, eventId: string): Promise<void> {
    const now = this.clock.now();
    const last = this.seen.get(participantId);
    if (last !== undefined && now.getTime() - last < 60_000) return;
    this.seen.set(participantId, now.getTime());
    if (this.seen.size > 50_000) this.seen.clear();
    await this.useCases.execute(RecordLinkSeen, { type: 'participant', participantId, eventId }, { eventId, participantId });
  }

  /** The last day (event time zone, YYYY-MM-DD) the event's personal links work. */
  async linksLastDay(eventId: string): Promise<string | null> {
    const [row] = await this.db.query(
      `SELECT ${LINK_EXPIRY_FIELDS}
         FROM events e WHERE e.id = $1`,
      [eventId],
    );
    return row ? participantLinkLastDay(row) : null;
  }
}
