import { MigrationInterface, QueryRunner } from 'typeorm';

/** The live day: per-event change log with sequence numbers, and replacement proposals. */
export class Live1763900000000 implements MigrationInterface {
  name = 'Live1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "events" ADD "live_seq" bigint NOT NULL DEFAULT 0`);
    await q.query(`CREATE TABLE "live_messages" (
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "seq" bigint NOT NULL,
      "type" character varying(40) NOT NULL,
      "participants" uuid array NOT NULL DEFAULT '{}',
      "tables" uuid array NOT NULL DEFAULT '{}',
      "payload" jsonb NOT NULL DEFAULT '{}',
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_live_messages" PRIMARY KEY ("event_id", "seq"))`);
    await q.query(`CREATE INDEX "idx_live_messages_event_at" ON "live_messages" ("event_id", "at")`);
    await q.query(`CREATE INDEX "idx_live_messages_participants" ON "live_messages" USING gin ("participants")`);
    await q.query(`CREATE TABLE "replacement_proposals" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "slot_id" uuid NOT NULL REFERENCES "slots"("id") ON DELETE CASCADE,
      "table_id" uuid NOT NULL REFERENCES "tables"("id") ON DELETE CASCADE,
      "freed_meeting_id" uuid REFERENCES "meetings"("id") ON DELETE SET NULL,
      "status" character varying(12) NOT NULL CHECK ("status" IN ('proposed','accepted','rejected','applied','expired')),
      "mode" character varying(12) NOT NULL CHECK ("mode" IN ('automatic','confirm')),
      "proposal" jsonb NOT NULL DEFAULT '{}',
      "result_meeting_id" uuid REFERENCES "meetings"("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "resolved_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_replacement_proposals" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_replacement_proposals_event_status" ON "replacement_proposals" ("event_id", "status")`);
    // One open proposal per freed cell: two recovery jobs for the same cell cannot both propose.
    await q.query(
      `CREATE UNIQUE INDEX "uq_replacement_open_cell" ON "replacement_proposals" ("slot_id", "table_id") WHERE "status" = 'proposed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "replacement_proposals"`);
    await q.query(`DROP TABLE "live_messages"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "live_seq"`);
  }
}
