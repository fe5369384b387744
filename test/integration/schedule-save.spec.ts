import { saveScheduleVersion } from '@rueda/persistence';
import { createTestDatabase } from '../support/database';

describe('saving a schedule version is all or nothing', () => {
  it('a failure half way leaves no assignment behind, and a retry writes it whole', async () => {
    const db = await createTestDatabase();
    try {
      const q = (sql: string, p?: unknown[]) => db.dataSource.query(sql, p);
      const [ev] = await q(`INSERT INTO events (name, version) VALUES ('J', 1) RETURNING id`);
      const [a] = await q(
        `INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, '0104', 'gadm', 'N', 1) RETURNING id`,
        [ev.id],
      );
      const [b] = await q(
        `INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, 'JICA', 'cooperant', 'J', 1) RETURNING id`,
        [ev.id],
      );
      const [c] = await q(
        `INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, 'CAF', 'cooperant', 'C', 1) RETURNING id`,
        [ev.id],
      );
      const [s1] = await q(
        `INSERT INTO slots (event_id, code, ordinal, starts_at, ends_at) VALUES ($1, 'S01', 1, now(), now()) RETURNING id`,
        [ev.id],
      );
      const [t1] = await q(`INSERT INTO tables (event_id, number) VALUES ($1, 1) RETURNING id`, [ev.id]);
      const mk = async (x: string, y: string) =>
        (
          await q(
            `INSERT INTO meetings (event_id, participant_a_id, participant_b_id, origin, status, version) VALUES ($1, $2, $3, 'organiser', 'accepted', 1) RETURNING id`,
            [ev.id, x, y],
          )
        )[0].id;
      const m1 = await mk(a.id, b.id);
      const m2 = await mk(a.id, c.id);
      const [v] = await q(`INSERT INTO schedule_versions (event_id, number, status) VALUES ($1, 1, 'generating') RETURNING id`, [ev.id]);
      const base = {
        format: 'rueda.schedule/1' as const,
        unscheduled: [],
        stats: { scheduled: 2, weight: 2, holes: 0, seconds: 0 },
        bounds: { weightUpperBound: 2 },
      };
      // Two meetings at the same table and slot: the second insert breaks the unique index.
      await expect(
        saveScheduleVersion(db.dataSource.manager, v.id, {
          ...base,
          assignments: [
            { meeting: m1, slot: s1.id, table: t1.id },
            { meeting: m2, slot: s1.id, table: t1.id },
          ],
        }),
      ).rejects.toThrow();
      expect((await q(`SELECT count(*)::int AS n FROM schedule_assignments`))[0].n).toBe(0);
      expect((await q(`SELECT status FROM schedule_versions WHERE id = $1`, [v.id]))[0].status).toBe('generating');
      await saveScheduleVersion(db.dataSource.manager, v.id, {
        ...base,
        stats: { ...base.stats, scheduled: 1, weight: 1 },
        assignments: [{ meeting: m1, slot: s1.id, table: t1.id }],
        unscheduled: [{ meeting: m2, reason: 'x' }],
      });
      await saveScheduleVersion(db.dataSource.manager, v.id, {
        ...base,
        stats: { ...base.stats, scheduled: 1, weight: 1 },
        assignments: [{ meeting: m1, slot: s1.id, table: t1.id }],
        unscheduled: [{ meeting: m2, reason: 'x' }],
      });
      expect((await q(`SELECT count(*)::int AS n FROM schedule_assignments`))[0].n).toBe(1);
      expect((await q(`SELECT status FROM schedule_versions WHERE id = $1`, [v.id]))[0].status).toBe('draft');
    } finally {
      await db.drop();
    }
  });
});
