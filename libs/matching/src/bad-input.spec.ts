import type { MatchDemand, MatchInput, MatchOffer } from '@rueda/formats';
import { FormatError, parseMatchInput } from '@rueda/formats';
import { buildMatchIndex, textNote } from './match-index';
import { runMatch } from './run-match';

const offers: MatchOffer[] = [
  {
    id: 'O-AGUA',
    participant: 'CAF',
    title: 'Agua potable y saneamiento',
    description: 'Estudios y diseños de agua potable.',
    sectors: ['AGUA'],
  },
  { id: 'O-RES', participant: 'JICA', title: 'Residuos sólidos', description: 'Reciclaje y rellenos sanitarios.' },
];

function event(demands: MatchDemand[]): MatchInput {
  return {
    format: 'rueda.match-input/1',
    participants: [
      { id: '0104', kind: 'gadm' },
      { id: 'CAF', kind: 'cooperant' },
      { id: 'JICA', kind: 'cooperant' },
    ],
    demands,
    offers,
  };
}

const demand = (id: string, title: string, description: string, extra: Partial<MatchDemand> = {}): MatchDemand => ({
  id,
  participant: '0104',
  title,
  description,
  ...extra,
});

describe('bad input', () => {
  const blank = demand('D-BLANK', '   ', '\n\t  ', { sectors: ['AGUA'] });
  const cyrillic = demand('D-CYR', 'Водоснабжение', 'Строительство очистных сооружений для города.');
  const huge = demand('D-HUGE', 'Agua potable', `${'agua potable alcantarillado tratamiento '.repeat(2600)}`); // ~100 KB
  const input = event([blank, cyrillic, huge]);
  const index = buildMatchIndex(input);

  it('scores every pair with a finite number in [0, 1]', () => {
    for (const d of input.demands) {
      for (const o of offers) {
        const s = index.score(d.id, o.id)!;
        expect(Number.isFinite(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
  });

  it('says why a blank text is compared on its tags only', () => {
    expect(textNote(blank)).toBe('empty');
    const e = index.explain('D-BLANK', 'O-AGUA');
    expect(e.reasons).toContainEqual({
      kind: 'text',
      detail: 'la demanda no tiene texto legible: se compara solo por sus etiquetas',
      detailEn: 'the demand has no readable text: compared on its tags only',
    });
    // Its tag still finds the water offer.
    expect(index.topOffersPerDemand(1).get('D-BLANK')![0].offer).toBe('O-AGUA');
  });

  it('gives text in another script a neutral text score and says so', () => {
    expect(textNote(cyrillic)).toBe('script');
    const e = index.explain('D-CYR', 'O-AGUA');
    expect(e.components.text).toBe(0);
    expect(e.reasons.map((r) => r.detail)).toContain('el texto de la demanda no está en español ni en inglés: no se compara');
  });

  it('reads a 100 KB description only up to the token cap and still matches it', () => {
    expect(huge.description.length).toBeGreaterThan(100_000);
    expect(index.analyzer.words(huge.description)).toHaveLength(index.analyzer.maxTokens);
    expect(index.topOffersPerDemand(1).get('D-HUGE')![0].offer).toBe('O-AGUA');
  });

  it('ignores unknown taxonomy codes in the engine and rejects them per field in the exchange format', () => {
    const odd = demand('D-ODD', 'Agua potable', 'Red de agua', { sectors: ['NOPE'], competencias: ['C99'], ods: [42] });
    const out = runMatch(event([odd]), { top: 2 });
    expect(out.matches.every((m) => Number.isFinite(m.score))).toBe(true);
    let err: unknown;
    try {
      parseMatchInput(event([odd]));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormatError);
    const paths = (err as FormatError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['demands[0].sectors[0]', 'demands[0].competencias[0]', 'demands[0].ods[0]']));
  });
});
