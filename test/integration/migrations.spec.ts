import { createTestDatabase } from '../support/database';

describe('migrations (real PostgreSQL)', () => {
  it('go up on an empty database, down to nothing, and up again', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const ds = db.dataSource;
      const tables = async () =>
        (
          await ds.query(
            `SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_name <> 'migrations' ORDER BY 1`,
          )
        ).map((r: { table_name: string }) => r.table_name);
      expect(await tables()).toEqual([]);
      await ds.runMigrations();
      const up = await tables();
      expect(up).toEqual(
        expect.arrayContaining(['events', 'participants', 'demands', 'offers', 'meetings', 'slots', 'tables', 'schedule_versions']),
      );
      expect(await ds.showMigrations()).toBe(false);
      // Every migration can be undone.
      while ((await ds.query(`SELECT count(*)::int AS n FROM migrations`))[0].n > 0) await ds.undoLastMigration();
      expect(await tables()).toEqual([]);
      await ds.runMigrations();
      expect(await tables()).toEqual(up);
    } finally {
      await db.drop();
    }
  });

  it('bumps the event data version when matched data changes (trigger)', async () => {
    const db = await createTestDatabase();
    try {
      const ds = db.dataSource;
      const [ev] = await ds.query(`INSERT INTO events (name, version) VALUES ('J', 1) RETURNING id, data_version`);
      await ds.query(`INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, '0104', 'gadm', 'NABÓN', 1)`, [
        ev.id,
      ]);
      const [after] = await ds.query(`SELECT data_version FROM events WHERE id = $1`, [ev.id]);
      expect(after.data_version).toBe(ev.data_version + 1);
    } finally {
      await db.drop();
    }
  });
});

describe('data version', () => {
  it('moves with matched data, not with access links', async () => {
    const db = await createTestDatabase();
    try {
      const ds = db.dataSource;
      const [ev] = await ds.query(`INSERT INTO events (name, version) VALUES ('J', 1) RETURNING id`);
      const [p] = await ds.query(
        `INSERT INTO participants (event_id, external_id, kind, name, version) VALUES ($1, 'JICA', 'cooperant', 'JICA', 1) RETURNING id`,
        [ev.id],
      );
      const version = async () => (await ds.query(`SELECT data_version FROM events WHERE id = $1`, [ev.id]))[0].data_version;
      const v0 = await version();
      await ds.query(`INSERT INTO access_links (participant_id, event_id, token_hash) VALUES ($1, $2, 'x')`, [p.id, ev.id]);
      await ds.query(`UPDATE access_links SET last_seen_at = now() WHERE participant_id = $1`, [p.id]);
      expect(await version()).toBe(v0);
      await ds.query(`UPDATE participants SET region = 'Sierra' WHERE id = $1`, [p.id]);
      expect(await version()).toBe(v0 + 1);
    } finally {
      await db.drop();
    }
  });
});
