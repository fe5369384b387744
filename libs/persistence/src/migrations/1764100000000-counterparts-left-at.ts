import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live day: when a participant left. Recommendations per participant: its best counterparts of each matching run. Also: only
 * changes to what matching reads bump the data version (not, say, a new access link).
 */
export class MatchCounterparts1764100000000 implements MigrationInterface {
  name = 'MatchCounterparts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "match_counterparts" (
      "run_id" uuid NOT NULL REFERENCES "match_runs"("id") ON DELETE CASCADE,
      "participant_id" uuid NOT NULL REFERENCES "participants"("id") ON DELETE CASCADE,
      "counterpart_id" uuid NOT NULL REFERENCES "participants"("id") ON DELETE CASCADE,
      "rank" integer NOT NULL,
      "score" real NOT NULL,
      "promoted" boolean NOT NULL DEFAULT false,
      "pairs" jsonb NOT NULL DEFAULT '[]',
      CONSTRAINT "pk_match_counterparts" PRIMARY KEY ("run_id", "participant_id", "counterpart_id"))`);
    await q.query(`ALTER TABLE "participants" ADD "left_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`DROP TRIGGER "trg_participants_data_version" ON "participants"`);
    await q.query(`CREATE TRIGGER "trg_participants_data_version"
      AFTER INSERT OR DELETE OR UPDATE OF "kind", "name", "inec_code", "province", "province_code", "region", "tipo" ON "participants"
      FOR EACH ROW EXECUTE FUNCTION "bump_event_data_version"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "trg_participants_data_version" ON "participants"`);
    await q.query(
      `CREATE TRIGGER "trg_participants_data_version" AFTER INSERT OR UPDATE OR DELETE ON "participants" FOR EACH ROW EXECUTE FUNCTION "bump_event_data_version"()`,
    );
    await q.query(`DROP TABLE "match_counterparts"`);
    await q.query(`ALTER TABLE "participants" DROP COLUMN "left_at"`);
  }
}
