import { Inject, OnModuleDestroy } from '@nestjs/common';
import { ENV, Env } from '@rueda/config';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { currentLiveSeq, missedLive, TableEntity } from '@rueda/persistence';
import {
  ClientToServerEvents,
  LIVE_NAMESPACE,
  LiveEmitter,
  LiveMessage,
  rooms,
  roomsFor,
  ServerToClientEvents,
  StaffMeetingStatusRequest,
  SubscribeAck,
  SubscribeRequest,
} from '@rueda/realtime';
import { AuthService } from '../auth/auth.service';
import { Principal } from '../auth/principal';
import { LiveOpsService } from './live-ops.service';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal; token: string }>;

const bye = {
  code: 'unauthenticated',
  es: 'Token inválido o vencido: vuelva a iniciar sesión',
  en: 'Invalid or expired token: sign in again',
};

/**
 * Live agendas over socket.io. The handshake carries a participant access token or an
 * organiser token; a participant only ever joins its own room.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, LiveEmitter, OnModuleDestroy {
  @WebSocketServer() private readonly nsp: Namespace<ClientToServerEvents, ServerToClientEvents>;
  private readonly expiryTimer: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly ops: LiveOpsService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) env: Env,
  ) {
    this.expiryTimer = setInterval(() => void this.dropInvalid(), env.LIVE_TOKEN_CHECK_MS).unref();
  }

  /** Authenticates in the handshake, before the connection counts: no message can arrive unauthenticated. */
  afterInit(nsp: Namespace) {
    nsp.use((socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
      (token ? this.auth.resolve(token).catch(() => null) : Promise.resolve(null)).then((principal) => {
        if (!principal) {
          const err = new Error(bye.code) as Error & { data: typeof bye };
          err.data = bye;
          return next(err);
        }
        (socket as LiveSocket).data.principal = principal;
        (socket as LiveSocket).data.token = token!;
        next();
      }, next);
    });
  }

  async handleConnection(socket: LiveSocket) {
    const principal = socket.data.principal;
    if (principal?.type === 'participant') await socket.join(rooms.participant(principal.participantId));
  }

  /** Joins the rooms the caller may see and returns exactly what it missed since lastSeq. */
  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() req: SubscribeRequest): Promise<SubscribeAck> {
    const p = socket.data.principal;
    if (!p) return { ok: false, seq: 0, missed: [], error: bye };
    const lastSeq = Number.isInteger(req?.lastSeq) && req.lastSeq! > 0 ? req.lastSeq! : 0;
    let eventId: string;
    let scope: { participantId?: string; tableId?: string } = {};
    if (p.type === 'participant') {
      eventId = p.eventId;
      scope = { participantId: p.participantId };
      await socket.join(rooms.event(eventId));
    } else {
      if (!req?.eventId || !/^[0-9a-f-]{36}$/i.test(req.eventId)) {
        return { ok: false, seq: 0, missed: [], error: { es: 'Falta eventId', en: 'eventId is required' } };
      }
      eventId = req.eventId;
      if (req.tableId) {
        const table = await this.db.getRepository(TableEntity).findOneBy({ id: req.tableId, eventId });
        if (!table) return { ok: false, seq: 0, missed: [], error: { es: 'Mesa desconocida', en: 'Unknown table' } };
        await socket.join([rooms.table(req.tableId), rooms.event(eventId)]);
        scope = { tableId: req.tableId };
      } else {
        await socket.join([rooms.staff(eventId), rooms.board(eventId), rooms.event(eventId)]);
      }
    }
    // Join first, then read: anything committed meanwhile arrives twice at worst, never not at all.
    const [seq, missed] = await Promise.all([
      currentLiveSeq(this.db.manager, eventId),
      missedLive(this.db.manager, eventId, lastSeq, scope),
    ]);
    return { ok: true, seq, missed };
  }

  @SubscribeMessage('meeting:status')
  async meetingStatus(@ConnectedSocket() socket: LiveSocket, @MessageBody() req: StaffMeetingStatusRequest) {
    const p = socket.data.principal;
    if (!p || p.type !== 'user') return { ok: false, status: 403, error: { es: 'Solo el personal', en: 'Staff only' } };
    return this.ops.setMeetingStatusFromSocket(req);
  }

  emit(messages: LiveMessage[]): void {
    // Before the socket server is up (or in HTTP-only tests) the log still keeps every message for replay.
    if (!this.nsp) return;
    for (const msg of messages) this.nsp.to(roomsFor(msg)).emit('live', msg);
  }

  /**
   * A session that expires or a personal link that is re-issued must stop the live feed too:
   * each distinct token is resolved again, and sockets whose token no longer holds are told why.
   */
  private async dropInvalid() {
    if (!this.nsp) return;
    const sockets = [...this.nsp.sockets.values()] as LiveSocket[];
    const verdicts = new Map<string, Promise<boolean>>();
    for (const socket of sockets) {
      const token = socket.data.token;
      if (!token) continue;
      if (!verdicts.has(token))
        verdicts.set(
          token,
          this.auth.resolve(token).then(
            (p) => p !== null,
            () => true,
          ),
        );
      if (await verdicts.get(token)) continue;
      const p = socket.data.principal;
      const reason =
        p?.type === 'participant'
          ? {
              code: 'token_revoked',
              es: 'Su enlace personal fue reemplazado: use el nuevo enlace',
              en: 'Your personal link was replaced: use the new link',
            }
          : { code: 'token_expired', es: 'Su sesión venció: vuelva a iniciar sesión', en: 'Your session expired: sign in again' };
      socket.emit('bye', reason);
      socket.disconnect(true);
    }
  }

  onModuleDestroy() {
    clearInterval(this.expiryTimer);
  }
}
