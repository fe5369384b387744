import { BOARD_CYCLE_MS, boardGrid, boardPageAt, boardPageMs, boardPages, foldName, nameMatches } from '@rueda/domain';

describe('the big screen rotation', () => {
  it('a round of 60 tables on a 1920×1080 screen: 3 pages of 20, each shown 8 s, all within 30 s', () => {
    const { columns, rows } = boardGrid(1920, 1080);
    expect(columns * rows).toBe(20);
    const tables = Array.from({ length: 60 }, (_, i) => i + 1);
    const pages = boardPages(tables, columns * rows);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 20]);
    const ms = boardPageMs(pages.length);
    expect(ms).toBe(8_000);
    expect(ms * pages.length).toBeLessThanOrEqual(BOARD_CYCLE_MS);
    // Within one rotation, from any starting moment, every table is on screen at some point.
    for (const start of [0, 1, 7_999, 8_000, 123_456_789]) {
      const seen = new Set<number>();
      for (let t = start; t < start + BOARD_CYCLE_MS; t += 1_000) for (const n of pages[boardPageAt(t, pages.length)]) seen.add(n);
      expect(seen.size).toBe(60);
    }
  });

  it('more pages rotate faster down to a readable 5 s; a single page stays', () => {
    expect(boardPageMs(1)).toBe(8_000);
    expect(boardPageMs(5)).toBe(6_000);
    expect(boardPageMs(6)).toBe(5_000);
    expect(boardPageMs(12)).toBe(5_000);
    expect(boardPageAt(99_999, 1)).toBe(0);
    expect(boardPageAt(16_000, 3)).toBe(2);
    expect(boardPageAt(24_000, 3)).toBe(0);
  });

  it('one round alone takes the whole width; small screens get one column and at least 4 rows', () => {
    expect(boardGrid(1920, 1080, 1)).toEqual({ columns: 4, rows: 10 });
    expect(boardGrid(1366, 768)).toEqual({ columns: 1, rows: 6 });
    expect(boardGrid(390, 300, 1)).toEqual({ columns: 1, rows: 4 });
    expect(boardPages([], 20)).toEqual([]);
  });
});

describe('find your table', () => {
  it('ignores case, accents and punctuation; every word typed starts a word of the name', () => {
    expect(foldName('GAD Municipal de Cañar ')).toBe('gad municipal de canar');
    expect(nameMatches('GAD Municipal de San Miguel de Urcuquí', 'san mig')).toBe(true);
    expect(nameMatches('GAD Municipal de San Miguel de Urcuquí', 'URCUQUI')).toBe(true);
    expect(nameMatches('GAD Municipal de Cañar', 'canar')).toBe(true);
    expect(nameMatches('Agencia de Cooperación (GIZ)', 'giz')).toBe(true);
    expect(nameMatches('GAD Municipal de Nabón', 'abon')).toBe(false);
    expect(nameMatches('GAD Municipal de Nabón', '  ')).toBe(false);
  });
});
