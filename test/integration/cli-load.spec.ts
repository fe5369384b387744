import { generateDemoJornada } from '@rueda/demo';
import type { DomainError } from '@rueda/domain';
import { refusalText } from '../../apps/cli/src/command';
import seed from '../../apps/cli/src/commands/seed';
import { loadRecords } from '../../apps/cli/src/load';
import { refusal } from '../support/refusals';
import { startUseCases, type UseCaseEnv } from '../support/use-cases';

// The reference cooperants as the seed reads them, one of them with a cooperation type that does not exist.
const mockBadTipo = { on: false };
jest.mock('@rueda/domain', () => {
  const actual = jest.requireActual('@rueda/domain');
  return {
    ...actual,
    loadCooperants: () => {
      const all = actual.loadCooperants();
      return mockBadTipo.on ? all.map((c: { acronym: string }, i: number) => (i === 1 ? { ...c, tipo: 'NO-EXISTE' } : c)) : all;
    },
  };
});

/**
 * The command line loads data (`seed reference`, `demo`) through the API's use cases: event
 * creation and the import, in one transaction. A bad record is refused with the import's report
 * (row, column, Spanish and English) and nothing is written, not even the event. Before, both
 * commands wrote the records straight to their tables: a cooperant of an unknown type went in.
 */
describe('the command line loads data through the use cases', () => {
  let env: UseCaseEnv;
  const count = async (table: string) => (await env.q(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
  });
  afterAll(async () => {
    mockBadTipo.on = false;
    await env?.close();
  });

  it('seed reference: a bad reference row is refused with its row and column, and nothing is written', async () => {
    const { url } = env.db.options as { url: string };
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    mockBadTipo.on = true;
    try {
      const e = await refusal(seed.run(['reference', '--name', 'Jornada de referencia']));
      expect(e).toMatchObject({ kind: 'unprocessable', code: 'import_rejected' });
      const text = refusalText(e);
      expect(text).toContain('El archivo tiene 1 error; no se escribió nada');
      // The second cooperant is row 224 of the sheet (the header on row 1, then the 221 GADMs and the first cooperant).
      expect(text).toContain('  participants, fila / row 224, tipo: Código desconocido «NO-EXISTE» en «tipo»');
    } finally {
      mockBadTipo.on = false;
      process.env.DATABASE_URL = saved;
    }
    expect(await count('events')).toBe(0);
    expect(await count('participants')).toBe(0);
  });

  it('demo: a bad delegate refuses the whole Jornada; the good one loads whole, twice without duplicates', async () => {
    const demo = generateDemoJornada({ seed: 2026 });
    const target = { create: { name: 'Jornada demo' } };
    const bad = { ...demo, delegates: demo.delegates.map((d, i) => (i === 3 ? { ...d, email: 'no-es-un-correo' } : d)) };
    const e: DomainError = await refusal(loadRecords(env.useCases, target, bad, 'demo'));
    expect(e).toMatchObject({ code: 'import_rejected' });
    expect(refusalText(e)).toMatch(/delegates, fila \/ row 5, .*no-es-un-correo/);
    for (const t of ['events', 'participants', 'delegates', 'demands', 'offers']) expect(await count(t)).toBe(0);

    const loaded = await loadRecords(env.useCases, target, demo, 'demo');
    expect(loaded.reports.map((r) => [r.kind, r.insert, r.update])).toEqual([
      ['participants', demo.participants.length, 0],
      ['delegates', demo.delegates.length, 0],
      ['demands', demo.demands.length, 0],
      ['offers', demo.offers.length, 0],
    ]);
    const again = await loadRecords(env.useCases, { eventId: loaded.event.id }, demo, 'demo');
    expect(again.reports.map((r) => r.insert)).toEqual([0, 0, 0, 0]);
    expect(await count('participants')).toBe(demo.participants.length);
  });
});
