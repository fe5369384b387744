import { z } from 'zod';
import { indexTaxonomy, loadGadms, REGIONS, TaxonomyIndex } from '@rueda/domain';
import { FormatError, FormatIssue, formatJsonPath } from './format-error';

export const MATCH_INPUT_FORMAT = 'rueda.match-input/1';

export { REGIONS };
export type MatchRegion = (typeof REGIONS)[number];

export interface MatchParticipant {
  id: string;
  kind: 'gadm' | 'cooperant';
  name?: string;
  /** INEC province code ("01".."24"); for a GADM filled from the reference list when absent. */
  province?: string;
  region?: MatchRegion;
  /** Cooperation type code (taxonomy tipos_cooperacion), for cooperants. */
  tipo?: string;
  /** Optional inhabitants count; used only as the size proxy of the fairness setting. */
  population?: number;
  /** A GADM's INEC canton code when `id` is not it (an event's database ids): its size class and reference location. */
  inecCode?: string;
}

export interface MatchDemand {
  id: string;
  participant: string;
  title: string;
  description: string;
  sectors?: string[];
  competencias?: string[];
  ods?: number[];
  modalidades?: string[];
  amountUsd?: number;
}

export interface MatchOffer {
  id: string;
  participant: string;
  title: string;
  description: string;
  sectors?: string[];
  competencias?: string[];
  ods?: number[];
  modalidades?: string[];
  regions?: MatchRegion[];
  provinces?: string[];
  minAmountUsd?: number;
  maxAmountUsd?: number;
}

export interface MatchInput {
  format: typeof MATCH_INPUT_FORMAT;
  participants: MatchParticipant[];
  demands: MatchDemand[];
  offers: MatchOffer[];
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

const regionByFolded = new Map<string, MatchRegion>(REGIONS.map((r) => [fold(r), r]));

function buildSchema(tax: TaxonomyIndex, provinceCodes: Set<string>) {
  // Each code is checked where it stands so the issue carries its exact JSON path.
  const code = (kind: { es: string; en: string }, known: (c: string) => boolean) =>
    z.string().superRefine((c, ctx) => {
      if (!known(c)) {
        ctx.addIssue({ code: 'custom', message: `código de ${kind.es} desconocido / unknown ${kind.en} code "${c}"` });
      }
    });
  const sector = code({ es: 'sector', en: 'sector' }, (c) => tax.sectores.has(c));
  const competencia = code({ es: 'competencia', en: 'competencia' }, (c) => tax.competencias.has(c));
  const modalidad = code({ es: 'modalidad', en: 'modality' }, (c) => tax.modalidades.has(c));
  const tipo = code({ es: 'tipo de cooperación', en: 'cooperation type' }, (c) => tax.tipos.has(c));
  const province = code({ es: 'provincia', en: 'province' }, (c) => provinceCodes.has(c));
  const ods = z.number().superRefine((n, ctx) => {
    if (!tax.ods.has(n)) ctx.addIssue({ code: 'custom', message: `ODS desconocido / unknown SDG ${n} (1..17)` });
  });
  const region = z.string().transform((r, ctx) => {
    const canonical = regionByFolded.get(fold(r));
    if (!canonical) {
      ctx.addIssue({ code: 'custom', message: `región desconocida / unknown region "${r}" (${REGIONS.join(', ')})` });
      return z.NEVER;
    }
    return canonical;
  });
  const amount = z.number().nonnegative();
  const id = z.string().trim().min(1);

  const participant = z.object({
    id,
    kind: z.enum(['gadm', 'cooperant']),
    name: z.string().optional(),
    province: province.optional(),
    region: region.optional(),
    tipo: tipo.optional(),
    population: z.number().int().nonnegative().optional(),
    inecCode: z.string().trim().min(1).optional(),
  });
  const common = {
    id,
    participant: id,
    title: z.string(),
    description: z.string(),
    sectors: z.array(sector).optional(),
    competencias: z.array(competencia).optional(),
    ods: z.array(ods).optional(),
    modalidades: z.array(modalidad).optional(),
  };
  const demand = z.object({ ...common, amountUsd: amount.optional() });
  const offer = z.object({
    ...common,
    regions: z.array(region).optional(),
    provinces: z.array(province).optional(),
    minAmountUsd: amount.optional(),
    maxAmountUsd: amount.optional(),
  });
  return z.object({
    format: z.literal(MATCH_INPUT_FORMAT),
    participants: z.array(participant),
    demands: z.array(demand),
    offers: z.array(offer),
  });
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return cur;
}

const typeNames: Record<string, string> = {
  string: 'texto / string',
  number: 'número / number',
  array: 'lista / array',
  object: 'objeto / object',
  boolean: 'booleano / boolean',
};

/** Zod's default messages are English only; organisers read Spanish first. */
function bilingual(issue: z.core.$ZodIssue, root: unknown): string {
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return 'campo obligatorio ausente / required field missing';
      const expected = typeNames[issue.expected] ?? issue.expected;
      return `tipo incorrecto, se esperaba ${expected} / wrong type, expected ${issue.expected}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'no puede estar vacío / must not be empty';
      return `valor demasiado pequeño (mínimo ${String(issue.minimum)}) / value too small (minimum ${String(issue.minimum)})`;
    case 'invalid_value':
      return `valor no admitido ${JSON.stringify(value)}; valores posibles: ${issue.values.map((v) => JSON.stringify(v)).join(', ')} / unsupported value`;
    case 'custom':
      return issue.message;
    default:
      return `valor inválido / invalid value: ${issue.message}`;
  }
}

/**
 * Indexes are hard to find in a long JSON file; the id of the item an issue is about is not.
 * Appends it to the message unless the message already quotes it.
 */
function withItemId(issue: FormatIssue, root: unknown): FormatIssue {
  const m = /^(participants|demands|offers)\[(\d+)\]/.exec(issue.path);
  if (!m) return issue;
  const id = (valueAt(root, [m[1], Number(m[2])]) as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' || !id || issue.message.includes(`"${id}"`)) return issue;
  return { path: issue.path, message: `${issue.message} (id "${id}")` };
}

/**
 * Reads a `rueda.match-input/1` document. Every problem is reported at once (structure and
 * taxonomy codes first, then cross-references), each with its JSON path.
 * GADM participants without province/region get them from the reference list of 221 GADMs.
 */
export function parseMatchInput(json: unknown, taxonomy: TaxonomyIndex = indexTaxonomy()): MatchInput {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new FormatError([{ path: '', message: 'se esperaba un objeto JSON / expected a JSON object' }]);
  }
  const format = (json as Record<string, unknown>).format;
  if (format !== MATCH_INPUT_FORMAT) {
    const message =
      format === undefined
        ? `falta el campo "format" (se esperaba "${MATCH_INPUT_FORMAT}") / missing "format" field (expected "${MATCH_INPUT_FORMAT}")`
        : `formato desconocido ${JSON.stringify(format)}, se esperaba "${MATCH_INPUT_FORMAT}" / unknown format ${JSON.stringify(format)}, expected "${MATCH_INPUT_FORMAT}"`;
    throw new FormatError([{ path: 'format', message }]);
  }

  const gadmRef = new Map(loadGadms().map((g) => [g.inecCode, g]));
  const provinceCodes = new Set(loadGadms().map((g) => g.provinceCode));
  const parsed = buildSchema(taxonomy, provinceCodes).safeParse(json);
  if (!parsed.success) {
    throw new FormatError(parsed.error.issues.map((i) => withItemId({ path: formatJsonPath(i.path), message: bilingual(i, json) }, json)));
  }
  const input = parsed.data as MatchInput;
  const issues: FormatIssue[] = [];

  const participants = new Map<string, MatchParticipant>();
  input.participants.forEach((p, i) => {
    if (participants.has(p.id)) {
      issues.push({ path: `participants[${i}].id`, message: `id duplicado / duplicate id "${p.id}"` });
      return;
    }
    participants.set(p.id, p);
    if (p.kind === 'gadm') {
      const ref = gadmRef.get(p.inecCode ?? p.id);
      p.province ??= ref?.provinceCode;
      p.region ??= ref?.region as MatchRegion | undefined;
      if (!p.province || !p.region) {
        issues.push({
          path: `participants[${i}].id`,
          message: `GADM "${p.id}" no figura en la lista de referencia; indique "province" y "region" / GADM "${p.id}" is not in the reference list; give "province" and "region"`,
        });
      }
    }
  });

  const checkItems = (list: 'demands' | 'offers', items: Array<MatchDemand | MatchOffer>, kind: 'gadm' | 'cooperant') => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: `${list}[${i}].id`, message: `id duplicado / duplicate id "${item.id}"` });
      seen.add(item.id);
      const owner = participants.get(item.participant);
      if (!owner) {
        issues.push({
          path: `${list}[${i}].participant`,
          message: `participante desconocido / unknown participant "${item.participant}"`,
        });
      } else if (owner.kind !== kind) {
        const es = list === 'demands' ? 'una demanda debe pertenecer a un GADM' : 'una oferta debe pertenecer a un cooperante';
        const en = list === 'demands' ? 'a demand must belong to a GADM' : 'an offer must belong to a cooperant';
        issues.push({
          path: `${list}[${i}].participant`,
          message: `${es} ("${owner.id}" es ${owner.kind}) / ${en} ("${owner.id}" is ${owner.kind})`,
        });
      }
    });
  };
  checkItems('demands', input.demands, 'gadm');
  checkItems('offers', input.offers, 'cooperant');
  input.offers.forEach((o, i) => {
    if (o.minAmountUsd !== undefined && o.maxAmountUsd !== undefined && o.minAmountUsd > o.maxAmountUsd) {
      issues.push({
        path: `offers[${i}].minAmountUsd`,
        message: `minAmountUsd (${o.minAmountUsd}) mayor que maxAmountUsd (${o.maxAmountUsd}) / minAmountUsd greater than maxAmountUsd`,
      });
    }
  });

  if (issues.length) throw new FormatError(issues.map((i) => withItemId(i, json)));
  return input;
}
