import { MigrationInterface, QueryRunner } from 'typeorm';

/** The event data model of issue #2. Generated from the entities, then extended by hand. */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "label" character varying(120) NOT NULL DEFAULT '', "day" date NOT NULL, "start_time" character varying(5) NOT NULL, "end_time" character varying(5) NOT NULL, "slot_minutes" integer NOT NULL, "gap_minutes" integer NOT NULL DEFAULT '0', "breaks" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_dbe18de390df26f2dffc4ef3356" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe815243ba721a5f9137c27c06" ON "event_sessions"  ("event_id", "day", "start_time") `);
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "venue" character varying(300) NOT NULL DEFAULT '', "time_zone" character varying(64) NOT NULL DEFAULT 'America/Guayaquil', "description" character varying(2000) NOT NULL DEFAULT '', "settings" jsonb NOT NULL DEFAULT '{}', "data_version" integer NOT NULL DEFAULT '1', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "session_id" uuid, "code" character varying(16) NOT NULL, "ordinal" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8b553bb1941663b63fd38405e42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b26ca56eea247449baa680438e" ON "slots"  ("event_id", "ordinal") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b6aff6999f7457541f1991cda1" ON "slots"  ("event_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "tables" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "number" integer NOT NULL, "label" character varying(120) NOT NULL DEFAULT '', "reserved_for_participant_id" uuid, CONSTRAINT "PK_7cf2aca7af9550742f855d4eb69" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_216102d854b882c30e22a4f8e5" ON "tables"  ("event_id", "number") `);
    await queryRunner.query(
      `CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "external_id" character varying(40) NOT NULL, "kind" character varying(12) NOT NULL, "name" character varying(300) NOT NULL, "inec_code" character varying(6), "canton" character varying(120), "province" character varying(120), "province_code" character varying(2), "region" character varying(20), "acronym" character varying(40), "tipo" character varying(40), "origin" character varying(120), "email" character varying(200), "phone" character varying(60), "parallel" integer, "max_meetings" integer, "access_token_hash" character varying(64), "access_token_issued_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a993eb1d68638be3066d88f9ba" ON "participants"  ("event_id", "kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ea03424508096215a56259b9bd" ON "participants"  ("event_id", "external_id") `);
    await queryRunner.query(
      `CREATE TABLE "delegates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "external_id" character varying(60) NOT NULL, "full_name" character varying(200) NOT NULL, "role" character varying(200), "email" character varying(200), "phone" character varying(60), "checked_in_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "PK_082736acecbc28020d855c5aa07" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d6d3682cbf961b7cb5bd585474" ON "delegates"  ("event_id", "external_id") `);
    await queryRunner.query(
      `CREATE TABLE "unavailability" ("participant_id" uuid NOT NULL, "slot_id" uuid NOT NULL, CONSTRAINT "PK_019227b3634fdb5c709698c5e5c" PRIMARY KEY ("participant_id", "slot_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "demands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "external_id" character varying(80) NOT NULL, "title" character varying(400) NOT NULL, "description" text NOT NULL DEFAULT '', "sectors" text array NOT NULL DEFAULT '{}', "competencias" text array NOT NULL DEFAULT '{}', "ods" integer array NOT NULL DEFAULT '{}', "modalidades" text array NOT NULL DEFAULT '{}', "amount_usd" numeric(16,2), "deadline" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d63565b0747a0cfc73e319bfc03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6173add8b481c16f68c61c7f4a" ON "demands"  ("event_id", "external_id") `);
    await queryRunner.query(
      `CREATE TABLE "offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "external_id" character varying(80) NOT NULL, "title" character varying(400) NOT NULL, "description" text NOT NULL DEFAULT '', "sectors" text array NOT NULL DEFAULT '{}', "ods" integer array NOT NULL DEFAULT '{}', "modalidades" text array NOT NULL DEFAULT '{}', "regions" text array NOT NULL DEFAULT '{}', "provinces" text array NOT NULL DEFAULT '{}', "min_amount_usd" numeric(16,2), "max_amount_usd" numeric(16,2), "valid_until" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d4233d4e0529678425d42c89cd" ON "offers"  ("event_id", "external_id") `);
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_a_id" uuid NOT NULL, "participant_b_id" uuid NOT NULL, "demand_id" uuid, "offer_id" uuid, "origin" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "weight" real NOT NULL DEFAULT '1', "mandatory" boolean NOT NULL DEFAULT false, "note" character varying(1000) NOT NULL DEFAULT '', "expires_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, "slot_id" uuid, "table_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_254d5b378f4523c3cb31b1ea9c" CHECK ("status" IN ('requested','accepted','declined','expired','scheduled','checked_in','held','no_show','cancelled')), CONSTRAINT "CHK_96e7b4eda8d69830185184ec45" CHECK ("participant_a_id" <> "participant_b_id"), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_22260215e1d7407b5740b8c83b" ON "meetings"  ("participant_b_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e13845f407ab9d6113e7ab8ab5" ON "meetings"  ("participant_a_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4a2bbc195dc713b78458e5d18f" ON "meetings"  ("event_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "schedule_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "number" integer NOT NULL, "status" character varying(12) NOT NULL, "stats" jsonb NOT NULL DEFAULT '{}', "bounds" jsonb NOT NULL DEFAULT '{}', "unscheduled" jsonb NOT NULL DEFAULT '[]', "job_id" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a4cc5e89e78179a0274971391f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_schedule_versions_published" ON "schedule_versions"  ("event_id") WHERE "status" = 'published'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fea8486388f46da31e703de582" ON "schedule_versions"  ("event_id", "number") `);
    await queryRunner.query(
      `CREATE TABLE "schedule_assignments" ("schedule_version_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "slot_id" uuid NOT NULL, "table_id" uuid NOT NULL, CONSTRAINT "PK_efb05594a3eb050b00829a09319" PRIMARY KEY ("schedule_version_id", "meeting_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_493f5a7c8882cd733638a17b43" ON "schedule_assignments"  ("schedule_version_id", "slot_id", "table_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "match_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "data_version" integer NOT NULL, "status" character varying(12) NOT NULL, "progress" real NOT NULL DEFAULT '0', "stats" jsonb NOT NULL DEFAULT '{}', "error" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1e9ec070b43e5b98acfb9f1979d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a1dc7f407504f5b33b42cfc9bd" ON "match_runs"  ("event_id", "data_version") `);
    await queryRunner.query(
      `CREATE TABLE "match_results" ("run_id" uuid NOT NULL, "demand_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "rank" integer NOT NULL, "score" real NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_9a8ccda4ae67557dd96145d4fcc" PRIMARY KEY ("run_id", "demand_id", "offer_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8165cba335d265d280cc12e6ae" ON "match_results"  ("run_id", "offer_id") `);
    await queryRunner.query(
      `CREATE TABLE "pair_overrides" ("demand_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "event_id" uuid NOT NULL, "mode" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f0a4b1cedb52202f3e12b88d07e" PRIMARY KEY ("demand_id", "offer_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(200) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(8) NOT NULL, "password_hash" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fc7c8b01bebb6839399c494d68" ON "auth_sessions"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "import_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "filename" character varying(300) NOT NULL, "rows" integer NOT NULL, "inserted" integer NOT NULL, "updated" integer NOT NULL, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6162597a2576c03e04bb2c1a2dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_sessions" ADD CONSTRAINT "FK_58ce48ffbbdb12454db743d6cb0" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "slots" ADD CONSTRAINT "FK_97cc7ec020cedfcced1362f149b" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tables" ADD CONSTRAINT "FK_89741d7b20a5d98ed77e06c2837" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "FK_1f663d2c0e63c2b9794b6b12802" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegates" ADD CONSTRAINT "FK_4818aa021c36c2c7042d3396624" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unavailability" ADD CONSTRAINT "FK_44221bc2b4283f078d956d62327" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unavailability" ADD CONSTRAINT "FK_c557672c2bc97c7d75ed4b30e11" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "FK_5d9d6f3f80113f79ea2f15c2d89" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "FK_d687c9d0b6f6db501f2fcb9dc48" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_e13845f407ab9d6113e7ab8ab58" FOREIGN KEY ("participant_a_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_22260215e1d7407b5740b8c83bc" FOREIGN KEY ("participant_b_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_assignments" ADD CONSTRAINT "FK_640e3196e2e4e73ac0f99a9c614" FOREIGN KEY ("schedule_version_id") REFERENCES "schedule_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "slots" ADD CONSTRAINT "fk_slots_session" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "tables" ADD CONSTRAINT "fk_tables_reserved_for" FOREIGN KEY ("reserved_for_participant_id") REFERENCES "participants"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "chk_participants_kind" CHECK ("kind" IN ('gadm','cooperant'))`);
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "chk_participants_parallel" CHECK ("parallel" IS NULL OR "parallel" >= 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "chk_participants_max_meetings" CHECK ("max_meetings" IS NULL OR "max_meetings" >= 0)`,
    );
    await queryRunner.query(`ALTER TABLE "demands" ADD CONSTRAINT "chk_demands_amount" CHECK ("amount_usd" IS NULL OR "amount_usd" >= 0)`);
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "chk_offers_amounts" CHECK (("min_amount_usd" IS NULL OR "min_amount_usd" >= 0) AND ("max_amount_usd" IS NULL OR "max_amount_usd" >= 0) AND ("min_amount_usd" IS NULL OR "max_amount_usd" IS NULL OR "min_amount_usd" <= "max_amount_usd"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_demand" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_offer" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_slot" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_table" FOREIGN KEY ("table_id") REFERENCES "tables"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meetings_live_pair" ON "meetings" ("event_id", LEAST("participant_a_id", "participant_b_id"), GREATEST("participant_a_id", "participant_b_id")) WHERE "status" IN ('requested','accepted','scheduled','checked_in')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meetings_slot_table" ON "meetings" ("slot_id", "table_id") WHERE "slot_id" IS NOT NULL AND "table_id" IS NOT NULL AND "status" IN ('scheduled','checked_in','held')`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_assignments" ADD CONSTRAINT "fk_assignments_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_assignments" ADD CONSTRAINT "fk_assignments_slot" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_assignments" ADD CONSTRAINT "fk_assignments_table" FOREIGN KEY ("table_id") REFERENCES "tables"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_versions" ADD CONSTRAINT "fk_schedule_versions_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_runs" ADD CONSTRAINT "fk_match_runs_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_results" ADD CONSTRAINT "fk_match_results_run" FOREIGN KEY ("run_id") REFERENCES "match_runs"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_results" ADD CONSTRAINT "fk_match_results_demand" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_results" ADD CONSTRAINT "fk_match_results_offer" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "pair_overrides" ADD CONSTRAINT "fk_pair_overrides_demand" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "pair_overrides" ADD CONSTRAINT "fk_pair_overrides_offer" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`ALTER TABLE "pair_overrides" ADD CONSTRAINT "chk_pair_overrides_mode" CHECK ("mode" IN ('pin','block'))`);
    await queryRunner.query(
      `ALTER TABLE "delegates" ADD CONSTRAINT "fk_delegates_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "fk_demands_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "fk_offers_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_batches" ADD CONSTRAINT "fk_import_batches_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`CREATE FUNCTION "bump_event_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "events" SET "data_version" = "data_version" + 1
   WHERE "id" = COALESCE(NEW."event_id", OLD."event_id");
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_participants_data_version" AFTER INSERT OR UPDATE OR DELETE ON "participants" FOR EACH ROW EXECUTE FUNCTION "bump_event_data_version"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_demands_data_version" AFTER INSERT OR UPDATE OR DELETE ON "demands" FOR EACH ROW EXECUTE FUNCTION "bump_event_data_version"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_offers_data_version" AFTER INSERT OR UPDATE OR DELETE ON "offers" FOR EACH ROW EXECUTE FUNCTION "bump_event_data_version"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_pair_overrides_data_version" AFTER INSERT OR UPDATE OR DELETE ON "pair_overrides" FOR EACH ROW EXECUTE FUNCTION "bump_event_data_version"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_pair_overrides_data_version" ON "pair_overrides"`);
    await queryRunner.query(`DROP TRIGGER "trg_offers_data_version" ON "offers"`);
    await queryRunner.query(`DROP TRIGGER "trg_demands_data_version" ON "demands"`);
    await queryRunner.query(`DROP TRIGGER "trg_participants_data_version" ON "participants"`);
    await queryRunner.query(`DROP FUNCTION "bump_event_data_version"()`);
    await queryRunner.query(`ALTER TABLE "import_batches" DROP CONSTRAINT "fk_import_batches_event"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_event"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "fk_offers_event"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "fk_demands_event"`);
    await queryRunner.query(`ALTER TABLE "delegates" DROP CONSTRAINT "fk_delegates_event"`);
    await queryRunner.query(`ALTER TABLE "pair_overrides" DROP CONSTRAINT "chk_pair_overrides_mode"`);
    await queryRunner.query(`ALTER TABLE "pair_overrides" DROP CONSTRAINT "fk_pair_overrides_offer"`);
    await queryRunner.query(`ALTER TABLE "pair_overrides" DROP CONSTRAINT "fk_pair_overrides_demand"`);
    await queryRunner.query(`ALTER TABLE "match_results" DROP CONSTRAINT "fk_match_results_offer"`);
    await queryRunner.query(`ALTER TABLE "match_results" DROP CONSTRAINT "fk_match_results_demand"`);
    await queryRunner.query(`ALTER TABLE "match_results" DROP CONSTRAINT "fk_match_results_run"`);
    await queryRunner.query(`ALTER TABLE "match_runs" DROP CONSTRAINT "fk_match_runs_event"`);
    await queryRunner.query(`ALTER TABLE "schedule_versions" DROP CONSTRAINT "fk_schedule_versions_event"`);
    await queryRunner.query(`ALTER TABLE "schedule_assignments" DROP CONSTRAINT "fk_assignments_table"`);
    await queryRunner.query(`ALTER TABLE "schedule_assignments" DROP CONSTRAINT "fk_assignments_slot"`);
    await queryRunner.query(`ALTER TABLE "schedule_assignments" DROP CONSTRAINT "fk_assignments_meeting"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_table"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_slot"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_offer"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_demand"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "chk_offers_amounts"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "chk_demands_amount"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "chk_participants_max_meetings"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "chk_participants_parallel"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "chk_participants_kind"`);
    await queryRunner.query(`ALTER TABLE "tables" DROP CONSTRAINT "fk_tables_reserved_for"`);
    await queryRunner.query(`ALTER TABLE "slots" DROP CONSTRAINT "fk_slots_session"`);
    await queryRunner.query(`DROP INDEX "uq_meetings_slot_table"`);
    await queryRunner.query(`DROP INDEX "uq_meetings_live_pair"`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"`);
    await queryRunner.query(`ALTER TABLE "schedule_assignments" DROP CONSTRAINT "FK_640e3196e2e4e73ac0f99a9c614"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_22260215e1d7407b5740b8c83bc"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_e13845f407ab9d6113e7ab8ab58"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_d687c9d0b6f6db501f2fcb9dc48"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "FK_5d9d6f3f80113f79ea2f15c2d89"`);
    await queryRunner.query(`ALTER TABLE "unavailability" DROP CONSTRAINT "FK_c557672c2bc97c7d75ed4b30e11"`);
    await queryRunner.query(`ALTER TABLE "unavailability" DROP CONSTRAINT "FK_44221bc2b4283f078d956d62327"`);
    await queryRunner.query(`ALTER TABLE "delegates" DROP CONSTRAINT "FK_4818aa021c36c2c7042d3396624"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_1f663d2c0e63c2b9794b6b12802"`);
    await queryRunner.query(`ALTER TABLE "tables" DROP CONSTRAINT "FK_89741d7b20a5d98ed77e06c2837"`);
    await queryRunner.query(`ALTER TABLE "slots" DROP CONSTRAINT "FK_97cc7ec020cedfcced1362f149b"`);
    await queryRunner.query(`ALTER TABLE "event_sessions" DROP CONSTRAINT "FK_58ce48ffbbdb12454db743d6cb0"`);
    await queryRunner.query(`DROP TABLE "import_batches"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc7c8b01bebb6839399c494d68"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "pair_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8165cba335d265d280cc12e6ae"`);
    await queryRunner.query(`DROP TABLE "match_results"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a1dc7f407504f5b33b42cfc9bd"`);
    await queryRunner.query(`DROP TABLE "match_runs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_493f5a7c8882cd733638a17b43"`);
    await queryRunner.query(`DROP TABLE "schedule_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fea8486388f46da31e703de582"`);
    await queryRunner.query(`DROP INDEX "public"."uq_schedule_versions_published"`);
    await queryRunner.query(`DROP TABLE "schedule_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a2bbc195dc713b78458e5d18f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e13845f407ab9d6113e7ab8ab5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22260215e1d7407b5740b8c83b"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d4233d4e0529678425d42c89cd"`);
    await queryRunner.query(`DROP TABLE "offers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6173add8b481c16f68c61c7f4a"`);
    await queryRunner.query(`DROP TABLE "demands"`);
    await queryRunner.query(`DROP TABLE "unavailability"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6d3682cbf961b7cb5bd585474"`);
    await queryRunner.query(`DROP TABLE "delegates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea03424508096215a56259b9bd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a993eb1d68638be3066d88f9ba"`);
    await queryRunner.query(`DROP TABLE "participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_216102d854b882c30e22a4f8e5"`);
    await queryRunner.query(`DROP TABLE "tables"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b6aff6999f7457541f1991cda1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b26ca56eea247449baa680438e"`);
    await queryRunner.query(`DROP TABLE "slots"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fe815243ba721a5f9137c27c06"`);
    await queryRunner.query(`DROP TABLE "event_sessions"`);
  }
}
