import fc from 'fast-check';
import {
  applyNoShow,
  bestReplacement,
  type Candidate,
  type CandidateSource,
  type Cell,
  generateLiveState,
  type LiveState,
  type Neighbourhood,
  occupies,
  OCCUPYING_STATUSES,
  PAIR_BLOCKING_STATUSES,
  pairKey,
  proposeReplacement,
} from './index';

/** The whole day served the way the database serves a cell's neighbourhood: page by page, best first. */
function served(state: LiveState, counts = { people: 0 }): Neighbourhood {
  const tie = (c: Candidate) => `${c.meetingId ?? ''}\u0001${pairKey(c.a, c.b)}`;
  const relevant = new Set([...OCCUPYING_STATUSES, ...PAIR_BLOCKING_STATUSES]);
  const sources = [...new Set(state.candidates.map((c) => c.source))] as CandidateSource[];
  return {
    sources,
    async candidates(source, range, offset, limit) {
      return state.candidates
        .filter((c) => c.source === source && (range === 'unit' ? c.score <= 1 : c.score > 1))
        .sort((x, y) => y.score - x.score || (tie(x) < tie(y) ? -1 : tie(x) > tie(y) ? 1 : 0))
        .slice(offset, offset + limit);
    },
    async people(ids, slotId, pairs) {
      counts.people += ids.length;
      const set = new Set(ids);
      const participants = state.participants.filter((p) => set.has(p.id));
      const counted = new Set(participants.filter((p) => p.maxMeetings !== undefined).map((p) => p.id));
      const pairSet = new Set(pairs.map(([a, b]) => pairKey(a, b)));
      return {
        participants,
        meetings: state.meetings.filter(
          (m) =>
            relevant.has(m.status) &&
            ((m.slotId === slotId && (set.has(m.a) || set.has(m.b))) ||
              counted.has(m.a) ||
              counted.has(m.b) ||
              pairSet.has(pairKey(m.a, m.b))),
        ),
      };
    },
    async movable(after, range, offset, limit) {
      const start = new Map(state.slots.map((s) => [s.id, s.startsAt.getTime()]));
      return state.meetings
        .filter(
          (m) =>
            m.status === 'scheduled' &&
            occupies(m) &&
            start.get(m.slotId!)! > after.getTime() &&
            (range === 'unit' ? m.weight <= 1 : m.weight > 1),
        )
        .sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
        .slice(offset, offset + limit);
    },
  };
}

const cellContext = (state: LiveState, cell: Cell) => ({
  now: state.now,
  timeZone: state.timeZone,
  slots: state.slots,
  tables: state.tables.filter((t) => t.id === cell.tableId),
  meetings: state.meetings.filter((m) => m.slotId === cell.slotId && m.tableId === cell.tableId),
});

describe('bestReplacement: the whole day’s answer from the neighbourhood of the freed cell', () => {
  it('always proposes exactly what proposeReplacement proposes on the whole day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          gadms: fc.integer({ min: 2, max: 30 }),
          cooperants: fc.integer({ min: 1, max: 10 }),
          slots: fc.integer({ min: 2, max: 10 }),
          tables: fc.integer({ min: 1, max: 8 }),
          meetings: fc.integer({ min: 1, max: 60 }),
          unscheduled: fc.integer({ min: 0, max: 10 }),
          candidates: fc.integer({ min: 0, max: 120 }),
          nowOffsetMinutes: fc.integer({ min: -30, max: 120 }),
          checkedInShare: fc.double({ min: 0, max: 1, noNaN: true }),
          fixedTableShare: fc.double({ min: 0, max: 0.4, noNaN: true }),
          unavailableShare: fc.double({ min: 0, max: 0.4, noNaN: true }),
          maxMeetingsShare: fc.double({ min: 0, max: 0.4, noNaN: true }),
        }),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (o, pick, allowMoves, page, coarse) => {
          const generated = generateLiveState(o);
          // Coarse scores and weights make ties common: the order of equals must come out the same.
          const day: LiveState = coarse
            ? {
                ...generated,
                candidates: generated.candidates.map((c, i) => ({ ...c, score: c.score > 1 ? 1 + (i % 2) : [0.5, 1][i % 2] })),
                meetings: generated.meetings.map((m, i) => ({ ...m, weight: 1 + (i % 2) })),
              }
            : generated;
          const placed = day.meetings.filter((m) => m.status === 'scheduled' && occupies(m));
          if (!placed.length) return;
          const target = placed[pick % placed.length];
          const { state, freed } = applyNoShow(day, target.id);
          const cell = freed[0];
          const whole = proposeReplacement(state, cell, { protectMinutes: 10, allowMoves, limit: 1 })[0] ?? null;
          const narrow = await bestReplacement(cellContext(state, cell), cell, served(state), { protectMinutes: 10, allowMoves, page });
          expect(narrow.proposal).toEqual(whole);
        },
      ),
      { numRuns: 400, seed: 20261125 },
    );
  });

  it('finds the same move when no fill is possible, reading later meetings page by page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          gadms: fc.integer({ min: 10, max: 40 }),
          cooperants: fc.integer({ min: 3, max: 12 }),
          slots: fc.integer({ min: 3, max: 10 }),
          tables: fc.integer({ min: 2, max: 8 }),
          meetings: fc.integer({ min: 10, max: 80 }),
          unscheduled: fc.constant(0),
          candidates: fc.integer({ min: 0, max: 3 }),
          nowOffsetMinutes: fc.integer({ min: -30, max: 60 }),
          checkedInShare: fc.double({ min: 0.5, max: 1, noNaN: true }),
        }),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        async (o, pick, page, coarse) => {
          const generated = generateLiveState(o);
          const day: LiveState = coarse
            ? { ...generated, meetings: generated.meetings.map((m, i) => ({ ...m, weight: [1, 2, 3][i % 3] })) }
            : generated;
          const placed = day.meetings.filter((m) => m.status === 'scheduled' && occupies(m));
          if (!placed.length) return;
          const { state, freed } = applyNoShow(day, placed[pick % placed.length].id);
          const whole = proposeReplacement(state, freed[0], { protectMinutes: 10, allowMoves: true, limit: 1 })[0] ?? null;
          const narrow = await bestReplacement(cellContext(state, freed[0]), freed[0], served(state), {
            protectMinutes: 10,
            allowMoves: true,
            page,
          });
          expect(narrow.proposal).toEqual(whole);
        },
      ),
      { numRuns: 300, seed: 4711 },
    );
  });

  it('reads a few pages, not the whole day, on a Jornada-size event', async () => {
    const day = generateLiveState({
      seed: 7,
      gadms: 221,
      cooperants: 80,
      slots: 24,
      tables: 60,
      meetings: 1400,
      unscheduled: 200,
      candidates: 3000,
      nowOffsetMinutes: 60,
    });
    const later = day.meetings.filter((m) => m.status === 'scheduled' && occupies(m) && m.slotId! > 'S08');
    const counts = { people: 0 };
    let candidates = 0;
    for (const m of later.slice(0, 20)) {
      const { state, freed } = applyNoShow(day, m.id);
      const r = await bestReplacement(cellContext(state, freed[0]), freed[0], served(state, counts), {
        protectMinutes: 10,
        allowMoves: true,
      });
      expect(r.proposal).toEqual(proposeReplacement(state, freed[0], { protectMinutes: 10, allowMoves: true, limit: 1 })[0] ?? null);
      candidates += r.read.candidates;
    }
    // 20 freed cells: a page or two each out of 3,200 candidates, and their people.
    expect(candidates / 20).toBeLessThan(200);
    expect(counts.people / 20).toBeLessThan(301);
  });
});
