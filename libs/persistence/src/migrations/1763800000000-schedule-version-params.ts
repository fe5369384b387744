import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schedule versions remember how they were generated, their fairness figures and why a job failed. */
export class ScheduleVersionParams1763800000000 implements MigrationInterface {
  name = 'ScheduleVersionParams1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "schedule_versions" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "schedule_versions" ADD "fairness" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "schedule_versions" ADD "error" character varying(1000)`);
    await q.query(
      `ALTER TABLE "schedule_versions" ADD CONSTRAINT "chk_schedule_versions_status" CHECK ("status" IN ('generating','draft','published','superseded','failed'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "schedule_versions" DROP CONSTRAINT "chk_schedule_versions_status"`);
    await q.query(`ALTER TABLE "schedule_versions" DROP COLUMN "error"`);
    await q.query(`ALTER TABLE "schedule_versions" DROP COLUMN "fairness"`);
    await q.query(`ALTER TABLE "schedule_versions" DROP COLUMN "params"`);
  }
}
