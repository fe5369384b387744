import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push subscriptions: one row per browser a participant opted in from (the push service's
 * endpoint and the browser's public key and auth secret, RFC 8291). Removed when the participant
 * opts out, when the push service says the subscription is gone (404/410) and with the participant.
 */
export class PushSubscriptions1764320000000 implements MigrationInterface {
  name = 'PushSubscriptions1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "push_subscriptions" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "event_id" uuid NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE,
      "participant_id" uuid NOT NULL REFERENCES "participants" ("id") ON DELETE CASCADE,
      "endpoint" character varying(1000) NOT NULL,
      "p256dh" character varying(100) NOT NULL,
      "auth" character varying(40) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_sent_at" TIMESTAMP WITH TIME ZONE
    )`);
    await q.query(`CREATE UNIQUE INDEX "uq_push_subscriptions_endpoint" ON "push_subscriptions" ("endpoint")`);
    await q.query(`CREATE INDEX "idx_push_subscriptions_participant" ON "push_subscriptions" ("participant_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "push_subscriptions"`);
  }
}
