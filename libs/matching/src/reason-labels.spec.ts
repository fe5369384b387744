import type { MatchInput } from '@rueda/formats';
import { buildMatchIndex } from './match-index';

// Issue 15: a person reads labels, not codes, and amounts in the es-EC format.
describe('reasons a person reads', () => {
  const input: MatchInput = {
    format: 'rueda.match-input/1',
    participants: [
      { id: '0701', kind: 'gadm' },
      { id: 'CAF', kind: 'cooperant' },
    ],
    demands: [
      {
        id: 'D-SEG',
        participant: '0701',
        title: 'Videovigilancia y prevención del delito',
        description: 'Cámaras y un centro de monitoreo coordinado con el ECU 911.',
        sectors: ['SEGURIDAD'],
        ods: [16],
        modalidades: ['CREDITO'],
        amountUsd: 1_550_000,
      },
    ],
    offers: [
      {
        id: 'O-SEG',
        participant: 'CAF',
        title: 'Ciudades seguras',
        description: 'Crédito para seguridad ciudadana y prevención del delito.',
        sectors: ['SEGURIDAD'],
        ods: [16],
        modalidades: ['CREDITO'],
        minAmountUsd: 1_000_000,
        maxAmountUsd: 5_000_000,
      },
    ],
  };
  const e = buildMatchIndex(input).explain('D-SEG', 'O-SEG');

  it('names sectors, modalities and ODS by their labels, in Spanish and English', () => {
    expect(e.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'sector', detail: 'Seguridad ciudadana', detailEn: 'Citizen security' }),
        expect.objectContaining({ kind: 'modalidad', detail: 'Crédito', detailEn: 'Loan' }),
        expect.objectContaining({ kind: 'ods', detail: expect.stringMatching(/^ODS 16 — Paz, justicia e instituciones sólidas$/) }),
      ]),
    );
  });

  it('writes amounts as 1.550.000 USD', () => {
    expect(e.reasons.map((r) => r.detail)).toContain('1.550.000 USD dentro del rango de la oferta (1.000.000 – 5.000.000 USD)');
  });

  it('shows no taxonomy code and no doubled "ODS"', () => {
    for (const r of e.reasons) {
      expect(r.detail).not.toMatch(/\b(SEGURIDAD|CREDITO)\b|ODS ODS/);
      expect(r.detailEn ?? '').not.toMatch(/\b(SEGURIDAD|CREDITO)\b|SDG SDG|ODS ODS/);
    }
  });
});
