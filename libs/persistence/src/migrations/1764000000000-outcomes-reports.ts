import { MigrationInterface, QueryRunner } from 'typeorm';

/** After the event: outcomes per meeting side, commitments followed through the pipeline, files built by workers. */
export class OutcomesReports1764000000000 implements MigrationInterface {
  name = 'OutcomesReports1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "meeting_outcomes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE CASCADE,
      "side" character varying(1) NOT NULL CHECK ("side" IN ('a','b')),
      "participant_id" uuid NOT NULL REFERENCES "participants"("id") ON DELETE CASCADE,
      "interest" smallint NOT NULL CHECK ("interest" BETWEEN 1 AND 5),
      "next_steps" text array NOT NULL DEFAULT '{}'
        CHECK ("next_steps" <@ ARRAY['MOU','TECH_MISSION','PROJECT_PROFILE','FUND_APPLICATION','VOLUNTEERING','TWINNING']::text[]),
      "amount_usd" numeric(16,2) CHECK ("amount_usd" IS NULL OR "amount_usd" >= 0),
      "contacts" jsonb NOT NULL DEFAULT '[]',
      "notes" character varying(4000) NOT NULL DEFAULT '',
      "next_contact_date" date,
      "target_date" date,
      "filled_by" character varying(12) NOT NULL CHECK ("filled_by" IN ('participant','staff')),
      "filled_by_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "version" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_meeting_outcomes" PRIMARY KEY ("id"),
      CONSTRAINT "chk_meeting_outcomes_dates" CHECK ("next_contact_date" IS NULL OR "target_date" IS NULL OR "next_contact_date" <= "target_date"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_meeting_outcomes_meeting_side" ON "meeting_outcomes" ("meeting_id", "side")`);
    await q.query(`CREATE INDEX "idx_meeting_outcomes_event_participant" ON "meeting_outcomes" ("event_id", "participant_id")`);

    await q.query(`CREATE TABLE "commitments" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE CASCADE,
      "title" character varying(300) NOT NULL,
      "description" character varying(4000) NOT NULL DEFAULT '',
      "next_step" character varying(20),
      "stage" character varying(12) NOT NULL CHECK ("stage" IN ('identified','negotiation','signed','execution','closed','dropped')),
      "stage_date" date NOT NULL,
      "amount_usd" numeric(16,2) CHECK ("amount_usd" IS NULL OR "amount_usd" >= 0),
      "base_date" date NOT NULL,
      "reviews" jsonb NOT NULL DEFAULT '[]',
      "history" jsonb NOT NULL DEFAULT '[]',
      "version" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_commitments" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_commitments_event_stage" ON "commitments" ("event_id", "stage")`);
    await q.query(`CREATE INDEX "idx_commitments_meeting" ON "commitments" ("meeting_id")`);

    await q.query(`CREATE TABLE "export_files" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "kind" character varying(20) NOT NULL,
      "status" character varying(10) NOT NULL CHECK ("status" IN ('queued','running','done','failed')),
      "params" jsonb NOT NULL DEFAULT '{}',
      "progress" jsonb NOT NULL DEFAULT '{}',
      "filename" character varying(200) NOT NULL,
      "content_type" character varying(100) NOT NULL,
      "content" bytea,
      "size" integer,
      "error" character varying(1000),
      "requested_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_export_files" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_export_files_event_created" ON "export_files" ("event_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "export_files"`);
    await q.query(`DROP TABLE "commitments"`);
    await q.query(`DROP TABLE "meeting_outcomes"`);
  }
}
