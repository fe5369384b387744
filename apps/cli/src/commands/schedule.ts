// `rueda schedule`: solve a rueda.schedule-instance/1 file without the server (no DB, no Redis).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FormatError, parseScheduleInstance } from '@rueda/formats';
import { solve, SolveProgress } from '@rueda/scheduling';
import { CliCommand, CliUsageError } from '../command';

const USAGE = `Uso / Usage: npm run rueda -- schedule --input FILE [--output FILE] [--time-limit S] [--seed N] [--min-per-gadm N]

  --input, -i FILE       rueda.schedule-instance/1 (JSON)
  --output, -o FILE      rueda.schedule/1 (por defecto stdout / default stdout)
  --time-limit S         segundos como máximo / at most S seconds (default 30)
  --seed N               semilla: misma semilla, mismo resultado / same seed, same result (default 1)
  --min-per-gadm N       mínimo de reuniones por GADM que pidió alguna / minimum meetings per requesting GADM
`;

function positiveNumber(flag: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new CliUsageError(`valor inválido para --${flag}: "${raw}" / invalid value for --${flag}`);
  }
  return n;
}

async function run(args: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        input: { type: 'string', short: 'i' },
        output: { type: 'string', short: 'o' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        'min-per-gadm': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (!values.input) throw new CliUsageError('falta --input / --input is required');
    const timeLimitS = positiveNumber('time-limit', values['time-limit'], 30, false);
    const seed = positiveNumber('seed', values.seed, 1, true);
    const minPerGadm = positiveNumber('min-per-gadm', values['min-per-gadm'], 0, true);

    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.input, 'utf8'));
    } catch (e) {
      throw new CliUsageError(`no se pudo leer ${values.input} / could not read it: ${e instanceof Error ? e.message : String(e)}`);
    }
    const instance = parseScheduleInstance(json);

    const tty = process.stderr.isTTY === true;
    const onProgress = tty
      ? (p: SolveProgress) =>
          process.stderr.write(`\r ${String(p.percent).padStart(3)}% · peso ${p.bestWeight} / cota ${p.bound} · huecos ${p.holes}   `)
      : undefined;
    const schedule = solve(instance, { seed, timeLimitMs: timeLimitS * 1000, minMeetingsPerGadm: minPerGadm || undefined, onProgress });
    if (tty) process.stderr.write('\n');

    const text = `${JSON.stringify(schedule, null, 2)}\n`;
    if (values.output) await writeFile(values.output, text, 'utf8');
    else process.stdout.write(text);

    const { stats, bounds } = schedule;
    const pct = bounds.weightUpperBound > 0 ? ((100 * stats.weight) / bounds.weightUpperBound).toFixed(2) : '100.00';
    process.stderr.write(
      `${stats.scheduled} reuniones / meetings, ${schedule.unscheduled.length} sin agendar / unscheduled · peso / weight ${stats.weight} ` +
        `de cota / of bound ${bounds.weightUpperBound} (${pct} %) · huecos / holes ${stats.holes} · ${stats.seconds} s\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof FormatError || e instanceof CliUsageError) {
      process.stderr.write(`${e.message}\n`);
      if (e instanceof CliUsageError) process.stderr.write(`\n${USAGE}`);
      return 2;
    }
    // parseArgs throws errors coded ERR_PARSE_ARGS_* for unknown or malformed flags.
    const code = e !== null && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

const command: CliCommand = {
  description: 'Agenda las reuniones de un archivo rueda.schedule-instance/1 / Schedules a rueda.schedule-instance/1 file',
  run,
};
export default command;
