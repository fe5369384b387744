import { z } from 'zod';
import { type Bilingual, type FieldProblem, invalid } from './errors';

/**
 * zod validation that always names the field, in Spanish and English. Every edge (HTTP
 * pipes, socket handlers, use cases, the CLI) validates through `parseInput`, so a bad uuid
 * in a URL, a socket payload or a job reads the same: «eventId»: identificador UUID inválido.
 *
 * Custom messages in schemas are written with `bi(es, en)`; zod's own checks get the
 * messages below (zod's bundled locales are not idiomatic enough for organisers).
 */

// ASCII unit separator: never typed by a person, so a message splits back without doubt.
const SEP = '\u001f';
const DEFAULT = '\u001e';

/** A custom zod message in both languages: `z.string().refine(ok, bi('…', '…'))`. */
export const bi = (es: string, en: string): string => `${es}${SEP}${en}`;

/** Splits a message back into its two languages (plain strings count as both). */
export function splitMessage(message: string): Bilingual {
  const body = message.startsWith(DEFAULT) ? message.slice(1) : message;
  const at = body.indexOf(SEP);
  if (at >= 0) return { es: body.slice(0, at), en: body.slice(at + 1) };
  // Older schemas wrote "es / en" by hand; one separator is unambiguous.
  const parts = body.split(' / ');
  if (parts.length === 2) return { es: parts[0], en: parts[1] };
  return { es: body, en: body };
}

const esNumber = new Intl.NumberFormat('es-EC', { maximumFractionDigits: 6 });
const enNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const num = (n: number | bigint): Bilingual => ({ es: esNumber.format(n), en: enNumber.format(n) });

const TYPES: Record<string, Bilingual> = {
  string: { es: 'texto', en: 'text' },
  number: { es: 'número', en: 'number' },
  int: { es: 'número entero', en: 'integer' },
  bigint: { es: 'número entero', en: 'integer' },
  boolean: { es: 'verdadero o falso', en: 'true or false' },
  array: { es: 'lista', en: 'list' },
  object: { es: 'objeto', en: 'object' },
  date: { es: 'fecha', en: 'date' },
  null: { es: 'nulo', en: 'null' },
  undefined: { es: 'nada', en: 'nothing' },
  nan: { es: 'NaN', en: 'NaN' },
  function: { es: 'función', en: 'function' },
  symbol: { es: 'símbolo', en: 'symbol' },
  file: { es: 'archivo', en: 'file' },
  record: { es: 'objeto', en: 'object' },
  map: { es: 'mapa', en: 'map' },
  set: { es: 'conjunto', en: 'set' },
};
const typeName = (t: string): Bilingual => TYPES[t] ?? { es: t, en: t };

function inputType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}

const FORMATS: Record<string, Bilingual> = {
  uuid: { es: 'identificador UUID inválido', en: 'invalid UUID' },
  guid: { es: 'identificador UUID inválido', en: 'invalid UUID' },
  email: { es: 'correo electrónico inválido', en: 'invalid email address' },
  url: { es: 'URL inválida', en: 'invalid URL' },
  date: { es: 'fecha inválida (AAAA-MM-DD)', en: 'invalid date (YYYY-MM-DD)' },
  datetime: { es: 'fecha y hora inválidas (ISO 8601 con zona)', en: 'invalid date and time (ISO 8601 with offset)' },
  time: { es: 'hora inválida (HH:mm)', en: 'invalid time (HH:mm)' },
  regex: { es: 'formato inválido', en: 'invalid format' },
};

type RawIssue = z.core.$ZodRawIssue;

/** zod's own checks, in both languages. */
export function describeIssue(issue: RawIssue): Bilingual {
  const i = issue as RawIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      if (i.input === undefined) return { es: 'campo requerido', en: 'required' };
      const exp = typeName(String(i.expected));
      const got = typeName(inputType(i.input));
      return { es: `se esperaba ${exp.es}, llegó ${got.es}`, en: `expected ${exp.en}, received ${got.en}` };
    }
    case 'invalid_value': {
      const values = (i.values as unknown[]).map((v) => JSON.stringify(v));
      if (values.length === 1) return { es: `debe ser ${values[0]}`, en: `must be ${values[0]}` };
      return { es: `valor no admitido: use ${values.join(', ')}`, en: `value not allowed: use ${values.join(', ')}` };
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = (big ? i.maximum : i.minimum) as number | bigint;
      const n = num(limit);
      const origin = String(i.origin);
      const exact = i.exact === true;
      if (origin === 'string') {
        if (!big && Number(limit) === 1) return { es: 'no puede estar vacío', en: 'cannot be empty' };
        const w = exact ? ['exactamente', 'exactly'] : big ? ['máximo', 'at most'] : ['mínimo', 'at least'];
        return { es: `${w[0]} ${n.es} caracteres`, en: `${w[1]} ${n.en} characters` };
      }
      if (origin === 'array' || origin === 'set') {
        if (!big && Number(limit) === 1) return { es: 'al menos un elemento', en: 'at least one item' };
        const w = exact ? ['exactamente', 'exactly'] : big ? ['máximo', 'at most'] : ['mínimo', 'at least'];
        return { es: `${w[0]} ${n.es} elementos`, en: `${w[1]} ${n.en} items` };
      }
      const op = big ? (i.inclusive === false ? '<' : '≤') : i.inclusive === false ? '>' : '≥';
      return { es: `debe ser ${op} ${n.es}`, en: `must be ${op} ${n.en}` };
    }
    case 'invalid_format': {
      const f = FORMATS[String(i.format)];
      if (f) return f;
      return { es: `formato inválido (${String(i.format)})`, en: `invalid format (${String(i.format)})` };
    }
    case 'not_multiple_of':
      return { es: `debe ser múltiplo de ${num(i.divisor as number).es}`, en: `must be a multiple of ${num(i.divisor as number).en}` };
    case 'unrecognized_keys':
      return { es: 'campo desconocido', en: 'unknown field' };
    case 'invalid_key':
      return { es: 'clave inválida', en: 'invalid key' };
    case 'invalid_element':
      return { es: 'elemento inválido', en: 'invalid item' };
    case 'invalid_union':
      return { es: 'valor inválido', en: 'invalid value' };
    default:
      return { es: 'valor inválido', en: 'invalid value' };
  }
}

/** Per-parse error map: zod's default messages become bilingual, custom ones stay as written. */
const errorMap = (issue: RawIssue) => {
  const m = describeIssue(issue);
  return `${DEFAULT}${m.es}${SEP}${m.en}`;
};

const pathText = (path: readonly PropertyKey[]) => path.map((p) => String(p)).join('.');

/** Every issue of a failed parse as a named field problem (unknown keys each named on their own, repeats once). */
export function fieldProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldProblem[] {
  const out = new Map<string, FieldProblem>();
  const add = (f: FieldProblem) => out.set(`${f.path}\u0000${f.es}`, f);
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add({ path: pathText([...base, key]), es: 'campo desconocido', en: 'unknown field' });
      continue;
    }
    add({ path: pathText(base), ...splitMessage(issue.message) });
  }
  return [...out.values()];
}

/** Validates with bilingual messages; a failure is a DomainError of kind `invalid` naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const r = schema.safeParse(input, { error: errorMap });
  if (r.success) return r.data;
  throw invalid(fieldProblems(r.error, prefix));
}

/** Async refinements (rare). */
export async function parseInputAsync<S extends z.ZodType>(schema: S, input: unknown): Promise<z.output<S>> {
  const r = await schema.safeParseAsync(input, { error: errorMap });
  if (r.success) return r.data;
  throw invalid(fieldProblems(r.error));
}
