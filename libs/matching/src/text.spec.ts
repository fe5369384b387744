import { foldAccents, TextAnalyzer } from './text';

const analyzer = new TextAnalyzer();
const termsOf = (text: string) => {
  const bag = new Map<string, number>();
  analyzer.analyze(text, 1, bag);
  return bag;
};
const conceptsOf = (text: string) => [...termsOf(text).keys()].filter((t) => t.startsWith('~'));

describe('TextAnalyzer', () => {
  it('folds accents and case', () => {
    expect(foldAccents('Gestión ÁREA Niños')).toBe('gestion area ninos');
  });

  it('drops Spanish and English stop words', () => {
    expect(analyzer.words('el agua de la ciudad y the water of the city')).toEqual(['agua', 'ciudad', 'water', 'city']);
  });

  it('stems so that singular, plural and unaccented spellings meet', () => {
    expect(analyzer.stem('capacitación')).toBe(analyzer.stem('capacitaciones'));
    expect(analyzer.stem('capacitacion')).toBe(analyzer.stem('capacitación'));
    expect(analyzer.stem('turísticos')).toBe(analyzer.stem('turístico'));
    expect(analyzer.stem('públicas')).toBe(analyzer.stem('público'));
  });

  it('bridges synonyms through the sector lexicon, in Spanish and English', () => {
    const c = (s: string) => conceptsOf(s);
    expect(c('basura')).toContain('~RESIDUOS.0');
    expect(c('desechos')).toContain('~RESIDUOS.0');
    expect(c('residuos')).toContain('~RESIDUOS.0');
    expect(c('solid waste')).toContain('~RESIDUOS.0');
    expect(c('relleno sanitario')).toContain('~RESIDUOS.2');
    expect(c('vertedero')).toContain('~RESIDUOS.2');
    expect(c('cuerpo de bomberos')).toContain('~RIESGOS.1');
    expect(c('firefighters')).toContain('~RIESGOS.1');
    // Ambiguous everyday words stay plain words.
    expect(c('gestión del desarrollo')).toEqual([]);
  });

  it('matches multi-word phrases only when the words are adjacent (ignoring stop words)', () => {
    expect(conceptsOf('plan de uso y gestión del suelo')).toContain('~PLANIFICACION.2');
    expect(conceptsOf('el suelo y el plan de gestión')).not.toContain('~PLANIFICACION.2');
  });

  it('weights title words by the given factor', () => {
    const bag = new Map<string, number>();
    analyzer.analyze('Catastro', 2, bag);
    analyzer.analyze('catastro urbano', 1, bag);
    expect(bag.get(analyzer.stem('catastro'))).toBe(3);
  });

  it('caps the tokens read from a huge text', () => {
    const small = new TextAnalyzer({ maxTokens: 50 });
    const huge = 'agua potable alcantarillado '.repeat(20_000); // ~560 KB
    // A work budget, not a wall clock: 50 words read, so "agua" is counted 17 times, not 20,000.
    expect(small.words(huge)).toHaveLength(50);
    const bag = new Map<string, number>();
    small.analyze(huge, 1, bag);
    expect(bag.get(small.stem('agua'))).toBe(17);
  });
});
