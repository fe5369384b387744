import { io, type Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  type LivePush,
  LiveRefused,
  LiveSync,
  type MeetingStatusAck,
  type ReplayAck,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@rueda/realtime';
import { API_BASE } from './config';

export type LiveState = 'connecting' | 'live' | 'offline';

export interface LiveOptions {
  /** Organiser, staff or participant token (sent in the handshake). */
  token: string;
  /** Organisers, staff and the board name the event; a participant's token already does. */
  eventId?: string;
  /** Staff following one table. */
  tableId?: string;
  /** The big screen: organisers' token, public data only. */
  view?: 'board';
  /** Called for every message meant for this page, once, in sequence order (those missed while away included). */
  onMessage: (msg: LivePush) => void;
  /**
   * Reloads the page's data from the REST API: at the start, and whenever the server says the
   * feed cannot be continued. Messages that arrive meanwhile are applied after it.
   */
  onSnapshot: () => Promise<void>;
  onState?: (state: LiveState, info?: { es: string; en: string }) => void;
}

export interface LiveClient {
  close(): void;
  /** Every message meant for this page up to here has been applied. */
  readonly through: number | null;
  /** Sends a staff status change over the socket when connected; resolves null when offline. */
  emitStatus(req: {
    meetingId: string;
    status: 'checked_in' | 'held' | 'no_show' | 'cancelled';
    version?: number;
  }): Promise<MeetingStatusAck | null>;
}

/**
 * The one live client of every page (console, control room, table view, board, agenda): it runs
 * realtime's LiveSync over the '/live' namespace. It subscribes from what it has (nothing at
 * first: the server answers with its head and the page loads its snapshot), applies each
 * message once and in order, notices from `prev` when it missed one and asks for a replay,
 * pages through replays of any length, and reloads a snapshot when the server says it must.
 * When the server is not reachable the state is 'offline' and pages keep working by polling REST.
 */
export function connectLive(opts: LiveOptions): LiveClient {
  let closed = false;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${API_BASE}/live`, {
    auth: { token: opts.token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 1000,
    reconnectionDelayMax: 15000,
    timeout: 8000,
  });
  const sync = new LiveSync(
    {
      subscribe: (lastSeq) =>
        socket.timeout(8000).emitWithAck('subscribe', {
          eventId: opts.eventId,
          tableId: opts.tableId,
          ...(opts.view ? { view: opts.view } : {}),
          ...(lastSeq !== undefined ? { lastSeq } : {}),
        }) as Promise<SubscribeAck>,
      replay: (lastSeq) => socket.timeout(8000).emitWithAck('replay', { lastSeq }) as Promise<ReplayAck>,
    },
    {
      apply: (m) => !closed && opts.onMessage(m),
      snapshot: () => (closed ? Promise.resolve() : opts.onSnapshot()),
      failed: (e) => {
        if (closed) return;
        opts.onState?.('offline', e instanceof LiveRefused ? { es: e.ack.es, en: e.ack.en } : undefined);
      },
    },
  );
  opts.onState?.('connecting');
  socket.on('connect', () => {
    sync.connected().then(
      () => !closed && opts.onState?.('live'),
      () => undefined, // reported by `failed`
    );
  });
  socket.on('live', (m) => sync.push(m));
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
    get through() {
      return sync.through;
    },
    emitStatus(req) {
      if (!socket.connected) return Promise.resolve(null);
      return new Promise((resolve) => {
        socket.timeout(8000).emit('meeting:status', req, (err: Error | null, res) => resolve(err ? null : res));
      });
    },
  };
}
