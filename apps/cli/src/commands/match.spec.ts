import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'rueda-match-'));
const labelled = JSON.parse(readFileSync(join(root, 'libs/matching/quality/labelled-set.json'), 'utf8'));

function rueda(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'apps/cli/src/main.ts'), 'match', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('rueda match (spawned CLI)', () => {
  const input = join(dir, 'input.json');
  writeFileSync(input, JSON.stringify(labelled.input));

  it('reads rueda.match-input/1 and writes rueda.match-output/1 to stdout', () => {
    const r = rueda('--input', input, '--top', '2');
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('rueda.match-output/1');
    const first = out.matches.filter((m: { demand: string }) => m.demand === 'D-0104-1');
    expect(first.map((m: { rank: number }) => m.rank)).toEqual([1, 2]);
    expect(first[0].reasons).toContainEqual({ kind: 'sector', detail: 'Agua potable y saneamiento', detailEn: 'Water and sanitation' });
  });

  it('writes to --output when given', () => {
    const output = join(dir, 'out.json');
    const r = rueda('--input', input, '--output', output);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(output, 'utf8')).matches.length).toBeGreaterThan(40);
  });

  it('exits 2 naming the path and field of a bad file', () => {
    const bad = structuredClone(labelled.input);
    bad.demands[3].sectors = ['AGUAS'];
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(bad));
    const r = rueda('--input', path);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('demands[3].sectors[0]: código de sector desconocido / unknown sector code "AGUAS"');
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a missing flag, unreadable file, invalid JSON or bad --top', () => {
    expect(rueda().status).toBe(2);
    expect(rueda('--input', join(dir, 'nope.json')).stderr).toContain('cannot read');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ not json');
    const r = rueda('--input', notJson);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid JSON');
    expect(rueda('--input', input, '--top', 'zero').status).toBe(2);
    expect(rueda('--input', input, '--weights', '{"colour":1}').stderr).toContain('unknown weight "colour"');
  });
});
