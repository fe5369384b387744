import { MigrationInterface, QueryRunner } from 'typeorm';

/** The last day personal links of an event work, when organisers set one (else 12 months after the event). */
export class ParticipantLinkExpiry1764305000000 implements MigrationInterface {
  name = 'ParticipantLinkExpiry1764305000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "events" ADD "participant_links_expire_on" date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "events" DROP COLUMN "participant_links_expire_on"`);
  }
}
