import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day in every pocket: hybrid meetings (a remote participant or meeting with a video-call
 * link), the per-participant calendar feed (a revocable token) and what calendars need to
 * follow changes — a per-meeting SEQUENCE that rises whenever the meeting's time, place,
 * status or link changes, and the last cell it had, so a meeting taken off the agenda is still
 * sent as cancelled at the time the calendar knows.
 */
export class CalendarHybrid1764317000000 implements MigrationInterface {
  name = 'CalendarHybrid1764317000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "participants" ADD "remote" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "participants" ADD "video_url" character varying(500)`);
    await q.query(`ALTER TABLE "participants" ADD "calendar_token_hash" character varying(64)`);
    await q.query(`ALTER TABLE "participants" ADD "calendar_token_issued_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE UNIQUE INDEX "uq_participants_calendar_token" ON "participants" ("calendar_token_hash")`);
    await q.query(`ALTER TABLE "meetings" ADD "video_url" character varying(500)`);
    await q.query(`ALTER TABLE "meetings" ADD "calendar_seq" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "meetings" ADD "last_slot_id" uuid`);
    await q.query(`ALTER TABLE "meetings" ADD "last_table_id" uuid`);
    await q.query(`UPDATE "meetings" SET "last_slot_id" = "slot_id", "last_table_id" = "table_id" WHERE "slot_id" IS NOT NULL`);
    // Every change a calendar shows raises the meeting's SEQUENCE (RFC 5545 §3.8.7.4), whoever makes it.
    await q.query(`CREATE FUNCTION "meetings_calendar_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.slot_id IS NOT NULL THEN
          NEW.last_slot_id := NEW.slot_id;
          NEW.last_table_id := NEW.table_id;
        END IF;
        IF TG_OP = 'UPDATE' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.slot_id IS DISTINCT FROM OLD.slot_id
            OR NEW.table_id IS DISTINCT FROM OLD.table_id OR NEW.video_url IS DISTINCT FROM OLD.video_url) THEN
          NEW.calendar_seq := OLD.calendar_seq + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER "trg_meetings_calendar_seq" BEFORE INSERT OR UPDATE ON "meetings" FOR EACH ROW EXECUTE FUNCTION "meetings_calendar_seq"()`,
    );
    // A delay moves the slot, not the meeting: its meetings' calendars must still update.
    await q.query(`CREATE FUNCTION "slots_calendar_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "meetings" SET "calendar_seq" = "calendar_seq" + 1 WHERE "slot_id" = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "trg_slots_calendar_seq" AFTER UPDATE OF "starts_at", "ends_at" ON "slots" FOR EACH ROW
      WHEN (NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at)
      EXECUTE FUNCTION "slots_calendar_seq"()`);
    // A participant becoming remote (or changing its link) changes the link of its meetings.
    await q.query(`CREATE FUNCTION "participants_calendar_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "meetings" SET "calendar_seq" = "calendar_seq" + 1 WHERE NEW.id IN ("participant_a_id", "participant_b_id");
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "trg_participants_calendar_seq" AFTER UPDATE OF "remote", "video_url", "name" ON "participants" FOR EACH ROW
      WHEN (NEW.remote IS DISTINCT FROM OLD.remote OR NEW.video_url IS DISTINCT FROM OLD.video_url OR NEW.name IS DISTINCT FROM OLD.name)
      EXECUTE FUNCTION "participants_calendar_seq"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "trg_participants_calendar_seq" ON "participants"`);
    await q.query(`DROP FUNCTION "participants_calendar_seq"()`);
    await q.query(`DROP TRIGGER "trg_slots_calendar_seq" ON "slots"`);
    await q.query(`DROP FUNCTION "slots_calendar_seq"()`);
    await q.query(`DROP TRIGGER "trg_meetings_calendar_seq" ON "meetings"`);
    await q.query(`DROP FUNCTION "meetings_calendar_seq"()`);
    for (const c of ['last_table_id', 'last_slot_id', 'calendar_seq', 'video_url'])
      await q.query(`ALTER TABLE "meetings" DROP COLUMN "${c}"`);
    await q.query(`DROP INDEX "uq_participants_calendar_token"`);
    for (const c of ['calendar_token_issued_at', 'calendar_token_hash', 'video_url', 'remote'])
      await q.query(`ALTER TABLE "participants" DROP COLUMN "${c}"`);
  }
}
