import { GADM_SIZE_LABELS, gadmSizeClass, LARGE_GADM_MIN_POPULATION } from '@rueda/domain';
import type { MatchInput, MatchParticipant } from '@rueda/formats';
import { buildMatchIndex } from '@rueda/matching';
import { byGadm, type ReportData } from '@rueda/reporting';

const nothingElse = { demands: [], offers: [], meetings: [], outcomes: [], commitments: [] };

/** One GADM as matching and the fairness report each see it. */
function sizes(g: { id: string; inecCode: string; population?: number }): { matching: string; report: string } {
  const participant: MatchParticipant = { id: g.id, kind: 'gadm', inecCode: g.inecCode, population: g.population };
  const input: MatchInput = { format: 'rueda.match-input/1', participants: [participant], demands: [], offers: [] };
  const matching = buildMatchIndex(input, {}).isSmallGadm(participant) ? 'small' : 'large';
  const data: ReportData = {
    event: { name: 'Jornada', timeZone: 'America/Guayaquil' },
    participants: [{ id: g.id, kind: 'gadm', name: 'GADM', externalId: g.inecCode, population: g.population }],
    ...nothingElse,
  };
  const report = byGadm(data).gadms.find((r) => r.participantId === g.id)!.size;
  return { matching, report };
}

describe('GADM size: one rule for matching and the fairness report', () => {
  it('classes a 70,000-person canton as large for both (matching said large, the report small)', () => {
    expect(sizes({ id: '0102', inecCode: '0102', population: 70_000 })).toEqual({ matching: 'large', report: 'large' });
  });

  it('puts the threshold itself in the large class, one below it in the small one, for both', () => {
    expect(sizes({ id: '0103', inecCode: '0103', population: LARGE_GADM_MIN_POPULATION })).toEqual({ matching: 'large', report: 'large' });
    expect(sizes({ id: '0103', inecCode: '0103', population: LARGE_GADM_MIN_POPULATION - 1 })).toEqual({
      matching: 'small',
      report: 'small',
    });
  });

  it('without a population, a provincial capital is large for both, even under an event’s database id', () => {
    const cuenca = { id: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f', inecCode: '0101' };
    expect(sizes(cuenca)).toEqual({ matching: 'large', report: 'large' });
    expect(sizes({ ...cuenca, inecCode: '0104' })).toEqual({ matching: 'small', report: 'small' });
    expect(gadmSizeClass({ inecCode: '101' })).toBe('large');
  });

  it('names the classes with their threshold, Spanish first, es-EC numbers', () => {
    expect(GADM_SIZE_LABELS.small).toEqual({ es: 'pequeños (< 50.000 hab.)', en: 'small (< 50,000 inhabitants)' });
    expect(GADM_SIZE_LABELS.large).toEqual({ es: 'grandes (≥ 50.000 hab.)', en: 'large (≥ 50,000 inhabitants)' });
    const report = byGadm({ event: { name: 'J', timeZone: 'America/Guayaquil' }, participants: [], ...nothingElse });
    expect(report.tables.bySize.rows.map((r) => r.size)).toEqual([
      'grandes (≥ 50.000 hab.) / large (≥ 50,000 inhabitants)',
      'pequeños (< 50.000 hab.) / small (< 50,000 inhabitants)',
    ]);
  });
});
