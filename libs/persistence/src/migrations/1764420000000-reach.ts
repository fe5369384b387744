import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reaching participants: personal links kept apart from the participant row (issuing or using
 * a link must not raise the event's data version), the email log, the notification pipeline
 * (notices, preferences, a cursor over the change log), invitation campaigns, the audit and
 * review of self-service changes, and registrations of cooperants not in the catalogue.
 */
export class Reach1764420000000 implements MigrationInterface {
  name = 'Reach1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "access_links" (
      "participant_id" uuid NOT NULL REFERENCES "participants"("id") ON DELETE CASCADE,
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "token_hash" character varying(64) NOT NULL,
      "token_sealed" text,
      "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "first_seen_at" TIMESTAMP WITH TIME ZONE,
      "last_seen_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_access_links" PRIMARY KEY ("participant_id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_access_links_token_hash" ON "access_links" ("token_hash")`);
    await q.query(`CREATE INDEX "idx_access_links_event" ON "access_links" ("event_id")`);
    // Links issued before this migration keep working; only their token cannot be shown again.
    await q.query(`INSERT INTO "access_links" ("participant_id", "event_id", "token_hash", "issued_at")
      SELECT "id", "event_id", "access_token_hash", coalesce("access_token_issued_at", now()) FROM "participants" WHERE "access_token_hash" IS NOT NULL`);
    await q.query(`ALTER TABLE "participants" DROP COLUMN "access_token_hash", DROP COLUMN "access_token_issued_at"`);

    await q.query(`CREATE TABLE "email_campaigns" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "kind" character varying(20) NOT NULL CHECK ("kind" IN ('invitation')),
      "filter" jsonb NOT NULL DEFAULT '{}',
      "total" integer NOT NULL DEFAULT 0,
      "skipped" jsonb NOT NULL DEFAULT '[]',
      "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_email_campaigns" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_email_campaigns_event" ON "email_campaigns" ("event_id", "created_at")`);

    await q.query(`CREATE TABLE "email_messages" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "participant_id" uuid REFERENCES "participants"("id") ON DELETE CASCADE,
      "registration_id" uuid,
      "campaign_id" uuid REFERENCES "email_campaigns"("id") ON DELETE SET NULL,
      "kind" character varying(20) NOT NULL CHECK ("kind" IN ('invitation','notification','registration')),
      "to_addresses" text array NOT NULL,
      "subject" character varying(500) NOT NULL DEFAULT '',
      "status" character varying(10) NOT NULL CHECK ("status" IN ('queued','held','retrying','delivered','bounced','failed')),
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" character varying(1000),
      "smtp_message_id" character varying(300),
      "accepted" text array NOT NULL DEFAULT '{}',
      "rejected" text array NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_email_messages" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_email_messages_event_participant" ON "email_messages" ("event_id", "participant_id", "created_at")`);
    await q.query(`CREATE INDEX "idx_email_messages_campaign" ON "email_messages" ("campaign_id") WHERE "campaign_id" IS NOT NULL`);
    await q.query(
      `CREATE INDEX "idx_email_messages_waiting" ON "email_messages" ("status") WHERE "status" IN ('queued','held','retrying')`,
    );

    await q.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "participant_id" uuid NOT NULL REFERENCES "participants"("id") ON DELETE CASCADE,
      "kind" character varying(40) NOT NULL,
      "dedupe_key" character varying(200) NOT NULL,
      "notice" jsonb NOT NULL,
      "status" character varying(10) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending','sent','skipped')),
      "channels" jsonb NOT NULL DEFAULT '{}',
      "email_message_id" uuid REFERENCES "email_messages"("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "batched_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_notifications_participant_dedupe" ON "notifications" ("participant_id", "dedupe_key")`);
    await q.query(`CREATE INDEX "idx_notifications_pending" ON "notifications" ("created_at") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "idx_notifications_event_participant" ON "notifications" ("event_id", "participant_id", "created_at")`);

    await q.query(`CREATE TABLE "notification_prefs" (
      "participant_id" uuid NOT NULL REFERENCES "participants"("id") ON DELETE CASCADE,
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "email" boolean NOT NULL DEFAULT true,
      "push" boolean NOT NULL DEFAULT true,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_notification_prefs" PRIMARY KEY ("participant_id"))`);

    await q.query(`CREATE TABLE "notification_cursors" (
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "last_seq" bigint NOT NULL DEFAULT 0,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_notification_cursors" PRIMARY KEY ("event_id"))`);
    // What happened before notifications existed is not announced now.
    await q.query(`INSERT INTO "notification_cursors" ("event_id", "last_seq") SELECT "id", "live_seq" FROM "events"`);

    await q.query(`CREATE TABLE "participant_changes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "participant_id" uuid NOT NULL REFERENCES "participants"("id") ON DELETE CASCADE,
      "entity" character varying(16) NOT NULL CHECK ("entity" IN ('participant','delegate','demand','offer','availability')),
      "entity_id" uuid,
      "action" character varying(8) NOT NULL CHECK ("action" IN ('create','update','delete')),
      "before" jsonb,
      "after" jsonb,
      "actor" character varying(12) NOT NULL CHECK ("actor" IN ('participant','organiser')),
      "actor_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "review_status" character varying(10) NOT NULL DEFAULT 'pending' CHECK ("review_status" IN ('pending','approved','returned')),
      "reviewed_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "reviewed_at" TIMESTAMP WITH TIME ZONE,
      "review_comment" character varying(2000),
      CONSTRAINT "pk_participant_changes" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_participant_changes_review" ON "participant_changes" ("event_id", "review_status", "created_at")`);
    await q.query(`CREATE INDEX "idx_participant_changes_participant" ON "participant_changes" ("participant_id", "created_at")`);

    await q.query(`CREATE TABLE "registrations" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
      "status" character varying(10) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending','approved','rejected')),
      "email" character varying(200) NOT NULL,
      "data" jsonb NOT NULL,
      "participant_id" uuid REFERENCES "participants"("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "reviewed_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "reviewed_at" TIMESTAMP WITH TIME ZONE,
      "review_comment" character varying(2000),
      CONSTRAINT "pk_registrations" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_registrations_event_status" ON "registrations" ("event_id", "status", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "registrations"`);
    await q.query(`DROP TABLE "participant_changes"`);
    await q.query(`DROP TABLE "notification_cursors"`);
    await q.query(`DROP TABLE "notification_prefs"`);
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "email_messages"`);
    await q.query(`DROP TABLE "email_campaigns"`);
    await q.query(
      `ALTER TABLE "participants" ADD COLUMN "access_token_hash" character varying(64), ADD COLUMN "access_token_issued_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(
      `UPDATE "participants" p SET "access_token_hash" = l."token_hash", "access_token_issued_at" = l."issued_at" FROM "access_links" l WHERE l."participant_id" = p."id"`,
    );
    await q.query(`DROP TABLE "access_links"`);
  }
}
