import {
  bestReplacement,
  type Cell,
  type CellContext,
  generateLiveState,
  type LiveMeetingRecord,
  type LiveState,
  type Neighbourhood,
  occupies,
  type Proposal,
  proposeReplacement,
} from '@rueda/live';
import { cellNeighbourhood, loadLiveState } from '@rueda/persistence';
import { createTestDatabase } from '../support/database';
import { seedLiveState } from '../support/seed-day';

/**
 * The recovery job reads only the freed cell's neighbourhood from PostgreSQL. Whatever cell is
 * freed, its answer is the one the whole day (loadLiveState + proposeReplacement) gives.
 */
/** The neighbourhood `nb`, counting the candidate pages that brought rows and the people reads. */
function countingReads(nb: Neighbourhood) {
  const pages: string[] = [];
  const people = { reads: 0 };
  const counted: Neighbourhood = {
    sources: nb.sources,
    candidates: async (source, range, offset, limit) => {
      const rows = await nb.candidates(source, range, offset, limit);
      if (rows.length) pages.push(`${source}/${range}`);
      return rows;
    },
    people: async (...args) => {
      people.reads++;
      return nb.people(...args);
    },
    movable: (...args) => nb.movable(...args),
  };
  return { pages, people, counted };
}

const MIN = 60_000;
/** `n` slots of 20 minutes, the first starting 30 minutes after `now`. */
const slotsAfter = (now: Date, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `S${i}`,
    startsAt: new Date(now.getTime() + (30 + 20 * i) * MIN),
    endsAt: new Date(now.getTime() + (50 + 20 * i) * MIN),
  }));

describe('recovery from the neighbourhood of a freed cell (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  /**
   * Seeds `day`, whose meeting 'M-freed' was in cell (S1, T0), and in one transaction answers the
   * whole day's best proposal for that cell and the neighbourhood's reading of it.
   */
  const aroundFreedCell = async (
    day: LiveState,
    check: (r: {
      id: (g: string) => string;
      cell: Cell;
      expected: Proposal | undefined;
      ctx: CellContext;
      nb: Neighbourhood;
    }) => Promise<void>,
  ) => {
    const { eventId, id } = await seedLiveState((sql, p) => db.dataSource.query(sql, p), day);
    const cell = { slotId: id('S1'), tableId: id('T0'), meetingId: id('M-freed') };
    await db.dataSource.transaction(async (m) => {
      const whole = await loadLiveState(m, eventId, day.now, { matchCandidates: 5 });
      const expected = proposeReplacement(whole, cell, { protectMinutes: 10, allowMoves: true, limit: 1 })[0];
      const { ctx, nb } = await cellNeighbourhood(m, eventId, cell, day.now, { matchCandidates: 5 });
      await check({ id, cell, expected, ctx, nb });
    });
  };

  it.each([
    [1, 40, 12, 60, 8, 120],
    [2, 80, 20, 180, 12, 400],
    [3, 30, 6, 90, 4, 20],
  ])(
    'seed %i: %i GADMs, %i cooperants, %i meetings: the same best proposal for every freed cell tried',
    async (seed, gadms, cooperants, meetings, tables, candidates) => {
      const day = generateLiveState({
        seed,
        gadms,
        cooperants,
        slots: 10,
        tables,
        meetings,
        unscheduled: 12,
        candidates,
        nowOffsetMinutes: 50,
      });
      const { eventId, id } = await seedLiveState((sql, p) => db.dataSource.query(sql, p), day);
      const uuidOf = new Map(day.meetings.map((m) => [id(m.id), m.id]));
      const placed = (await db.dataSource.query(`SELECT id FROM meetings WHERE event_id = $1 AND status = 'scheduled'`, [eventId])) as {
        id: string;
      }[];
      expect(placed.length).toBeGreaterThan(0);
      let compared = 0;
      const kinds = new Set<string>();
      for (const { id: meetingId } of placed.slice(0, 25)) {
        await db.dataSource.transaction(async (m) => {
          // The no-show as the use case writes it, then both readings of the day, in the same transaction.
          await m.query(`UPDATE meetings SET status = 'no_show' WHERE id = $1`, [meetingId]);
          const [row] = await m.query(`SELECT slot_id, table_id FROM meetings WHERE id = $1`, [meetingId]);
          const cell = { slotId: row.slot_id, tableId: row.table_id, meetingId };
          const whole = await loadLiveState(m, eventId, day.now, { matchCandidates: 5 });
          const expected = proposeReplacement(whole, cell, { protectMinutes: 10, allowMoves: true, limit: 1 })[0] ?? null;
          const { ctx, nb } = await cellNeighbourhood(m, eventId, cell, day.now, { matchCandidates: 5 });
          const got = await bestReplacement(ctx, cell, nb, { protectMinutes: 10, allowMoves: true, page: 7 });
          expect({ meeting: uuidOf.get(meetingId), proposal: got.proposal }).toEqual({
            meeting: uuidOf.get(meetingId),
            proposal: expected,
          });
          expect(got.day.state.meetings.every((x) => !occupies(x) || x.slotId !== null)).toBe(true);
          compared++;
          kinds.add(expected?.kind ?? 'none');
          await m.query(`UPDATE meetings SET status = 'scheduled' WHERE id = $1`, [meetingId]);
        });
      }
      expect(compared).toBeGreaterThan(0);
      // Real answers were compared, not only empty ones.
      expect(kinds.has('fill')).toBe(true);
    },
  );

  it('skips, in the candidates query itself, waiting pairs with someone already busy in the slot: one page instead of several', async () => {
    // 20 waiting meetings rank above the one that fits, and each has a GADM already seated in the
    // freed cell's slot. Reading them page by page (8, then 16) and turning them down took two
    // pages of that source and their people; the query now leaves them out.
    const now = new Date('2026-11-25T14:00:00Z');
    const slots = slotsAfter(now, 4);
    const people = (prefix: string, n: number, kind: 'gadm' | 'cooperant') =>
      Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, kind, parallel: 1, checkedIn: true, unavailable: [] as string[] }));
    const meetings: LiveMeetingRecord[] = [
      // The freed cell (S1, T0) and 20 busy GADMs in the same slot.
      { id: 'M-freed', a: 'G99', b: 'C99', status: 'no_show', slotId: 'S1', tableId: 'T0', weight: 1 },
      ...Array.from({ length: 20 }, (_, i) => ({
        id: `M-busy-${i}`,
        a: `G${i}`,
        b: `C${i}`,
        status: 'scheduled' as const,
        slotId: 'S1',
        tableId: `T${i + 1}`,
        weight: 1,
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        id: `M-wait-${i}`,
        a: `G${i}`,
        b: `C${i + 20}`,
        status: 'accepted' as const,
        slotId: null,
        tableId: null,
        weight: 0.95 - i * 0.01,
      })),
      { id: 'M-fits', a: 'G40', b: 'C40', status: 'accepted', slotId: null, tableId: null, weight: 0.5 },
    ];
    const day: LiveState = {
      now,
      timeZone: 'America/Guayaquil',
      slots,
      tables: Array.from({ length: 22 }, (_, i) => ({ id: `T${i}`, number: i + 1 })),
      participants: [
        ...people('G', 41, 'gadm'),
        ...people('C', 41, 'cooperant'),
        ...people('G9', 10, 'gadm'),
        ...people('C9', 10, 'cooperant'),
      ],
      meetings,
      candidates: [],
    };
    await aroundFreedCell(day, async ({ id, cell, expected, ctx, nb }) => {
      expect(expected?.meeting.meetingId).toBe(id('M-fits'));

      const { pages, people, counted } = countingReads(nb);
      const got = await bestReplacement(ctx, cell, counted, { protectMinutes: 10, allowMoves: true, page: 8 });
      expect(got.proposal).toEqual(expected);
      expect({ pagesWithRows: pages, peopleReads: people.reads, candidatesRead: got.read.candidates }).toEqual({
        pagesWithRows: ['unscheduled/unit'],
        peopleReads: 1,
        candidatesRead: 1,
      });
    });
  });

  it('skips too the pairs with someone unavailable in the slot or seated for good at another table, and keeps one whose fixed table is the freed one', async () => {
    // 10 waiting meetings whose GADM is unavailable in the freed slot and 10 whose GADM only meets
    // at its own other table rank above the one that fits: reading them took two pages and their
    // people. One GADM's fixed table is the freed table itself: it is a candidate like any other.
    const now = new Date('2026-11-25T14:00:00Z');
    const slots = slotsAfter(now, 4);
    const person = (id: string, kind: 'gadm' | 'cooperant', extra: { unavailable?: string[]; fixedTable?: string } = {}) => ({
      id,
      kind,
      parallel: 1,
      checkedIn: true,
      unavailable: extra.unavailable ?? [],
      ...(extra.fixedTable ? { fixedTable: extra.fixedTable } : {}),
    });
    const waiting = (id: string, a: string, b: string, weight: number): LiveMeetingRecord => ({
      id,
      a,
      b,
      status: 'accepted',
      slotId: null,
      tableId: null,
      weight,
    });
    const day: LiveState = {
      now,
      timeZone: 'America/Guayaquil',
      slots,
      tables: Array.from({ length: 22 }, (_, i) => ({ id: `T${i}`, number: i + 1 })),
      participants: [
        ...Array.from({ length: 10 }, (_, i) => person(`GU${i}`, 'gadm', { unavailable: ['S1'] })),
        ...Array.from({ length: 10 }, (_, i) => person(`GF${i}`, 'gadm', { fixedTable: `T${i + 1}` })),
        person('GT0', 'gadm', { fixedTable: 'T0' }),
        ...Array.from({ length: 21 }, (_, i) => person(`C${i}`, 'cooperant')),
        person('G99', 'gadm'),
        person('C99', 'cooperant'),
      ],
      meetings: [
        { id: 'M-freed', a: 'G99', b: 'C99', status: 'no_show', slotId: 'S1', tableId: 'T0', weight: 1 },
        ...Array.from({ length: 10 }, (_, i) => waiting(`M-unav-${i}`, `GU${i}`, `C${i}`, 0.95 - i * 0.01)),
        ...Array.from({ length: 10 }, (_, i) => waiting(`M-fixed-${i}`, `GF${i}`, `C${i + 10}`, 0.85 - i * 0.01)),
        waiting('M-own-table', 'GT0', 'C20', 0.5),
      ],
      candidates: [],
    };
    await aroundFreedCell(day, async ({ id, cell, expected, ctx, nb }) => {
      expect(expected?.meeting.meetingId).toBe(id('M-own-table'));

      const { pages, people, counted } = countingReads(nb);
      const got = await bestReplacement(ctx, cell, counted, { protectMinutes: 10, allowMoves: true, page: 8 });
      expect(got.proposal).toEqual(expected);
      expect({ pagesWithRows: pages, peopleReads: people.reads, candidatesRead: got.read.candidates }).toEqual({
        pagesWithRows: ['unscheduled/unit'],
        peopleReads: 1,
        candidatesRead: 1,
      });
    });
  });
  it('keeps the pairs of a participant who can still hold one more meeting in the slot, and skips one who cannot', async () => {
    // C2 may hold 2 meetings at once and holds 1 in the freed slot: its waiting pair ranks first
    // and fits. C3 may hold 2 and already holds 2: its pair, ranked above, never reaches a page.
    const now = new Date('2026-11-25T14:00:00Z');
    const slots = slotsAfter(now, 3);
    const person = (id: string, kind: 'gadm' | 'cooperant', parallel = 1) => ({ id, kind, parallel, checkedIn: true, unavailable: [] });
    const seated = (id: string, a: string, b: string, table: string): LiveMeetingRecord => ({
      id,
      a,
      b,
      status: 'scheduled',
      slotId: 'S1',
      tableId: table,
      weight: 1,
    });
    const day: LiveState = {
      now,
      timeZone: 'America/Guayaquil',
      slots,
      tables: Array.from({ length: 6 }, (_, i) => ({ id: `T${i}`, number: i + 1 })),
      participants: [
        ...['G0', 'G1', 'G2', 'G3', 'G4', 'G5', 'G99'].map((g) => person(g, 'gadm')),
        person('C2', 'cooperant', 2),
        person('C3', 'cooperant', 2),
        person('C99', 'cooperant'),
      ],
      meetings: [
        { id: 'M-freed', a: 'G99', b: 'C99', status: 'no_show', slotId: 'S1', tableId: 'T0', weight: 1 },
        seated('M-c2', 'G0', 'C2', 'T1'),
        seated('M-c3a', 'G1', 'C3', 'T2'),
        seated('M-c3b', 'G2', 'C3', 'T3'),
        { id: 'M-c3-wait', a: 'G3', b: 'C3', status: 'accepted', slotId: null, tableId: null, weight: 0.9 },
        { id: 'M-c2-wait', a: 'G4', b: 'C2', status: 'accepted', slotId: null, tableId: null, weight: 0.8 },
      ],
      candidates: [],
    };
    await aroundFreedCell(day, async ({ id, cell, expected, ctx, nb }) => {
      expect(expected?.meeting.meetingId).toBe(id('M-c2-wait'));

      const page = await nb.candidates('unscheduled', 'unit', 0, 10);
      expect(page.map((c) => c.meetingId)).toEqual([id('M-c2-wait')]);
      const got = await bestReplacement(ctx, cell, nb, { protectMinutes: 10, allowMoves: true, page: 8 });
      expect(got.proposal).toEqual(expected);
    });
  });
});
