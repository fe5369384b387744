import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One fixed table per participant: the plain index on tables.reserved_for_participant_id becomes
 * a unique one (a participant belongs to one event, so this is "per participant per event").
 * Reservations that already break the rule keep the participant's lowest-numbered table; the
 * others are released, since the schedule only ever honoured one of them.
 */
export class OneReservedTable1764440000000 implements MigrationInterface {
  name = 'OneReservedTable1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "tables" t SET "reserved_for_participant_id" = NULL
      WHERE t."reserved_for_participant_id" IS NOT NULL AND EXISTS (
        SELECT 1 FROM "tables" o WHERE o."reserved_for_participant_id" = t."reserved_for_participant_id"
          AND (o."number", o."id") < (t."number", t."id"))`);
    await q.query(`DROP INDEX "idx_tables_reserved_for"`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_tables_reserved_for" ON "tables" ("reserved_for_participant_id") WHERE "reserved_for_participant_id" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_tables_reserved_for"`);
    await q.query(
      `CREATE INDEX "idx_tables_reserved_for" ON "tables" ("reserved_for_participant_id") WHERE "reserved_for_participant_id" IS NOT NULL`,
    );
  }
}
