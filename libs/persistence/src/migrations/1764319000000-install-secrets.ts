import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets each installation makes for itself on first use and keeps (never in the repository,
 * never logged): the key that signs check-in QR codes and the VAPID key pair of Web Push.
 * Kept in the database so every API node and the worker share them.
 */
export class InstallSecrets1764319000000 implements MigrationInterface {
  name = 'InstallSecrets1764319000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "install_secrets" (
      "name" character varying(64) PRIMARY KEY,
      "value" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "install_secrets"`);
  }
}
