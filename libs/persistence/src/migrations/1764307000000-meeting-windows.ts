import { MigrationInterface, QueryRunner } from 'typeorm';

/** A meeting's window (morning only, day 2 only): the slots it may be scheduled in; NULL = any. */
export class MeetingWindows1764307000000 implements MigrationInterface {
  name = 'MeetingWindows1764307000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meetings" ADD COLUMN "allowed_slot_ids" uuid[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meetings" DROP COLUMN "allowed_slot_ids"`);
  }
}
