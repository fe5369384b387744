import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the live day reads on every recovery: delegates and meetings by participant and slot. */
export class LiveIndexes1764200000000 implements MigrationInterface {
  name = 'LiveIndexes1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_delegates_participant" ON "delegates" ("participant_id")`);
    await q.query(`CREATE INDEX "idx_meetings_slot" ON "meetings" ("slot_id") WHERE "slot_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "idx_unavailability_slot" ON "unavailability" ("slot_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_unavailability_slot"`);
    await q.query(`DROP INDEX "idx_meetings_slot"`);
    await q.query(`DROP INDEX "idx_delegates_participant"`);
  }
}
