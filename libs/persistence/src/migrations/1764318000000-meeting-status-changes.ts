import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Table and control-room safety: every status change made at a table or by an organiser is
 * kept (who, when, before and after, why), so a mark can be undone within a short window and
 * organisers' corrections are audited. Marks sent again from a device that was offline carry
 * an idempotency key: the first verdict is kept and given back to every replay.
 */
export class MeetingStatusChanges1764318000000 implements MigrationInterface {
  name = 'MeetingStatusChanges1764318000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "meeting_status_changes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE CASCADE,
      "kind" character varying(12) NOT NULL,
      "before_status" character varying(16) NOT NULL,
      "after_status" character varying(16) NOT NULL,
      "actor_id" uuid,
      "actor_email" character varying(200),
      "reason" character varying(500) NOT NULL DEFAULT '',
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      -- Order of writing: two changes at the same instant still come out in the order they were made.
      "seq" bigserial NOT NULL,
      CONSTRAINT "pk_meeting_status_changes" PRIMARY KEY ("id"),
      CONSTRAINT "chk_meeting_status_changes_kind" CHECK ("kind" IN ('mark', 'undo', 'correction')))`);
    await q.query(`CREATE INDEX "ix_meeting_status_changes_meeting" ON "meeting_status_changes" ("meeting_id", "at")`);
    await q.query(`CREATE TABLE "idempotent_requests" (
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "key" character varying(100) NOT NULL,
      "status" integer NOT NULL,
      "body" jsonb NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_idempotent_requests" PRIMARY KEY ("event_id", "key"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotent_requests"`);
    await q.query(`DROP TABLE "meeting_status_changes"`);
  }
}
