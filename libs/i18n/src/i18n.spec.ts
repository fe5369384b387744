import {
  formatDate,
  formatDateTime,
  formatDayLong,
  formatMessage,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimeRange,
  formatUsd,
  formatUsdCompact,
  messageError,
  properCaseEs,
  timeZoneLabel,
  wallClock,
} from './index';

const NOV25_0920_EC = '2026-11-25T14:20:00Z'; // 09:20 in Guayaquil (GMT−5)

describe('numbers, Ecuadorian and English', () => {
  it('groups thousands with a dot in es-EC, a comma in en', () => {
    expect(formatNumber(1_550_000)).toBe('1.550.000');
    expect(formatNumber(1_550)).toBe('1.550');
    expect(formatNumber(1_550_000, 'en')).toBe('1,550,000');
    expect(formatNumber(2.345, 'es', 2)).toBe('2,35');
    expect(formatNumber(Number.NaN)).toBe('');
  });
  it('percentages held as 0..100', () => {
    expect(formatPercent(12.5)).toMatch(/^12,5\s?%$/);
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
  });
  it('US dollars with the code, compact in tiles', () => {
    expect(formatUsd(1_550_000).replace(/\s/g, ' ')).toBe('USD 1.550.000');
    expect(formatUsdCompact(57_230_000).replace(/\s/g, ' ')).toMatch(/^USD 57,2 M/);
    expect(formatUsdCompact(900).replace(/\s/g, ' ')).toBe('USD 900');
  });
});

describe('dates and times in the event zone', () => {
  it('dd/mm/aaaa, 24 h, in the zone given', () => {
    expect(formatDate(NOV25_0920_EC, 'America/Guayaquil')).toBe('25/11/2026');
    expect(formatTime(NOV25_0920_EC, 'America/Guayaquil')).toBe('09:20');
    expect(formatTime('2026-11-25T19:05:00Z', 'America/Guayaquil')).toBe('14:05');
    expect(formatDateTime(NOV25_0920_EC, 'America/Guayaquil')).toBe('25/11/2026 09:20');
    expect(formatTimeRange(NOV25_0920_EC, '2026-11-25T14:40:00Z', 'America/Guayaquil')).toBe('09:20–09:40');
    expect(wallClock(NOV25_0920_EC, 'America/Guayaquil')).toBe('2026-11-25T09:20');
    expect(formatTime('not a date', 'America/Guayaquil')).toBe('—');
  });
  it('a long day heading, capitalised', () => {
    expect(formatDayLong(NOV25_0920_EC, 'America/Guayaquil')).toBe('Miércoles, 25 de noviembre de 2026');
    expect(formatDayLong(NOV25_0920_EC, 'America/Guayaquil', 'en')).toBe('Wednesday, 25 November 2026');
  });
  it('names the zone as a reader does, never its id', () => {
    expect(timeZoneLabel('America/Guayaquil', 'es', NOV25_0920_EC)).toBe('hora de Ecuador (GMT\u22125)');
    expect(timeZoneLabel('America/Guayaquil', 'en', NOV25_0920_EC)).toBe('Ecuador Time (GMT\u22125)');
    expect(timeZoneLabel('Pacific/Galapagos', 'es', NOV25_0920_EC)).toBe('hora de Galápagos (GMT\u22126)');
    expect(timeZoneLabel('Etc/GMT+5', 'es', NOV25_0920_EC)).toBe('GMT\u22125');
    expect(timeZoneLabel('America/Guayaquil')).not.toContain('America/');
  });
});

describe('ICU messages', () => {
  const rows = 'Importar {n, plural, one {# fila} other {# filas}}';
  it('plural forms by Intl.PluralRules, numbers by the locale', () => {
    expect(formatMessage(rows, { n: 1 })).toBe('Importar 1 fila');
    expect(formatMessage(rows, { n: 2 })).toBe('Importar 2 filas');
    expect(formatMessage(rows, { n: 1550 })).toBe('Importar 1.550 filas');
    expect(formatMessage('Import {n, plural, one {# row} other {# rows}}', { n: 1550 }, 'en')).toBe('Import 1,550 rows');
  });
  it('two counts in one sentence', () => {
    const m = '{m, plural, one {# reunión} other {# reuniones}} de {p, plural, one {# participante} other {# participantes}}';
    expect(formatMessage(m, { m: 1, p: 1 })).toBe('1 reunión de 1 participante');
    expect(formatMessage(m, { m: 3, p: 2 })).toBe('3 reuniones de 2 participantes');
  });
  it('reports a broken pattern', () => {
    expect(messageError('{n, plural, one {# fila}')).not.toBeNull();
    expect(messageError(rows)).toBeNull();
  });
});

describe('place names from the official lists', () => {
  it.each([
    ['GENERAL ANTONIO ELIZALDE (BUCAY)', 'General Antonio Elizalde (Bucay)'],
    ['SALITRE (URBINA JADO)', 'Salitre (Urbina Jado)'],
    ['SANTO DOMINGO DE LOS TSÁCHILAS', 'Santo Domingo de los Tsáchilas'],
    ['ALFREDO BAQUERIZO MORENO (JUJÁN)', 'Alfredo Baquerizo Moreno (Juján)'],
    ['24 DE MAYO', '24 de Mayo'],
    ['LA TRONCAL', 'La Troncal'],
    ['EL CARMEN', 'El Carmen'],
    ['GNRAL. VILLAMIL (PLAYAS)', 'Gnral. Villamil (Playas)'],
  ])('%s → %s', (raw, expected) => {
    expect(properCaseEs(raw)).toBe(expected);
  });
});
