import type { LivePush, ReplayAck, SubscribeAck } from './index';

/**
 * The client half of the live protocol, shared by every live page, the tests and the benchmark
 * (no socket.io here: the transport is passed in).
 *
 * The client keeps `through`: it has applied every message meant for it up to that sequence
 * number. A push is applied when `prev ≤ through` (nothing of its own in between), ignored when
 * already had (`seq ≤ through`), and otherwise is a gap: the client asks for a replay from
 * `through`, page after page, and applies what comes back in order. When the server answers
 * `reset` (a client with nothing yet, or a cursor the server cannot continue), the page reloads
 * its snapshot and continues from the head the server named. Pushes that arrive meanwhile wait
 * and are judged afterwards, in order.
 */
export interface LiveTransport {
  /** Joins the subscription and returns the first page after `lastSeq` (absent: nothing yet, expect a reset). */
  subscribe(lastSeq: number | undefined): Promise<SubscribeAck>;
  /** The next page after `lastSeq` of the same subscription. */
  replay(lastSeq: number): Promise<ReplayAck>;
}

export interface LiveSyncHandlers {
  /** Applies one message to local state, in sequence order. */
  apply(push: LivePush): void;
  /** Reloads the page's state from the REST API (the server said the feed cannot be continued). */
  snapshot(): Promise<void>;
  /** A request was refused or failed; the client retries at the next (re)connection. */
  failed?(error: unknown): void;
}

export type Verdict = 'apply' | 'duplicate' | 'gap';

/** Continuity check of one push against what the client has. */
export function judge(through: number | null, push: Pick<LivePush, 'seq' | 'prev'>): Verdict {
  if (through === null) return 'gap';
  if (push.seq <= through) return 'duplicate';
  return push.prev > through ? 'gap' : 'apply';
}

export class LiveRefused extends Error {
  constructor(readonly ack: Extract<SubscribeAck, { ok: false }>) {
    super(`${ack.code}: ${ack.es} / ${ack.en}`);
  }
}

export class LiveSync {
  private cursor: number | null;
  private running: Promise<void> | null = null;
  private again: 'subscribe' | 'replay' | null = null;
  private readonly waiting: LivePush[] = [];
  private failure: unknown = null;
  /** Counters a page or a test can show: replays asked for gaps, snapshots reloaded. */
  readonly stats = { gaps: 0, pages: 0, snapshots: 0, duplicates: 0 };
  /** The event's newest sequence number as of the last page the server sent. */
  head: number | null = null;

  /** `from`: a sequence number the client is already complete up to (0 = replay the whole log); absent = start from a snapshot. */
  constructor(
    private readonly transport: LiveTransport,
    private readonly handlers: LiveSyncHandlers,
    from?: number,
  ) {
    this.cursor = from ?? null;
  }

  get through(): number | null {
    return this.cursor;
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  /** After every (re)connection: subscribe again from where the client is; rejects when the server refused. */
  async connected(): Promise<void> {
    this.failure = null;
    await this.run('subscribe');
    if (this.failure) throw this.failure;
  }

  /** A `live` push from the server. */
  push(p: LivePush): void {
    if (this.running) {
      this.waiting.push(p);
      return;
    }
    const v = judge(this.cursor, p);
    if (v === 'duplicate') {
      this.stats.duplicates++;
      return;
    }
    if (v === 'apply') {
      this.cursor = p.seq;
      this.handlers.apply(p);
      return;
    }
    this.stats.gaps++;
    this.waiting.push(p);
    void this.run(this.cursor === null ? 'subscribe' : 'replay');
  }

  private run(kind: 'subscribe' | 'replay'): Promise<void> {
    if (this.running) {
      if (kind === 'subscribe' || !this.again) this.again = kind;
      return this.running;
    }
    this.running = (async () => {
      let next: 'subscribe' | 'replay' | null = kind;
      while (next) {
        try {
          await this.sync(next);
        } catch (e) {
          this.failure = e;
          this.handlers.failed?.(e);
          this.again = null;
          break;
        }
        next = this.again;
        this.again = null;
      }
    })().finally(() => {
      this.running = null;
      const queued = this.waiting.splice(0).sort((a, b) => a.seq - b.seq);
      for (const p of queued) this.push(p);
    });
    return this.running;
  }

  private async sync(kind: 'subscribe' | 'replay'): Promise<void> {
    let ack: SubscribeAck | ReplayAck =
      kind === 'subscribe' || this.cursor === null
        ? await this.transport.subscribe(this.cursor ?? undefined)
        : await this.transport.replay(this.cursor);
    for (;;) {
      if (!ack.ok) throw new LiveRefused(ack);
      this.stats.pages++;
      this.head = ack.seq;
      if (ack.reset) {
        this.stats.snapshots++;
        // The snapshot is read after the server named its head: it holds at least that much.
        await this.handlers.snapshot();
        this.cursor = ack.seq;
      } else {
        for (const m of ack.missed) {
          if (this.cursor !== null && m.seq <= this.cursor) continue;
          this.cursor = m.seq;
          this.handlers.apply(m);
        }
        this.cursor = Math.max(this.cursor ?? 0, ack.through);
      }
      if (!ack.more) return;
      ack = await this.transport.replay(this.cursor);
    }
  }
}
