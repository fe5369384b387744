import { MigrationInterface, QueryRunner } from 'typeorm';

/** A version on tables, so edits are optimistic like every other record's (409 on a stale one). */
export class TableVersion1764306000000 implements MigrationInterface {
  name = 'TableVersion1764306000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tables" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tables" DROP COLUMN "version"`);
  }
}
