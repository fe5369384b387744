import { RECORD_USE_CASES } from '@rueda/application';
import { translateDbError } from '@rueda/persistence';
import { refusal } from '../support/refusals';
import { ADMIN, seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * A participant has one fixed table: the table use cases refuse reserving a second one for it
 * (409 naming reservedForParticipantId, in Spanish and English), and the database's unique index
 * refuses it too (two reservations at once, or a writer that skips the use case), with the same answer.
 */
describe('one reserved table per participant', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('refuses a second table for the same participant, by create and by update', async () => {
    const day = await seedDay(env, { tables: 3 });
    const jica = await day.participant('JICA', 'cooperant');
    const { create, update } = RECORD_USE_CASES.tables;
    await env.useCases.execute(update, ADMIN, { eventId: day.eventId, id: day.tables[0], version: 1, reservedForParticipantId: jica });

    const created = await refusal(env.useCases.execute(create, ADMIN, { eventId: day.eventId, number: 9, reservedForParticipantId: jica }));
    expect(created).toMatchObject({ kind: 'conflict', code: 'table_already_reserved' });
    expect(created.fields).toEqual([
      {
        path: 'reservedForParticipantId',
        es: 'el participante ya tiene reservada la mesa 1; un participante tiene una sola mesa fija',
        en: 'the participant already has table 1 reserved; a participant has one fixed table',
      },
    ]);
    const updated = await refusal(
      env.useCases.execute(update, ADMIN, { eventId: day.eventId, id: day.tables[1], version: 1, reservedForParticipantId: jica }),
    );
    expect(updated).toMatchObject({ kind: 'conflict', code: 'table_already_reserved' });
    // Saving the table that holds it again is no second reservation.
    await env.useCases.execute(update, ADMIN, { eventId: day.eventId, id: day.tables[0], version: 2, label: 'JICA' });
    const rows = await env.q(`SELECT number FROM tables WHERE reserved_for_participant_id = $1`, [jica]);
    expect(rows).toEqual([{ number: 1 }]);
  });

  it('the database refuses it too, with the same answer naming the field', async () => {
    const day = await seedDay(env, { tables: 2 });
    const giz = await day.participant('GIZ', 'cooperant');
    await env.q(`UPDATE tables SET reserved_for_participant_id = $1 WHERE id = $2`, [giz, day.tables[0]]);
    const e = await env.q(`UPDATE tables SET reserved_for_participant_id = $1 WHERE id = $2`, [giz, day.tables[1]]).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(translateDbError(e)).toMatchObject({
      kind: 'conflict',
      code: 'table_already_reserved',
      fields: [expect.objectContaining({ path: 'reservedForParticipantId' })],
    });
  });

  it('the migration keeps the lowest-numbered table of a participant that had several', async () => {
    const day = await seedDay(env, { tables: 3 });
    const aecid = await day.participant('AECID', 'cooperant');
    // Back to just before the rule's migration (later ones undone first), then forward again.
    for (let undone = ''; undone !== 'OneReservedTable1764440000000';) {
      [{ name: undone }] = await env.q(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
      await env.db.undoLastMigration();
    }
    try {
      await env.q(`UPDATE tables SET reserved_for_participant_id = $1 WHERE id = ANY($2::uuid[])`, [aecid, day.tables.slice(1)]);
    } finally {
      await env.db.runMigrations();
    }
    const rows = await env.q(`SELECT number FROM tables WHERE reserved_for_participant_id = $1`, [aecid]);
    expect(rows).toEqual([{ number: 2 }]);
  });
});
