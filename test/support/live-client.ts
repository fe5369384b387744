import { io, Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  type LivePush,
  LiveSync,
  type ReplayAck,
  type ServerToClientEvents,
  type SubscribeAck,
  type SubscribeRequest,
} from '@rueda/realtime';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What one (re)subscription brought: the messages it applied from the replay, and the head. */
export interface SyncResult {
  ok: true;
  seq: number;
  missed: LivePush[];
}

/**
 * A real socket.io client that runs the pages' protocol (realtime's LiveSync): subscribes from
 * what it has, pages through replays, notices gaps from `prev` and asks for what it missed.
 * By default it starts from sequence 0 (the whole log); `{ from: 'snapshot' }` starts like a page
 * that loads a snapshot (counted in `snapshots`).
 */
export class LiveTestClient {
  readonly applied: LivePush[] = [];
  /** When each of `applied` was applied (Date.now()), for the benchmarks' delivery times. */
  readonly appliedAt: number[] = [];
  readonly byes: { code: string }[] = [];
  /** Every push as it arrived, before the protocol judged it (tests check what the server sent). */
  readonly received: LivePush[] = [];
  socket: LiveSocket;
  readonly sync: LiveSync;
  snapshots = 0;
  private replaying: LivePush[] | null = null;

  constructor(
    private base: string,
    private readonly token: string,
    private readonly req: Omit<SubscribeRequest, 'lastSeq'> = {},
    opts: { from?: number | 'snapshot' } = {},
  ) {
    this.sync = new LiveSync(
      {
        subscribe: (lastSeq) =>
          this.socket
            .timeout(10_000)
            .emitWithAck('subscribe', { ...this.req, ...(lastSeq !== undefined ? { lastSeq } : {}) }) as Promise<SubscribeAck>,
        replay: (lastSeq) => this.socket.timeout(10_000).emitWithAck('replay', { lastSeq }) as Promise<ReplayAck>,
      },
      {
        apply: (m) => {
          this.applied.push(m);
          this.appliedAt.push(Date.now());
          this.replaying?.push(m);
        },
        snapshot: async () => {
          this.snapshots++;
        },
      },
      opts.from === 'snapshot' ? undefined : (opts.from ?? 0),
    );
    this.socket = this.connect();
  }

  private connect(): LiveSocket {
    const s: LiveSocket = io(`${this.base}/live`, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    s.on('live', (m) => {
      this.received.push(m);
      this.sync.push(m);
    });
    s.on('bye', (b) => this.byes.push(b));
    // A refused handshake arrives as connect_error carrying the same reason as 'bye'.
    s.on('connect_error', (e: Error & { data?: { code: string } }) => this.byes.push(e.data ?? { code: e.message }));
    return s;
  }

  /** Subscribes and applies every page of the replay; a refusal fails the test with its reason. */
  async subscribe(): Promise<SyncResult> {
    if (!this.socket.connected)
      await new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', reject);
      });
    const got: LivePush[] = [];
    this.replaying = got;
    let failure: unknown;
    try {
      await this.sync.connected();
    } catch (e) {
      failure = e;
    } finally {
      this.replaying = null;
    }
    if (failure) throw new Error(`subscribe refused: ${(failure as Error).message}`);
    return { ok: true, seq: this.sync.head ?? 0, missed: got };
  }

  drop() {
    this.socket.disconnect();
  }

  /** Connects again (to another API node when `base` is given) and subscribes from what it has. */
  async reconnect(base?: string): Promise<SyncResult> {
    this.socket.disconnect();
    if (base) this.base = base;
    this.socket = this.connect();
    return this.subscribe();
  }

  close() {
    this.socket.disconnect();
  }

  seqs(): number[] {
    return this.applied.map((m) => m.seq);
  }
}
