import { bestReplacement, generateLiveState, occupies, proposeReplacement } from '@rueda/live';
import { cellNeighbourhood, loadLiveState } from '@rueda/persistence';
import { createTestDatabase } from '../support/database';
import { seedLiveState } from '../support/seed-day';

/**
 * The recovery job reads only the freed cell's neighbourhood from PostgreSQL. Whatever cell is
 * freed, its answer is the one the whole day (loadLiveState + proposeReplacement) gives.
 */
describe('recovery from the neighbourhood of a freed cell (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

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
});
