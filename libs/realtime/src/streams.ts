import { recipientsOf, type Recipients } from './audiences';
import type { LiveMessage, Prevs } from './index';

/**
 * Filtered streams and how a subscriber knows it missed something.
 *
 * Organisers receive every message of an event, so each one's `prev` is `seq − 1`. The board, a
 * table or a participant receives a subset: each message it receives carries `prev`, the
 * sequence number of the previous message *that same subscriber* was sent. A client that has
 * everything up to `through` and receives a message whose `prev` is above `through` has missed
 * one: it asks for a replay. Nobody receives anybody else's routing.
 *
 * To compute `prev` the log keeps, per event, the last sequence number of each stream: `b` (the
 * board), `p:<id>` and `t:<id>` (one participant, one table), and `p:*` / `t:*` (the last message
 * for every participant / table: a publish). A participant's last message is the newer of its own
 * row and `p:*`; a `p:<id>` row is kept only while it is newer than `p:*`, so a publish lists the
 * (few) exceptions and clears them.
 */
export const STREAM = {
  board: 'b',
  participant: (id: string) => `p:${id}`,
  table: (id: string) => `t:${id}`,
  allParticipants: 'p:*',
  allTables: 't:*',
} as const;

/** The streams whose current heads are needed to number `messages` (all rows of a kind when one goes to everybody). */
export function streamsNeeded(messages: Pick<LiveMessage, 'type' | 'participants' | 'tables'>[]): {
  names: string[];
  allParticipants: boolean;
  allTables: boolean;
} {
  const names = new Set<string>([STREAM.board, STREAM.allParticipants, STREAM.allTables]);
  let allParticipants = false;
  let allTables = false;
  for (const m of messages) {
    const r = recipientsOf(m);
    if (r.participants === 'all') allParticipants = true;
    else for (const p of r.participants ?? []) names.add(STREAM.participant(p));
    if (r.tables === 'all') allTables = true;
    else for (const t of r.tables ?? []) names.add(STREAM.table(t));
  }
  return { names: [...names], allParticipants, allTables };
}

/**
 * The heads of an event's streams while a transaction appends to its log: `advance` numbers
 * one message (its `prevs`) and moves the heads; `changes` is what to write back.
 */
export class StreamHeads {
  private readonly heads: Map<string, number>;
  private readonly dirty = new Set<string>();
  private clearParticipants = false;
  private clearTables = false;

  constructor(rows: Iterable<[string, number]>) {
    this.heads = new Map(rows);
  }

  advance(msg: Pick<LiveMessage, 'type' | 'participants' | 'tables'>, seq: number): Prevs {
    const r: Recipients = recipientsOf(msg);
    const prevs: Prevs = {};
    if (r.board) {
      prevs.b = this.heads.get(STREAM.board) ?? 0;
      this.set(STREAM.board, seq);
    }
    this.advanceKind(r.participants, seq, 'p', prevs);
    this.advanceKind(r.tables, seq, 't', prevs);
    return prevs;
  }

  private advanceKind(to: Recipients['participants'], seq: number, kind: 'p' | 't', prevs: Prevs): void {
    if (to === null) return;
    const allKey = kind === 'p' ? STREAM.allParticipants : STREAM.allTables;
    const rest = this.heads.get(allKey) ?? 0;
    const own: Record<string, number> = {};
    if (to === 'all') {
      // Everybody's previous message: the last one for all, except those who got one of their own since.
      for (const [k, v] of this.heads) if (k.startsWith(`${kind}:`) && k !== allKey) own[k.slice(2)] = v;
      for (const k of [...this.heads.keys()]) if (k.startsWith(`${kind}:`) && k !== allKey) this.heads.delete(k);
      for (const k of [...this.dirty]) if (k.startsWith(`${kind}:`) && k !== allKey) this.dirty.delete(k);
      if (kind === 'p') this.clearParticipants = true;
      else this.clearTables = true;
      this.set(allKey, seq);
      if (kind === 'p') prevs.pAll = rest;
      else prevs.tAll = rest;
    } else {
      for (const id of to) {
        const key = `${kind}:${id}`;
        own[id] = this.heads.get(key) ?? rest;
        this.set(key, seq);
      }
    }
    if (Object.keys(own).length) {
      if (kind === 'p') prevs.p = own;
      else prevs.t = own;
    }
  }

  private set(key: string, seq: number) {
    this.heads.set(key, seq);
    this.dirty.add(key);
  }

  /** Rows to write (stream → last seq), and whether the per-participant / per-table rows were superseded by a message to all. */
  changes(): { upserts: [string, number][]; clearParticipants: boolean; clearTables: boolean } {
    return {
      upserts: [...this.dirty].map((k) => [k, this.heads.get(k)!]),
      clearParticipants: this.clearParticipants,
      clearTables: this.clearTables,
    };
  }
}
