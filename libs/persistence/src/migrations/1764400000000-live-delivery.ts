import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery that loses nothing: the previous message of each filtered stream on every logged
 * message (and the heads of those streams), a transactional outbox of jobs, and the request a
 * replacement answers (a recovery job delivered twice proposes once). Recovery reads only the
 * neighbourhood of a freed cell: candidates best first, pairs that met, reserved tables.
 */
export class LiveDelivery1764400000000 implements MigrationInterface {
  name = 'LiveDelivery1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "live_messages" ADD "prevs" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE "live_streams" (
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "stream" character varying(40) NOT NULL,
      "last_seq" bigint NOT NULL,
      CONSTRAINT "pk_live_streams" PRIMARY KEY ("event_id", "stream"))`);
    await q.query(`CREATE TABLE "outbox_jobs" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "queue" character varying(40) NOT NULL,
      "name" character varying(60) NOT NULL,
      "job_id" character varying(200) NOT NULL,
      "data" jsonb NOT NULL,
      "options" jsonb NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" character varying(500),
      "dispatched_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_outbox_jobs" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_outbox_jobs_pending" ON "outbox_jobs" ("created_at") WHERE "dispatched_at" IS NULL`);
    await q.query(`ALTER TABLE "replacement_proposals" ADD "request_id" character varying(200)`);
    await q.query(`CREATE UNIQUE INDEX "uq_replacement_request" ON "replacement_proposals" ("request_id")`);
    await q.query(`CREATE INDEX "idx_meetings_status_weight" ON "meetings" ("event_id", "status", "weight" DESC, "id")`);
    await q.query(
      `CREATE INDEX "idx_meetings_pair" ON "meetings" ("event_id", LEAST("participant_a_id", "participant_b_id"), GREATEST("participant_a_id", "participant_b_id"))`,
    );
    await q.query(`CREATE INDEX "idx_match_counterparts_run_score" ON "match_counterparts" ("run_id", "score" DESC)`);
    await q.query(
      `CREATE INDEX "idx_tables_reserved_for" ON "tables" ("reserved_for_participant_id") WHERE "reserved_for_participant_id" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_tables_reserved_for"`);
    await q.query(`DROP INDEX "idx_match_counterparts_run_score"`);
    await q.query(`DROP INDEX "idx_meetings_pair"`);
    await q.query(`DROP INDEX "idx_meetings_status_weight"`);
    await q.query(`DROP INDEX "uq_replacement_request"`);
    await q.query(`ALTER TABLE "replacement_proposals" DROP COLUMN "request_id"`);
    await q.query(`DROP TABLE "outbox_jobs"`);
    await q.query(`DROP TABLE "live_streams"`);
    await q.query(`ALTER TABLE "live_messages" DROP COLUMN "prevs"`);
  }
}
