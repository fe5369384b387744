import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Su reunión empieza en 5 minutos": one row per participant, meeting and start time the phone
 * was reminded of. The row is the claim (its primary key), so however many workers sweep, each
 * reminder goes once; a meeting moved or delayed to a new time gets a new row, and a new reminder.
 */
export class PushReminders1764430000000 implements MigrationInterface {
  name = 'PushReminders1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "push_reminders" (
      "meeting_id" uuid NOT NULL REFERENCES "meetings" ("id") ON DELETE CASCADE,
      "participant_id" uuid NOT NULL REFERENCES "participants" ("id") ON DELETE CASCADE,
      "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_push_reminders" PRIMARY KEY ("meeting_id", "participant_id", "starts_at")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "push_reminders"`);
  }
}
