import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { currentLiveSeq, missedLive, TableEntity } from '@rueda/persistence';
import {
  ClientToServerEvents, LIVE_NAMESPACE, LiveEmitter, LiveMessage, rooms, roomsFor, ServerToClientEvents, StaffMeetingStatusRequest,
  SubscribeAck, SubscribeRequest,
} from '@rueda/realtime';
import { AuthService } from '../auth/auth.service';
import { Principal } from '../auth/principal';
import { LiveOpsService } from './live-ops.service';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal }>;

const bye = { code: 'unauthenticated', es: 'Token inválido o vencido: vuelva a iniciar sesión', en: 'Invalid or expired token: sign in again' };

/**
 * Live agendas over socket.io. The handshake carries a participant access token or an
 * organiser token; a participant only ever joins its own room.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, LiveEmitter, OnModuleDestroy {
  @WebSocketServer() private readonly nsp: Namespace<ClientToServerEvents, ServerToClientEvents>;
  private readonly log = new Logger(LiveGateway.name);
  private readonly expiryTimer = setInterval(() => this.dropExpired(), 30_000).unref();

  constructor(
    private readonly auth: AuthService,
    private readonly ops: LiveOpsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

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
    } else {
      if (!req?.eventId || !/^[0-9a-f-]{36}$/i.test(req.eventId)) {
        return { ok: false, seq: 0, missed: [], error: { es: 'Falta eventId', en: 'eventId is required' } };
      }
      eventId = req.eventId;
      if (req.tableId) {
        const table = await this.db.getRepository(TableEntity).findOneBy({ id: req.tableId, eventId });
        if (!table) return { ok: false, seq: 0, missed: [], error: { es: 'Mesa desconocida', en: 'Unknown table' } };
        await socket.join(rooms.table(req.tableId));
        scope = { tableId: req.tableId };
      } else {
        await socket.join([rooms.staff(eventId), rooms.board(eventId)]);
      }
    }
    // Join first, then read: anything committed meanwhile arrives twice at worst, never not at all.
    const [seq, missed] = await Promise.all([currentLiveSeq(this.db.manager, eventId), missedLive(this.db.manager, eventId, lastSeq, scope)]);
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

  private dropExpired() {
    if (!this.nsp) return;
    const now = Date.now();
    for (const socket of this.nsp.sockets.values()) {
      const p = (socket as LiveSocket).data.principal;
      if (p?.type === 'user' && p.expiresAt && p.expiresAt.getTime() <= now) {
        socket.emit('bye', { code: 'token_expired', es: 'Su sesión venció: vuelva a iniciar sesión', en: 'Your session expired: sign in again' });
        socket.disconnect(true);
      }
    }
  }

  onModuleDestroy() {
    clearInterval(this.expiryTimer);
  }
}
