// `rueda match`: rueda.match-input/1 file → rueda.match-output/1, with no database or Redis.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FormatError, parseMatchInput, writeMatchOutput } from '@rueda/formats';
import { MatchWeights, runMatch } from '@rueda/matching';
import { CliCommand, CliUsageError } from '../command';

const USAGE = [
  'Uso / Usage: npm run rueda -- match --input FILE [--top 5] [--output FILE] [--min-score 0] [--weights JSON]',
  '',
  '  --input FILE      archivo rueda.match-input/1 / rueda.match-input/1 file',
  '  --top N           ofertas por demanda (5) / offers per demand (5)',
  '  --output FILE     destino (por defecto stdout) / destination (default stdout)',
  '  --min-score X     omite pares con puntaje menor / leave out pairs scoring below X',
  '  --weights JSON    p. ej. / e.g. \'{"text":0.5,"sector":0.2}\'',
  '',
].join('\n');

function parsePositiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliUsageError(`${flag} debe ser un entero ≥ 1 / ${flag} must be an integer ≥ 1: ${value}`);
  return n;
}

function parseWeights(value: string | undefined): Partial<MatchWeights> | undefined {
  if (value === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw new CliUsageError(`--weights no es JSON válido / --weights is not valid JSON: ${value}`);
  }
  const known = ['sector', 'thematic', 'text', 'modality', 'amount', 'territory'];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new CliUsageError('--weights debe ser un objeto JSON / must be a JSON object');
  for (const [k, v] of Object.entries(raw)) {
    if (!known.includes(k)) throw new CliUsageError(`--weights: peso desconocido / unknown weight "${k}" (${known.join(', ')})`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new CliUsageError(`--weights.${k}: se esperaba un número ≥ 0 / expected a number ≥ 0`);
  }
  return raw as Partial<MatchWeights>;
}

async function run(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        input: { type: 'string', short: 'i' },
        output: { type: 'string', short: 'o' },
        top: { type: 'string', short: 'k' },
        'min-score': { type: 'string' },
        weights: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const inputPath = values.input as string | undefined;
    if (!inputPath) throw new CliUsageError('falta --input / missing --input');
    const top = parsePositiveInt(values.top as string | undefined, '--top', 5);
    const minScoreRaw = values['min-score'] as string | undefined;
    const minScore = minScoreRaw === undefined ? 0 : Number(minScoreRaw);
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
      throw new CliUsageError(`--min-score debe estar entre 0 y 1 / --min-score must be between 0 and 1: ${minScoreRaw}`);
    }
    const weights = parseWeights(values.weights as string | undefined);

    let text: string;
    try {
      text = readFileSync(inputPath, 'utf8');
    } catch (err) {
      throw new CliUsageError(`no se puede leer / cannot read ${inputPath}: ${(err as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new CliUsageError(`${inputPath}: JSON inválido / invalid JSON: ${(err as Error).message}`);
    }
    const input = parseMatchInput(json);
    const out = writeMatchOutput(runMatch(input, { top, minScore, weights }));
    if (values.output) writeFileSync(values.output as string, out);
    else process.stdout.write(out);
    return 0;
  } catch (err) {
    if (err instanceof FormatError) {
      process.stderr.write(`${values.input as string}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CliUsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

const command: CliCommand = {
  description: 'Empareja demandas y ofertas de un archivo / Match demands and offers from a file',
  run,
};
export default command;
