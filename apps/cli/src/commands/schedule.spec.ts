import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseSchedule } from '@rueda/formats';
import { generateDenseInstance, generateInstance, validateSchedule } from '@rueda/scheduling';
import command from './schedule';

const dir = mkdtempSync(join(tmpdir(), 'rueda-schedule-'));
const instance = generateInstance({ seed: 4, gadms: 30, cooperants: 8, meetings: 150, slots: 6, tables: 10 });
const input = join(dir, 'instance.json');
writeFileSync(input, JSON.stringify(instance));

function captureStderr() {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(String(c));
    return true;
  });
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}

describe('rueda schedule', () => {
  it('writes a valid rueda.schedule/1 file', async () => {
    const out = join(dir, 'out.json');
    const err = captureStderr();
    const code = await command.run(['--input', input, '--output', out, '--budget', '1', '--seed', '3', '--min-per-gadm', '1']);
    err.restore();
    expect(code).toBe(0);
    const schedule = parseSchedule(JSON.parse(readFileSync(out, 'utf8')));
    expect(validateSchedule(instance, schedule)).toEqual([]);
    expect(schedule.fairness?.gadmsWithRequestsAndNoMeeting).toBe(0);
    expect(err.text()).toMatch(/peso \/ weight \d+ de cota \/ of bound \d+/);
  });

  it('writes to stdout without --output, same result for the same seed and work budget', async () => {
    const chunks: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      chunks.push(String(c));
      return true;
    });
    const err = captureStderr();
    await command.run(['-i', input, '--seed', '3', '--min-per-gadm', '1', '--budget', '1']);
    spy.mockRestore();
    err.restore();
    const fromStdout = JSON.parse(chunks.join(''));
    const fromFile = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(fromStdout.assignments).toEqual(fromFile.assignments);
  });

  it('lists every problem of a bad instance and exits 2', async () => {
    const bad = structuredClone(instance) as typeof instance;
    bad.meetings[3].participants = ['NOPE', bad.meetings[3].participants[1]];
    bad.meetings[5].pinned = { slot: 'S99', table: bad.tables[0].id };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const err = captureStderr();
    const code = await command.run(['--input', file]);
    err.restore();
    expect(code).toBe(2);
    expect(err.text()).toContain('meetings[3].participants[0]');
    expect(err.text()).toContain('meetings[5].pinned.slot');
  });

  it('says when the optimum is proven, with both idle measures', async () => {
    const dense = generateDenseInstance({ seed: 3, participants: 14, sessions: [3, 3], tables: 4, idleMeasure: 'breaks' });
    const file = join(dir, 'dense.json');
    writeFileSync(file, JSON.stringify(dense));
    const out = join(dir, 'dense-out.json');
    const err = captureStderr();
    const code = await command.run(['--input', file, '--output', out, '--budget', '1']);
    err.restore();
    expect(code).toBe(0);
    expect(err.text()).toMatch(
      /huecos \/ holes \d+ · esperas \/ breaks \d+ · esperas: \d+ · óptimo demostrado, brecha 0 \/ proven optimal, gap 0/,
    );
    const schedule = parseSchedule(JSON.parse(readFileSync(out, 'utf8')));
    expect(schedule.bounds).toMatchObject({ idleMeasure: 'breaks', idleGap: 0, optimal: true });
  });

  it('exits 2 naming the meeting and field of a bad window or idle measure', async () => {
    const bad = structuredClone(instance) as typeof instance;
    bad.meetings[2].allowedSlots = ['S77'];
    bad.meetings[4].allowedSlots = [bad.slots[0].id];
    bad.meetings[4].pinned = { slot: bad.slots[1].id, table: bad.tables[0].id };
    const file = join(dir, 'bad-window.json');
    writeFileSync(file, JSON.stringify(bad));
    const err = captureStderr();
    expect(await command.run(['--input', file])).toBe(2);
    expect(await command.run(['--input', input, '--idle-measure', 'gaps'])).toBe(2);
    err.restore();
    expect(err.text()).toContain(`meetings[2].allowedSlots[0]: reunión "${bad.meetings[2].id}": franja desconocida "S77"`);
    expect(err.text()).toContain(`meetings[4].pinned.slot: reunión "${bad.meetings[4].id}"`);
    expect(err.text()).toContain('--idle-measure');
  });

  it('rejects bad flags with usage', async () => {
    const err = captureStderr();
    expect(await command.run(['--input', input, '--seed', 'x'])).toBe(2);
    expect(await command.run(['--nope'])).toBe(2);
    expect(await command.run([])).toBe(2);
    expect(await command.run(['--input', join(dir, 'missing.json')])).toBe(2);
    err.restore();
    expect(err.text()).toContain('Usage');
  });

  it('runs as `rueda schedule` through main.ts', async () => {
    const root = resolve(__dirname, '../../../..');
    const out = join(dir, 'spawned.json');
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        join(root, 'apps/cli/src/main.ts'),
        'schedule',
        '--input',
        input,
        '--output',
        out,
        '--budget',
        '0.5',
      ],
      { cwd: root, timeout: 60_000 },
    );
    expect(stderr).toMatch(/reuniones \/ meetings/);
    const schedule = parseSchedule(JSON.parse(readFileSync(out, 'utf8')));
    expect(validateSchedule(instance, schedule)).toEqual([]);
  }, 60_000);
});
