// `rueda schedule`: solve a rueda.schedule-instance/1 file without the server (no DB, no Redis).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FormatError, IDLE_MEASURES, IdleMeasure, parseScheduleInstance } from '@rueda/formats';
import { solve, SolveProgress } from '@rueda/scheduling';
import { CliCommand, CliUsageError } from '../command';

const USAGE = `Uso / Usage: npm run rueda -- schedule --input FILE [--output FILE] [--time-limit S | --budget B] [--seed N]
                        [--min-per-gadm N] [--idle-measure holes|breaks] [--max-idle-spread D]

  --input, -i FILE       rueda.schedule-instance/1 (JSON)
  --output, -o FILE      rueda.schedule/1 (por defecto stdout / default stdout)
  --time-limit S         segundos como máximo; se usan todos mientras no se demuestre el óptimo /
                         at most S seconds, all used while optimality is not proven (default 30)
  --budget B             presupuesto de trabajo (1 = normal): misma semilla y presupuesto, mismo resultado en
                         cualquier máquina / work budget (1 = default): same seed and budget, same result anywhere
  --seed N               semilla / random seed (default 1)
  --min-per-gadm N       mínimo de reuniones por GADM que pidió alguna / minimum meetings per requesting GADM
  --idle-measure M       holes (franjas libres, por defecto) o breaks (esperas) / idle slots (default) or waits
  --max-idle-spread D    diferencia máxima de espera entre dos participantes / most difference of idle time between two participants
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
        budget: { type: 'string' },
        'idle-measure': { type: 'string' },
        'max-idle-spread': { type: 'string' },
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
    const budget = values.budget === undefined ? undefined : positiveNumber('budget', values.budget, 1, false);
    const spread =
      values['max-idle-spread'] === undefined ? undefined : positiveNumber('max-idle-spread', values['max-idle-spread'], 0, true);
    const measure = values['idle-measure'];
    if (measure !== undefined && !(IDLE_MEASURES as readonly string[]).includes(measure)) {
      throw new CliUsageError(
        `valor inválido para --idle-measure: "${measure}" (holes o breaks) / invalid value for --idle-measure (holes or breaks)`,
      );
    }

    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.input, 'utf8'));
    } catch (e) {
      throw new CliUsageError(`no se pudo leer ${values.input} / could not read it: ${e instanceof Error ? e.message : String(e)}`);
    }
    const instance = parseScheduleInstance(json);
    if (measure !== undefined) instance.idleMeasure = measure as IdleMeasure;
    const idleName = (instance.idleMeasure ?? 'holes') === 'breaks' ? 'esperas / breaks' : 'huecos / holes';

    const tty = process.stderr.isTTY === true;
    const onProgress = tty
      ? (p: SolveProgress) =>
          process.stderr.write(`\r ${String(p.percent).padStart(3)}% · peso ${p.bestWeight} / cota ${p.bound} · ${idleName} ${p.holes}   `)
      : undefined;
    const schedule = await solve(instance, {
      seed,
      timeLimitMs: budget === undefined || values['time-limit'] !== undefined ? timeLimitS * 1000 : undefined,
      budget,
      minMeetingsPerGadm: minPerGadm || undefined,
      maxIdleSpread: spread,
      onProgress,
    });
    if (tty) process.stderr.write('\n');

    const text = `${JSON.stringify(schedule, null, 2)}\n`;
    if (values.output) await writeFile(values.output, text, 'utf8');
    else process.stdout.write(text);

    const { stats, bounds } = schedule;
    const pct = bounds.weightUpperBound > 0 ? ((100 * stats.weight) / bounds.weightUpperBound).toFixed(2) : '100.00';
    const idle = (instance.idleMeasure ?? 'holes') === 'breaks' ? stats.breaks : stats.holes;
    const proof = bounds.optimal
      ? 'óptimo demostrado, brecha 0 / proven optimal, gap 0'
      : `brecha / gap: peso / weight ${((bounds.gap ?? 0) * 100).toFixed(2)} %, espera / idle ${bounds.idleGap ?? '?'} (cota inferior / lower bound ${bounds.idleLowerBound ?? '?'})`;
    process.stderr.write(
      `${stats.scheduled} reuniones / meetings, ${schedule.unscheduled.length} sin agendar / unscheduled · peso / weight ${stats.weight} ` +
        `de cota / of bound ${bounds.weightUpperBound} (${pct} %) · huecos / holes ${stats.holes} · esperas / breaks ${stats.breaks} · ` +
        `${idleName.split(' / ')[0]}: ${idle} · ${proof} · ${stats.seconds} s\n`,
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
