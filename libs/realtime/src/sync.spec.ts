import {
  type LiveAudience,
  type LiveMessage,
  type LiveMessageType,
  type LivePush,
  LiveSync,
  projectFor,
  receives,
  type ReplayPage,
  StreamHeads,
} from './index';

/** Seeded PRNG (mulberry32), so every run replays the same scenarios. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['pa', 'pb', 'pc', 'pd'];
const TABLES = ['t1', 't2', 't3'];
const TYPES: LiveMessageType[] = [
  'meeting.updated',
  'meeting.created',
  'schedule.published',
  'slots.delayed',
  'delegate.checked_in',
  'participant.left',
  'replacement.proposed',
  'replacement.unavailable',
];

/** A log as the server writes it: sequence numbers and each stream's previous message, through StreamHeads. */
function makeLog(n: number, seed: number): LiveMessage[] {
  const r = rng(seed);
  const heads = new StreamHeads([]);
  const pick = <T>(xs: T[], k: number) => xs.filter(() => r() < k / xs.length);
  const log: LiveMessage[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const type = TYPES[Math.floor(r() * TYPES.length)];
    const wide = type === 'schedule.published';
    const msg = {
      eventId: 'e',
      seq,
      type,
      at: '',
      participants: wide ? [] : pick(PEOPLE, 1.5),
      tables: wide ? [] : pick(TABLES, 1),
      payload: { id: `m${seq}` },
    };
    log.push({ ...msg, prevs: heads.advance(msg, seq) });
  }
  return log;
}

const SUBSCRIBERS: [LiveAudience, string | undefined][] = [
  ['organisers', undefined],
  ['board', undefined],
  ...TABLES.map((t): [LiveAudience, string] => ['table', t]),
  ...PEOPLE.map((p): [LiveAudience, string] => ['participant', p]),
];

describe('filtered streams: prev names the previous message of the same subscriber', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: for every subscriber, every message it receives points at the one before', (seed) => {
    const log = makeLog(300, seed);
    for (const [audience, id] of SUBSCRIBERS) {
      let last = 0;
      for (const m of log) {
        if (!receives(m, audience, id)) continue;
        expect(projectFor(m, audience, id)!.prev).toBe(last);
        last = m.seq;
      }
    }
  });
});

describe('LiveSync: a client that loses pushes still applies its whole stream, once and in order', () => {
  /** A server over `log` for one subscriber: replays in pages of `page`, as replayLive does. */
  function server(log: LiveMessage[], audience: LiveAudience, id: string | undefined, page: number, head: () => number) {
    const replay = async (lastSeq: number | undefined): Promise<ReplayPage> => {
      const h = head();
      if (lastSeq === undefined || lastSeq > h) return { ok: true, seq: h, through: h, missed: [], more: false, reset: true };
      const rows = log.filter((m) => m.seq > lastSeq && m.seq <= h && receives(m, audience, id));
      const more = rows.length > page;
      const shown = rows.slice(0, page);
      return {
        ok: true,
        seq: h,
        through: more ? shown[shown.length - 1].seq : h,
        missed: shown.map((m) => projectFor(m, audience, id)!),
        more,
        reset: false,
      };
    };
    return { subscribe: replay, replay: (lastSeq: number) => replay(lastSeq) };
  }

  it.each([
    [11, 0.3, 7],
    [12, 0.6, 3],
    [13, 0.05, 50],
    [14, 0.9, 2],
  ])('seed %i, %f of the pushes lost, pages of %i', async (seed, loss, page) => {
    const log = makeLog(400, seed);
    const r = rng(seed * 7);
    for (const [audience, id] of SUBSCRIBERS) {
      let committed = 0;
      const applied: LivePush[] = [];
      const sync = new LiveSync(
        server(log, audience, id, page, () => committed),
        { apply: (m) => applied.push(m), snapshot: async () => undefined },
        0,
      );
      await sync.connected();
      for (const m of log) {
        committed = m.seq;
        const push = projectFor(m, audience, id);
        if (push && r() >= loss) sync.push(push);
        // Now and then the connection drops and comes back.
        if (r() < 0.02) await sync.connected();
        await new Promise((res) => setImmediate(res));
      }
      await sync.connected();
      const expected = log.filter((m) => receives(m, audience, id)).map((m) => m.seq);
      expect(applied.map((m) => m.seq)).toEqual(expected);
    }
  });

  it('a client with nothing loads a snapshot and continues from the head the server named', async () => {
    const log = makeLog(50, 21);
    const applied: number[] = [];
    let snapshots = 0;
    const sync = new LiveSync(
      server(log, 'participant', 'pa', 10, () => 30),
      {
        apply: (m) => applied.push(m.seq),
        snapshot: async () => void snapshots++,
      },
    );
    await sync.connected();
    expect(snapshots).toBe(1);
    expect(sync.through).toBe(30);
    const next = log.filter((m) => m.seq > 30 && receives(m, 'participant', 'pa'));
    for (const m of next) sync.push(projectFor(m, 'participant', 'pa')!);
    expect(applied).toEqual(next.map((m) => m.seq));
  });
});
