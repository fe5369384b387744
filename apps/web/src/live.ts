import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveMessage, MeetingStatusAck, ServerToClientEvents, SubscribeAck } from '@rueda/realtime';
import { API_BASE } from './config';

export type LiveState = 'connecting' | 'live' | 'offline';

export interface LiveOptions {
  /** Organiser, staff or participant token (sent in the handshake). */
  token: string;
  /** Organisers, staff and the board name the event; a participant's token already does. */
  eventId?: string;
  /** Staff following one table. */
  tableId?: string;
  /** Called for every message in sequence order, including the ones missed while offline. */
  onMessage: (msg: LiveMessage) => void;
  onState?: (state: LiveState, info?: { es: string; en: string }) => void;
}

export interface LiveClient {
  close(): void;
  readonly lastSeq: number;
  /** Sends a staff status change over the socket when connected; resolves null when offline. */
  emitStatus(req: {
    meetingId: string;
    status: 'checked_in' | 'held' | 'no_show' | 'cancelled';
    version?: number;
  }): Promise<MeetingStatusAck | null>;
}

/**
 * Connects to the '/live' namespace, subscribes with the last sequence number applied, applies
 * `live` messages in order (skipping duplicates) and re-subscribes with the last seq after every
 * reconnect, so nothing is missed or applied twice. When the server is not reachable the state is
 * 'offline' and pages keep working by polling REST.
 */
export function connectLive(opts: LiveOptions): LiveClient {
  let lastSeq = 0;
  let closed = false;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${API_BASE}/live`, {
    auth: { token: opts.token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 1000,
    reconnectionDelayMax: 15000,
    timeout: 8000,
  });
  const apply = (msg: LiveMessage) => {
    if (msg.seq <= lastSeq) return;
    lastSeq = msg.seq;
    opts.onMessage(msg);
  };
  opts.onState?.('connecting');
  socket.on('connect', () => {
    socket
      .timeout(8000)
      .emit('subscribe', { eventId: opts.eventId, lastSeq, tableId: opts.tableId }, (err: Error | null, ack: SubscribeAck) => {
        if (closed) return;
        if (err || !ack?.ok) {
          opts.onState?.('offline', ack && !ack.ok ? { es: ack.es, en: ack.en } : undefined);
          return;
        }
        for (const m of ack.missed) apply(m);
        if (ack.seq > lastSeq && ack.missed.length === 0 && lastSeq === 0) lastSeq = ack.seq;
        opts.onState?.('live');
      });
  });
  socket.on('live', apply);
  socket.on('bye', (reason) => {
    opts.onState?.('offline', reason);
    socket.disconnect();
  });
  socket.on('disconnect', () => !closed && opts.onState?.('offline'));
  socket.on('connect_error', (err: Error & { data?: { code: string; es: string; en: string } }) => {
    if (closed) return;
    opts.onState?.('offline', err.data);
    // A refused token will not get better by retrying: stay on REST polling.
    if (err.data?.code === 'unauthenticated') socket.disconnect();
  });
  return {
    close() {
      closed = true;
      socket.removeAllListeners();
      socket.disconnect();
    },
    get lastSeq() {
      return lastSeq;
    },
    emitStatus(req) {
      if (!socket.connected) return Promise.resolve(null);
      return new Promise((resolve) => {
        socket.timeout(8000).emit('meeting:status', req, (err: Error | null, res) => resolve(err ? null : res));
      });
    },
  };
}
