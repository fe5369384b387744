import { Inject, OnModuleDestroy, UseFilters } from '@nestjs/common';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { LiveSubscription, type Principal, ReplayLive, SetMeetingStatus, SetMeetingStatusCommand, UseCases } from '@rueda/application';
import { z } from 'zod';
import { DomainError, forbidden, parseInput } from '@rueda/domain';
import { ENV, Env } from '@rueda/config';
import { ClientToServerEvents, LIVE_NAMESPACE, MeetingStatusAck, ReplayAck, ServerToClientEvents, SubscribeAck } from '@rueda/realtime';
import { socketNack } from '../../platform/errors';
import { LiveHub } from '../../platform/live-hub';
import { SocketNackFilter } from '../../platform/socket-nack.filter';
import { AuthService } from '../auth/auth.service';
import { LiveRateLimiter, RATE_LIMITED } from './live-rate-limiter';
import { LINK_REPLACED, tokenRoom } from '../../platform/socket-revocation';
import { hashToken } from '../auth/tokens';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal; token: string }>;

const bye = {
  code: 'unauthenticated',
  es: 'Token inválido o vencido: vuelva a iniciar sesión',
  en: 'Invalid or expired token: sign in again',
};

/** The next page of a subscription, or a replay after a gap the client noticed. */
export const ReplayPayload = z.object({ lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict();

const notSubscribed = new DomainError('conflict', 'not_subscribed', {
  es: 'Suscríbase antes de pedir una repetición',
  en: 'Subscribe before asking for a replay',
});

const refusal = (reason: { code: string; es: string; en: string }) => Object.assign(new Error(reason.code), { data: reason });

const ackRequired = new DomainError('invalid', 'ack_required', {
  es: 'Envíe la solicitud con una función de confirmación (ack)',
  en: 'Send the request with an acknowledgement callback (ack)',
});

/**
 * Live agendas over socket.io. The handshake carries a participant access token or an
 * organiser token; a participant only ever joins its own room. Every request is validated
 * and answered: a success, or `{ok: false, code, kind, es, en}`.
 */
@UseFilters(SocketNackFilter)
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private readonly nsp: Namespace<ClientToServerEvents, ServerToClientEvents>;
  private readonly expiryTimer: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly useCases: UseCases,
    private readonly hub: LiveHub,
    private readonly limiter: LiveRateLimiter,
    @Inject(ENV) env: Env,
  ) {
    this.expiryTimer = setInterval(() => void this.dropInvalid(), env.LIVE_TOKEN_CHECK_MS).unref();
  }

  /** Authenticates in the handshake, before the connection counts: no message can arrive unauthenticated. */
  afterInit(nsp: Namespace) {
    this.hub.attach(nsp);
    nsp.use((socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
      (token ? this.auth.authenticate(token).catch(() => ({ refused: bye })) : Promise.resolve({ refused: bye })).then((auth) => {
        if (!('principal' in auth)) return next(refusal(auth.refused));
        const principal = auth.principal;
        // A reconnect storm from one link counts against that link, never against the venue's address.
        return this.limiter.allow(null, principal).then((ok) => {
          if (!ok) return next(refusal(RATE_LIMITED));
          (socket as LiveSocket).data.principal = principal;
          (socket as LiveSocket).data.token = token!;
          next();
        });
      }, next);
    });
  }

  async handleConnection(socket: LiveSocket) {
    const principal = socket.data.principal;
    // Every message is counted before any handler runs; a socket over its budget is cut off alone.
    socket.use((packet, next) => {
      this.limiter.allow(socket.id, principal).then((ok) => {
        if (ok) return next();
        const ack = packet[packet.length - 1];
        if (typeof ack === 'function') ack({ ok: false, kind: 'too_many', ...RATE_LIMITED });
        socket.emit('bye', RATE_LIMITED);
        socket.disconnect(true);
      }, next);
    });
    // Logging out or re-issuing the link reaches these rooms on every node (SocketRevocation).
    await socket.join(tokenRoom(hashToken(socket.data.token)));
  }

  handleDisconnect(socket: LiveSocket) {
    this.hub.unfollow(socket);
  }

  /**
   * Follows the event as the caller's audience (its own agenda, one table, the board, or the
   * control room) and returns the first page of what it missed after lastSeq (see ReplayPage).
   */
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown, @Ack() ack?: (r: SubscribeAck) => void) {
    return this.answer(socket, 'subscribe', ack, async (): Promise<SubscribeAck> => {
      const p = socket.data.principal;
      const sub = await this.useCases.ask(LiveSubscription, p, body);
      // Follow first, then read: anything committed meanwhile arrives twice at worst, never not at all.
      await this.hub.follow(socket, { eventId: sub.eventId, ...sub.scope });
      const page = await this.useCases.ask(ReplayLive, p, sub);
      this.hub.started(sub.eventId, page.seq);
      return page;
    });
  }

  /** The next page after lastSeq of the socket's subscription (a long absence, or a gap the client noticed). */
  @SubscribeMessage('replay')
  replay(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown, @Ack() ack?: (r: ReplayAck) => void) {
    return this.answer(socket, 'replay', ack, async (): Promise<ReplayAck> => {
      const { lastSeq } = parseInput(ReplayPayload, body);
      const following = this.hub.following(socket);
      if (!following) throw notSubscribed;
      const { eventId, ...scope } = following;
      return this.useCases.ask(ReplayLive, socket.data.principal, { eventId, lastSeq, scope });
    });
  }

  /** Table staff mark a meeting: exactly the HTTP route's use case. */
  @SubscribeMessage('meeting:status')
  meetingStatus(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown, @Ack() ack?: (r: MeetingStatusAck) => void) {
    return this.answer(socket, 'meeting:status', ack, async (): Promise<MeetingStatusAck> => {
      const p = socket.data.principal;
      if (p.type !== 'user') throw forbidden({ es: 'Solo el personal', en: 'Staff only' });
      const command = parseInput(SetMeetingStatusCommand.omit({ eventId: true }), body);
      return { ok: true, meeting: await this.useCases.execute(SetMeetingStatus, p, command) };
    });
  }

  /** Runs a request and always answers it, on its ack or (without one) as a `refused` event. */
  private async answer<R>(socket: LiveSocket, event: string, ack: ((r: R) => void) | undefined, fn: () => Promise<R>) {
    if (typeof ack !== 'function') {
      socket.emit('refused', { ...socketNack(ackRequired), event });
      return;
    }
    let res: R;
    try {
      res = await fn();
    } catch (e) {
      res = socketNack(e) as R;
    }
    ack(res);
  }

  /**
   * Revocations (logout, a re-issued link) drop sockets at once through SocketRevocation; what
   * only time ends (a session or a link reaching its expiry) is found here: each distinct token
   * is checked again, and sockets whose token no longer holds are told why.
   */
  private async dropInvalid() {
    if (!this.nsp) return;
    const sockets = [...this.nsp.sockets.values()] as LiveSocket[];
    const verdicts = new Map<string, ReturnType<AuthService['authenticate']>>();
    for (const socket of sockets) {
      const token = socket.data.token;
      if (!token) continue;
      if (!verdicts.has(token))
        verdicts.set(
          token,
          this.auth.authenticate(token).catch(() => ({ principal: socket.data.principal })),
        );
      const verdict = await verdicts.get(token)!;
      if ('principal' in verdict) continue;
      const p = socket.data.principal;
      const reason =
        verdict.refused.code === 'link_expired'
          ? verdict.refused
          : p?.type === 'participant'
            ? LINK_REPLACED
            : { code: 'token_expired', es: 'Su sesión venció: vuelva a iniciar sesión', en: 'Your session expired: sign in again' };
      socket.emit('bye', reason);
      socket.disconnect(true);
    }
  }

  onModuleDestroy() {
    clearInterval(this.expiryTimer);
  }
}
