import { RECORD_USE_CASES } from '@rueda/application';
import { ADMIN, seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';
import { refusal } from '../support/refusals';

const { participants, demands, offers } = RECORD_USE_CASES;

/** The record use cases against the real PostgreSQL: the rules organisers' edits of the event's data go through. */
describe('record use cases on PostgreSQL', () => {
  let env: UseCaseEnv;
  beforeAll(async () => {
    env = await startUseCases('2026-11-01T12:00:00Z');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a GADM takes its canton, province and region from the INEC reference, whatever the body says', async () => {
    const day = await seedDay(env);
    const created = await env.useCases.execute(participants.create, ADMIN, {
      eventId: day.eventId,
      externalId: '0101',
      kind: 'gadm',
      name: 'GAD Cuenca',
      province: 'Guayas',
    });
    expect(created).toMatchObject({
      eventId: day.eventId,
      inecCode: '0101',
      canton: 'Cuenca',
      province: 'Azuay',
      provinceCode: '01',
      region: 'Sierra',
      version: 1,
    });
    const [row] = await env.q(`SELECT province, region FROM participants WHERE id = $1`, [created.id]);
    expect(row).toEqual({ province: 'Azuay', region: 'Sierra' });
  });

  it('a demand may only belong to a participant of the same event, and nothing is written otherwise', async () => {
    const [day, other] = [await seedDay(env), await seedDay(env)];
    const foreign = await other.participant('0102', 'gadm');
    const e = await refusal(
      env.useCases.execute(demands.create, ADMIN, {
        eventId: day.eventId,
        participantId: foreign,
        externalId: 'D-1',
        title: 'Agua potable',
      }),
    );
    expect(e.kind).toBe('invalid');
    expect(e.fields).toEqual([
      {
        path: 'participantId',
        es: `participante desconocido en este evento: ${foreign}`,
        en: `unknown participant in this event: ${foreign}`,
      },
    ]);
    expect(await env.q(`SELECT count(*)::int AS n FROM demands WHERE event_id = $1`, [day.eventId])).toEqual([{ n: 0 }]);
  });

  it('an update carries the version read: a stale one is refused with the current row and changes nothing', async () => {
    const day = await seedDay(env);
    const owner = await day.participant('JICA', 'cooperant');
    const offer = await env.useCases.execute(offers.create, ADMIN, {
      eventId: day.eventId,
      participantId: owner,
      externalId: 'O-1',
      title: 'Becas',
    });
    const updated = await env.useCases.execute(offers.update, ADMIN, {
      eventId: day.eventId,
      id: offer.id,
      version: 1,
      title: 'Becas de posgrado',
    });
    expect(updated).toMatchObject({ title: 'Becas de posgrado', version: 2 });
    const e = await refusal(env.useCases.execute(offers.update, ADMIN, { eventId: day.eventId, id: offer.id, version: 1, title: 'Otra' }));
    expect(e.kind).toBe('conflict');
    expect(e.details?.current).toMatchObject({ title: 'Becas de posgrado', version: 2 });
    // The amounts rule holds on updates too, naming the field.
    const amounts = await refusal(
      env.useCases.execute(offers.update, ADMIN, { eventId: day.eventId, id: offer.id, version: 2, minAmountUsd: 10, maxAmountUsd: 5 }),
    );
    expect(amounts.fields?.map((f) => f.path)).toEqual(['maxAmountUsd']);
    expect(await env.q(`SELECT title, version FROM offers WHERE id = $1`, [offer.id])).toEqual([
      { title: 'Becas de posgrado', version: 2 },
    ]);
  });

  it('an update is checked on the record it makes: one amount past the stored other is a 400 naming maxAmountUsd, nothing written', async () => {
    const day = await seedDay(env);
    const owner = await day.participant('JICA', 'cooperant');
    const offer = await env.useCases.execute(offers.create, ADMIN, {
      eventId: day.eventId,
      participantId: owner,
      externalId: 'O-1',
      title: 'Becas',
      minAmountUsd: 10,
      maxAmountUsd: 20,
    });
    const reversed = { es: 'debe ser ≥ minAmountUsd', en: 'must be ≥ minAmountUsd' };
    // Only the minimum, above the stored maximum (it was the database's 422 naming no field).
    const min = await refusal(
      env.useCases.execute(offers.update, ADMIN, { eventId: day.eventId, id: offer.id, version: 1, minAmountUsd: 30 }),
    );
    expect(min).toMatchObject({ kind: 'invalid', fields: [{ path: 'maxAmountUsd', ...reversed }] });
    // Only the maximum, below the stored minimum.
    const max = await refusal(
      env.useCases.execute(offers.update, ADMIN, { eventId: day.eventId, id: offer.id, version: 1, maxAmountUsd: 5 }),
    );
    expect(max).toMatchObject({ kind: 'invalid', fields: [{ path: 'maxAmountUsd', ...reversed }] });
    expect(
      await env.q(`SELECT min_amount_usd::float AS min, max_amount_usd::float AS max, version FROM offers WHERE id = $1`, [offer.id]),
    ).toEqual([{ min: 10, max: 20, version: 1 }]);
    // Clearing the maximum lifts the rule; both sent in order are taken.
    await env.useCases.execute(offers.update, ADMIN, {
      eventId: day.eventId,
      id: offer.id,
      version: 1,
      minAmountUsd: 30,
      maxAmountUsd: null,
    });
    expect(
      await env.useCases.execute(offers.update, ADMIN, {
        eventId: day.eventId,
        id: offer.id,
        version: 2,
        minAmountUsd: 1,
        maxAmountUsd: 2,
      }),
    ).toMatchObject({ minAmountUsd: 1, maxAmountUsd: 2, version: 3 });
  });

  it("a demand is a GADM's and an offer a cooperant's, on create, on update, and when the owner changes kind", async () => {
    const day = await seedDay(env);
    const gadm = await day.participant('0101', 'gadm');
    const coop = await day.participant('JICA', 'cooperant');
    const ev = { eventId: day.eventId };
    // The same words as the import's.
    const cooperantDemand = await refusal(
      env.useCases.execute(demands.create, ADMIN, { ...ev, participantId: coop, externalId: 'D-1', title: 'Agua' }),
    );
    expect(cooperantDemand).toMatchObject({
      kind: 'invalid',
      fields: [
        { path: 'participantId', es: 'las demandas pertenecen a GADM, no a cooperantes', en: 'demands belong to GADMs, not to cooperants' },
      ],
    });
    const offer = await env.useCases.execute(offers.create, ADMIN, { ...ev, participantId: coop, externalId: 'O-1', title: 'Becas' });
    const moved = await refusal(env.useCases.execute(offers.update, ADMIN, { ...ev, id: offer.id, version: 1, participantId: gadm }));
    expect(moved).toMatchObject({ kind: 'invalid', fields: [{ path: 'participantId', en: 'offers belong to cooperants, not to GADMs' }] });
    // The owner may not change kind under its offers.
    const [stored] = await env.q(`SELECT version FROM participants WHERE id = $1`, [coop]);
    const turned = await refusal(
      env.useCases.execute(participants.update, ADMIN, { ...ev, id: coop, version: stored.version, kind: 'gadm', externalId: '0102' }),
    );
    expect(turned).toMatchObject({
      kind: 'invalid',
      fields: [{ path: 'kind', en: 'it has 1 offer(s): a GADM has none; delete them first' }],
    });
    expect(await env.q(`SELECT kind FROM participants WHERE id = $1`, [coop])).toEqual([{ kind: 'cooperant' }]);
    expect(await env.q(`SELECT participant_id AS "participantId" FROM offers WHERE event_id = $1`, [day.eventId])).toEqual([
      { participantId: coop },
    ]);
    expect(await env.q(`SELECT count(*)::int AS n FROM demands WHERE event_id = $1`, [day.eventId])).toEqual([{ n: 0 }]);
  });

  it('only admins change records; staff read them', async () => {
    const day = await seedDay(env);
    const e = await refusal(
      env.useCases.execute(participants.create, STAFF, { eventId: day.eventId, externalId: 'X', kind: 'cooperant', name: 'X' }),
    );
    expect(e.kind).toBe('forbidden');
  });

  it('deleting an unknown record, or one of another event, is not_found and deletes nothing', async () => {
    const [day, other] = [await seedDay(env), await seedDay(env)];
    const owner = await other.participant('GIZ', 'cooperant');
    const e = await refusal(env.useCases.execute(participants.remove, ADMIN, { eventId: day.eventId, id: owner }));
    expect(e.kind).toBe('not_found');
    expect(await env.q(`SELECT count(*)::int AS n FROM participants WHERE id = $1`, [owner])).toEqual([{ n: 1 }]);
  });
});
