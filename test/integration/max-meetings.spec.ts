import { RECORD_USE_CASES, type Principal, UpdateMyProfile } from '@rueda/application';
import { refusedFields } from '../support/refusals';
import { ADMIN, seedDay, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * maxMeetings may not go below the meetings a participant already has on the day (scheduled,
 * checked in, held): the organisers' edit and the participant's own link are refused alike,
 * with the field named and the count stated, in Spanish and English.
 */
describe('maxMeetings below the meetings a participant already has', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('is refused naming the field and the count; the participant is left as it was', async () => {
    const day = await seedDay(env);
    const [gadm, a, b, c] = await Promise.all([
      day.participant('0101', 'gadm'),
      day.participant('JICA', 'cooperant'),
      day.participant('GIZ', 'cooperant'),
      day.participant('AECID', 'cooperant'),
    ]);
    await day.meeting(gadm, a, 'scheduled', { slot: 0, table: 0 });
    await day.meeting(gadm, b, 'held', { slot: 1, table: 0 });
    // Asked for, not on the day: it does not count.
    await day.meeting(gadm, c, 'requested');
    const update = RECORD_USE_CASES.participants.update;
    const fields = await refusedFields(env.useCases.execute(update, ADMIN, { eventId: day.eventId, id: gadm, version: 1, maxMeetings: 1 }));
    expect(fields).toEqual([
      {
        path: 'maxMeetings',
        es: 'el participante ya tiene 2 reuniones agendadas o realizadas; maxMeetings no puede ser menor que 2',
        en: 'the participant already has 2 scheduled or held meetings; maxMeetings cannot be lower than 2',
      },
    ]);
    const own: Principal = { type: 'participant', participantId: gadm, eventId: day.eventId };
    const mine = await refusedFields(
      env.useCases.execute(UpdateMyProfile, own, { eventId: day.eventId, participantId: gadm, version: 1, maxMeetings: 0 }),
    );
    expect(mine).toEqual([expect.objectContaining({ path: 'maxMeetings', es: expect.stringContaining('ya tiene 2 reuniones') })]);
    const [row] = await env.q(`SELECT max_meetings AS max, version FROM participants WHERE id = $1`, [gadm]);
    expect(row).toEqual({ max: null, version: 1 });

    // Down to exactly the meetings it has, or up, is fine.
    const saved = await env.useCases.execute(update, ADMIN, { eventId: day.eventId, id: gadm, version: 1, maxMeetings: 2 });
    expect(saved).toMatchObject({ maxMeetings: 2, version: 2 });
  });
});
