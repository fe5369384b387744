import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's meetings in one slot, found by (participant, slot) instead of by intersecting
 * the participant's index with the slot's: the recovery asks "is this person already full in the
 * freed slot?" for every candidate, and the slot's side of that intersection grows with the
 * number of tables (594 entries a slot at 10× the Jornada, docs/benchmarks.md).
 */
export class RecoveryIndexes1764450000000 implements MigrationInterface {
  name = 'RecoveryIndexes1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_meetings_a_slot" ON "meetings" ("participant_a_id", "slot_id") WHERE "slot_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "idx_meetings_b_slot" ON "meetings" ("participant_b_id", "slot_id") WHERE "slot_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_meetings_b_slot"`);
    await q.query(`DROP INDEX "idx_meetings_a_slot"`);
  }
}
