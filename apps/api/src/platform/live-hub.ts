import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { ENV, type Env } from '@rueda/config';
import { LiveFeed } from '@rueda/delivery';
import { liveHeads, readLive } from '@rueda/persistence';
import { type LiveAudience, type LiveMessage, projectFor, recipientsOf, REPLAY_PAGE, rooms } from '@rueda/realtime';

export const LIVE_FEED = Symbol('LIVE_FEED');

/** A message that arrives ahead of its predecessor waits this long for it before the node reads the log. */
const GAP_WAIT_MS = 40;

/** What one socket follows: an event, as an audience (and which participant or table). */
export interface Following {
  eventId: string;
  audience: LiveAudience;
  recipientId?: string;
}

/** Per event this node's sockets follow: what it delivered, what waits, and who is here. */
interface Followed {
  /** Every message up to here went to this node's sockets (null until the first subscriber named the head). */
  delivered: number | null;
  pending: Map<number, LiveMessage>;
  organisers: number;
  board: number;
  participants: Map<string, number>;
  tables: Map<string, number>;
  sockets: number;
  gapTimer?: NodeJS.Timeout;
  catching?: Promise<void>;
}

const roomOf = (f: Following): string =>
  f.audience === 'organisers'
    ? rooms.staff(f.eventId)
    : f.audience === 'board'
      ? rooms.board(f.eventId)
      : f.audience === 'table'
        ? rooms.table(f.recipientId!)
        : rooms.participant(f.recipientId!);

const bump = (m: Map<string, number>, k: string, by: number) => {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
};

/**
 * Delivers committed live messages to this API node's sockets, for each event in sequence order
 * and without a hole, each audience its own projection (realtime's audience table).
 *
 * Messages come from this node's own commits and, through Redis, from the other nodes and the
 * workers. Redis is only the fast path: the node tracks, per event its sockets follow, the
 * highest sequence number it delivered, and reads anything missing back from the log — when a
 * message arrives ahead of its predecessor, when the Redis subscription comes back after an
 * outage, and every LIVE_RECONCILE_MS (the last messages of an outage have no successor to
 * reveal them).
 */
@Injectable()
export class LiveHub implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(LiveHub.name);
  private nsp?: Namespace;
  private readonly events = new Map<string, Followed>();
  private timer?: NodeJS.Timeout;
  /** Counters the fault tests read: messages read back from the log, and why. */
  readonly stats = { fromLog: 0, catchUps: 0, delivered: 0 };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LIVE_FEED) private readonly feed: LiveFeed,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit() {
    this.feed.subscribe(
      (messages) => this.deliver(messages),
      () => this.catchUpAll(),
    );
    this.timer = setInterval(() => void this.reconcile(), this.env.LIVE_RECONCILE_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
    for (const f of this.events.values()) clearTimeout(f.gapTimer);
  }

  attach(nsp: Namespace): void {
    this.nsp = nsp;
  }

  /** The live namespace once socket.io is up (revocations reach every node through its adapter). */
  get namespace(): Namespace | undefined {
    return this.nsp;
  }

  /** This node committed these: its own sockets now, the other nodes through Redis. */
  committed(messages: LiveMessage[]): void {
    this.deliver(messages);
    this.feed.publish(messages);
  }

  /**
   * A socket starts following an event: it joins its audience's room before the replay is read,
   * so anything committed meanwhile reaches it (twice at worst, which the client ignores).
   */
  async follow(socket: Socket, what: Following): Promise<void> {
    this.unfollow(socket);
    let f = this.events.get(what.eventId);
    if (!f) {
      f = { delivered: null, pending: new Map(), organisers: 0, board: 0, participants: new Map(), tables: new Map(), sockets: 0 };
      this.events.set(what.eventId, f);
    }
    f.sockets++;
    if (what.audience === 'organisers') f.organisers++;
    else if (what.audience === 'board') f.board++;
    else bump(what.audience === 'table' ? f.tables : f.participants, what.recipientId!, 1);
    (socket.data as { following?: Following }).following = what;
    await socket.join(roomOf(what));
  }

  /** The follower's replay was read up to `head`: this node delivers from there on. */
  started(eventId: string, head: number): void {
    const f = this.events.get(eventId);
    if (!f) return;
    // Two first subscribers may read different heads: the lower one is safe (the rest is sent twice at worst).
    f.delivered = f.delivered === null ? head : Math.min(f.delivered, head);
    this.drain(eventId, f);
  }

  /** The socket left (or re-subscribed): the node forgets an event nobody here follows any more. */
  unfollow(socket: Socket): void {
    const data = socket.data as { following?: Following };
    const what = data.following;
    if (!what) return;
    data.following = undefined;
    void socket.leave(roomOf(what));
    const f = this.events.get(what.eventId);
    if (!f) return;
    f.sockets--;
    if (what.audience === 'organisers') f.organisers--;
    else if (what.audience === 'board') f.board--;
    else bump(what.audience === 'table' ? f.tables : f.participants, what.recipientId!, -1);
    if (f.sockets <= 0) {
      clearTimeout(f.gapTimer);
      this.events.delete(what.eventId);
    }
  }

  following(socket: Socket): Following | undefined {
    return (socket.data as { following?: Following }).following;
  }

  /** Events this node serves, with what it delivered (for the fault tests). */
  delivered(eventId: string): number | null | undefined {
    return this.events.get(eventId)?.delivered;
  }

  /** Messages in any order, from anywhere: each event's are delivered in sequence, once. */
  deliver(messages: LiveMessage[]): void {
    const touched = new Set<string>();
    for (const msg of messages) {
      const f = this.events.get(msg.eventId);
      if (!f || (f.delivered !== null && msg.seq <= f.delivered)) continue;
      f.pending.set(msg.seq, msg);
      touched.add(msg.eventId);
    }
    for (const id of touched) this.drain(id, this.events.get(id)!);
  }

  private drain(eventId: string, f: Followed): void {
    if (f.delivered === null) return;
    for (const seq of f.pending.keys()) if (seq <= f.delivered) f.pending.delete(seq);
    for (let next = f.pending.get(f.delivered + 1); next; next = f.pending.get(f.delivered + 1)) {
      f.pending.delete(next.seq);
      f.delivered = next.seq;
      this.emit(f, next);
    }
    if (!f.pending.size) {
      clearTimeout(f.gapTimer);
      f.gapTimer = undefined;
    } else if (!f.gapTimer && !f.catching) {
      f.gapTimer = setTimeout(() => {
        f.gapTimer = undefined;
        void this.catchUp(eventId);
      }, GAP_WAIT_MS);
    }
  }

  private emit(f: Followed, msg: LiveMessage): void {
    const nsp = this.nsp;
    if (!nsp) return;
    this.stats.delivered++;
    const to = (room: string, audience: LiveAudience, id?: string) => {
      const push = projectFor(msg, audience, id);
      if (push) nsp.local.to(room).emit('live', push);
    };
    if (f.organisers) to(rooms.staff(msg.eventId), 'organisers');
    const r = recipientsOf(msg);
    if (f.board && r.board) to(rooms.board(msg.eventId), 'board');
    if (f.participants.size && r.participants)
      for (const id of r.participants === 'all' ? f.participants.keys() : r.participants)
        if (f.participants.has(id)) to(rooms.participant(id), 'participant', id);
    if (f.tables.size && r.tables)
      for (const id of r.tables === 'all' ? f.tables.keys() : r.tables) if (f.tables.has(id)) to(rooms.table(id), 'table', id);
  }

  /** Reads what this node has not delivered yet of an event back from the log, page by page. */
  catchUp(eventId: string): Promise<void> {
    const f = this.events.get(eventId);
    if (!f || f.delivered === null) return Promise.resolve();
    f.catching ??= (async () => {
      this.stats.catchUps++;
      for (;;) {
        const from = f.delivered!;
        const rows = await readLive(this.db.manager, eventId, from, REPLAY_PAGE);
        if (this.events.get(eventId) !== f) return;
        for (const m of rows) if (m.seq > f.delivered!) f.pending.set(m.seq, m);
        this.stats.fromLog += rows.length;
        const before = f.delivered;
        this.drain(eventId, f);
        if (rows.length < REPLAY_PAGE || f.delivered === before) return;
      }
    })()
      .catch((e: unknown) => this.log.warn(`catch-up of event ${eventId} failed: ${(e as Error).message}`))
      .finally(() => {
        f.catching = undefined;
        if (this.events.get(eventId) === f && f.pending.size) this.drain(eventId, f);
      });
    return f.catching;
  }

  private catchUpAll(): void {
    for (const id of this.events.keys()) void this.catchUp(id);
  }

  /** Compares what this node delivered with each followed event's newest sequence number. */
  async reconcile(): Promise<void> {
    const ids = [...this.events].filter(([, f]) => f.delivered !== null).map(([id]) => id);
    if (!ids.length) return;
    try {
      const heads = await liveHeads(this.db.manager, ids);
      for (const [id, head] of heads) {
        const f = this.events.get(id);
        if (f && f.delivered !== null && head > f.delivered) void this.catchUp(id);
      }
    } catch (e) {
      this.log.warn(`live reconcile failed: ${(e as Error).message}`);
    }
  }
}
