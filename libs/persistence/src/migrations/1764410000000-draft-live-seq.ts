import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A schedule version records the event's live sequence when it was asked for: publishing it
 * after later live changes (walk-ins, moves, marks) is refused unless the organiser rebases.
 * Versions made before this have none (nothing to compare with: they publish as before).
 */
export class DraftLiveSeq1764410000000 implements MigrationInterface {
  name = 'DraftLiveSeq1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "schedule_versions" ADD "live_seq" bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "schedule_versions" DROP COLUMN "live_seq"`);
  }
}
