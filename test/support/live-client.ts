import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveMessage, ServerToClientEvents, SubscribeAck, SubscribeRequest } from '@rueda/realtime';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real socket.io client as the pages use it: subscribes with the last sequence number it
 * applied, applies replays and pushes in order, ignores anything it already has.
 */
export class LiveTestClient {
  readonly applied: LiveMessage[] = [];
  readonly byes: { code: string }[] = [];
  socket: LiveSocket;
  private lastSeq = 0;
  private readonly seen = new Set<number>();

  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly req: SubscribeRequest = {},
  ) {
    this.socket = this.connect();
  }

  private connect(): LiveSocket {
    const s: LiveSocket = io(`${this.base}/live`, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    s.on('live', (m) => this.apply(m));
    s.on('bye', (b) => this.byes.push(b));
    // A refused handshake arrives as connect_error carrying the same reason as 'bye'.
    s.on('connect_error', (e: Error & { data?: { code: string } }) => this.byes.push(e.data ?? { code: e.message }));
    return s;
  }

  private apply(m: LiveMessage) {
    if (this.seen.has(m.seq)) return;
    this.seen.add(m.seq);
    this.applied.push(m);
    this.lastSeq = Math.max(this.lastSeq, m.seq);
  }

  /** Subscribes; a refusal fails the test with its reason. */
  async subscribe(): Promise<Extract<SubscribeAck, { ok: true }>> {
    if (!this.socket.connected)
      await new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', reject);
      });
    const ack = await this.socket.timeout(5000).emitWithAck('subscribe', { ...this.req, lastSeq: this.lastSeq });
    if (!ack.ok) throw new Error(`subscribe refused: ${ack.code}: ${ack.en}`);
    for (const m of ack.missed) this.apply(m);
    return ack;
  }

  drop() {
    this.socket.disconnect();
  }

  async reconnect(): Promise<Extract<SubscribeAck, { ok: true }>> {
    this.socket.disconnect();
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
