import { badTextReason, loadGadms, loadTaxonomy, TEXT_LIMITS, type GadmRef, type Taxonomy } from '@rueda/domain';
import { createCodeResolver, type CodeResolver } from './codes';
import { COLUMNS, resolveHeader } from './columns';
import { makeIssue } from './issues';
import { cleanCell, normalizeExternalId, normalizeToken, padDigits, parseDate, parseEmail, parseNumber, splitList } from './normalize';
import {
  RECORD_SCHEMAS,
  type DelegateRecord,
  type DemandRecord,
  type ImportIssue,
  type ImportKind,
  type ImportResult,
  type OfferRecord,
  type ParsedTable,
  type ParticipantKind,
  type ParticipantRecord,
  type RecordByKind,
} from './types';

export interface KnownParticipant {
  externalId: string;
  kind?: ParticipantKind;
}

export interface ImportContext {
  /**
   * Participants that exist (in the database, plus those of the same import
   * batch). When given, a delegate, demand or offer of any other participant is
   * an error, and so is a demand of a cooperant or an offer of a GADM. When
   * omitted, only references that look like INEC codes are checked.
   */
  participants?: Iterable<string | KnownParticipant>;
  /** Defaults to loadTaxonomy() / loadGadms(); injectable for tests. */
  taxonomy?: Taxonomy;
  gadms?: GadmRef[];
}

const KIND_WORDS: Record<string, ParticipantKind> = {
  GADM: 'gadm',
  GAD: 'gadm',
  GADM_MUNICIPAL: 'gadm',
  GAD_MUNICIPAL: 'gadm',
  MUNICIPIO: 'gadm',
  MUNICIPALIDAD: 'gadm',
  MUNICIPALITY: 'gadm',
  CANTON: 'gadm',
  GOBIERNO_LOCAL: 'gadm',
  COOPERANTE: 'cooperant',
  COOPERANT: 'cooperant',
  COOPERACION: 'cooperant',
  COOPERADOR: 'cooperant',
  DONANTE: 'cooperant',
  DONOR: 'cooperant',
  COOPERANTE_INTERNACIONAL: 'cooperant',
};

export function parseParticipantKind(raw: string): ParticipantKind | undefined {
  return KIND_WORDS[normalizeToken(raw)];
}

/** Reads the cells of one row, recording issues against the header the organiser wrote. */
class RowReader {
  errors = 0;
  constructor(
    readonly row: number,
    private readonly cells: Record<string, string>,
    private readonly headerOf: Map<string, string>,
    private readonly kind: ImportKind,
    private readonly issues: ImportIssue[],
  ) {
    // Text PostgreSQL cannot store (NUL, lone surrogates), reported on its cell before anything else reads it.
    for (const [field, header] of headerOf) {
      const reason = badTextReason(cells[header] ?? '');
      if (reason) this.error('invalid_text', field, { detail: reason });
    }
  }

  has(field: string): boolean {
    return this.headerOf.has(field);
  }

  header(field: string): string {
    return this.headerOf.get(field) ?? COLUMNS[this.kind].find((c) => c.field === field)?.header ?? field;
  }

  text(field: string): string {
    const h = this.headerOf.get(field);
    return h === undefined ? '' : cleanCell(this.cells[h] ?? '');
  }

  optional(field: string): string | undefined {
    return this.text(field) || undefined;
  }

  /** Missing columns were already reported once for the whole file. */
  required(field: string): string | undefined {
    const v = this.text(field);
    if (v === '') {
      if (this.has(field)) this.error('required', field);
      else this.errors++;
      return undefined;
    }
    return v;
  }

  error(code: Parameters<typeof makeIssue>[0], field: string | null, params: Parameters<typeof makeIssue>[3] = {}): void {
    const issue = makeIssue(code, this.row, field === null ? null : this.header(field), params);
    if (issue.severity === 'error') this.errors++;
    this.issues.push(issue);
  }

  amount(field: string): number | undefined {
    const raw = this.text(field);
    if (raw === '') return undefined;
    const n = parseNumber(raw);
    if (n === undefined) {
      this.error('bad_number', field, { value: raw });
      return undefined;
    }
    if (n < 0) {
      this.error('negative_amount', field, { value: raw });
      return undefined;
    }
    return n;
  }

  date(field: string): string | undefined {
    const raw = this.text(field);
    if (raw === '') return undefined;
    const d = parseDate(raw);
    if (d === undefined) this.error('bad_date', field, { value: raw });
    return d;
  }

  email(field: string): string | undefined {
    const raw = this.text(field);
    if (raw === '') return undefined;
    const v = parseEmail(raw);
    if (v === undefined) this.error('invalid_email', field, { value: raw });
    return v;
  }

  /**
   * A list of codes. The whole cell is first tried as one label, because
   * several Spanish labels contain commas ("Gestión de residuos sólidos,
   * reciclaje y economía circular").
   */
  codes<C>(field: string, resolve: (t: string) => C | undefined, what: { es: string; en: string }): C[] {
    const raw = this.text(field);
    if (raw === '') return [];
    const whole = resolve(raw);
    if (whole !== undefined) return [whole];
    const out: C[] = [];
    for (const token of splitList(raw)) {
      const code = resolve(token);
      if (code === undefined) this.error('unknown_code', field, { value: token, detail: what });
      else if (!out.includes(code)) out.push(code);
    }
    return out;
  }
}

const WHAT = {
  sectors: { es: 'sector; ej. AGUA, RESIDUOS, MOVILIDAD', en: 'sector; e.g. AGUA, RESIDUOS, MOVILIDAD' },
  competencias: { es: 'competencia; ej. C04', en: 'competence; e.g. C04' },
  ods: { es: 'ODS del 1 al 17; ej. 6 u «ODS 6»', en: 'SDG 1 to 17; e.g. 6 or "ODS 6"' },
  modalidades: { es: 'modalidad; ej. ASIST_TEC, FIN_NR, CREDITO', en: 'modality; e.g. ASIST_TEC, FIN_NR, CREDITO' },
  tipo: { es: 'tipo de cooperación; ej. BILATERAL, MULTILATERAL', en: 'cooperation type; e.g. BILATERAL, MULTILATERAL' },
};

interface Env {
  resolver: CodeResolver;
  participants?: Map<string, ParticipantKind | undefined>;
}

/** Participant references: case-insensitive, and "104" is Nabón's "0104" after Excel ate the zero. */
function participantRef(r: RowReader, env: Env, ownerKind: ParticipantKind | null): string | undefined {
  const raw = r.required('participant');
  if (raw === undefined) return undefined;
  let ref = normalizeExternalId(raw);
  if (/^\d{1,3}$/.test(ref)) ref = padDigits(ref, 4);
  if (env.participants) {
    if (!env.participants.has(ref)) {
      r.error('unknown_participant', 'participant', { value: raw });
      return undefined;
    }
    const kind = env.participants.get(ref);
    if (ownerKind && kind && kind !== ownerKind) {
      r.error('wrong_participant_kind', 'participant', {
        value: raw,
        detail:
          ownerKind === 'gadm'
            ? { es: 'las demandas pertenecen a GADM, no a cooperantes', en: 'demands belong to GADMs, not to cooperants' }
            : { es: 'las ofertas pertenecen a cooperantes, no a GADM', en: 'offers belong to cooperants, not to GADMs' },
      });
      return undefined;
    }
  } else if (/^\d{4}$/.test(ref) && !env.resolver.gadm(ref)) {
    r.error('unknown_participant', 'participant', { value: raw });
    return undefined;
  }
  return ref;
}

type Builder<R> = (r: RowReader, env: Env) => R | undefined;

const buildParticipant: Builder<ParticipantRecord> = (r, env) => {
  const id = r.required('id');
  const kindRaw = r.text('kind');
  let tipoRaw = r.text('tipo');
  let kind: ParticipantKind | undefined;
  if (kindRaw !== '') {
    kind = parseParticipantKind(kindRaw);
    if (!kind) r.error('unknown_kind', 'kind', { value: kindRaw });
  } else if (!r.has('kind') && tipoRaw !== '' && parseParticipantKind(tipoRaw)) {
    // A single "Tipo" column holding gadm/cooperante instead of the cooperation type.
    kind = parseParticipantKind(tipoRaw);
    tipoRaw = '';
  } else if (id !== undefined) {
    // Without a kind, INEC codes are all digits and cooperant acronyms are not.
    kind = /^\d{1,4}$/.test(id) ? 'gadm' : 'cooperant';
  }
  const email = r.email('email');
  const phone = r.optional('phone');
  const name = r.text('name');
  if (id === undefined || kind === undefined) return undefined;

  if (kind === 'gadm') {
    const ref = env.resolver.gadm(id);
    if (!ref) {
      r.error('unknown_inec', 'id', { value: id });
      return undefined;
    }
    // The reference is authoritative for geography; the file may abbreviate or misspell it.
    return {
      externalId: ref.inecCode,
      kind,
      name: name || ref.canton,
      inecCode: ref.inecCode,
      canton: ref.canton,
      province: ref.province,
      provinceCode: ref.provinceCode,
      region: ref.region,
      ...(email && { email }),
      ...(phone && { phone }),
    };
  }

  if (name === '') r.required('name');
  let tipo: string | undefined;
  if (tipoRaw !== '') {
    tipo = env.resolver.tipo(tipoRaw);
    if (!tipo) r.error('unknown_code', 'tipo', { value: tipoRaw, detail: WHAT.tipo });
  }
  const origin = r.optional('origin');
  const externalId = normalizeExternalId(id);
  return {
    externalId,
    kind,
    name,
    acronym: externalId,
    ...(tipo && { tipo }),
    ...(origin && { origin }),
    ...(email && { email }),
    ...(phone && { phone }),
  };
};

const buildDelegate: Builder<DelegateRecord> = (r, env) => {
  const id = r.required('id');
  const participant = participantRef(r, env, null);
  const first = r.text('fullName');
  const last = r.text('lastName');
  const fullName = [first, last].filter(Boolean).join(' ');
  if (fullName === '') r.required('fullName');
  const role = r.optional('role');
  const email = r.email('email');
  const phone = r.optional('phone');
  if (id === undefined || participant === undefined || fullName === '') return undefined;
  return {
    externalId: normalizeExternalId(id),
    participant,
    fullName,
    ...(role && { role }),
    ...(email && { email }),
    ...(phone && { phone }),
  };
};

const buildDemand: Builder<DemandRecord> = (r, env) => {
  const id = r.required('id');
  const participant = participantRef(r, env, 'gadm');
  const title = r.required('title');
  const description = r.required('description');
  const sectors = r.codes('sectors', env.resolver.sector, WHAT.sectors);
  const competencias = r.codes('competencias', env.resolver.competencia, WHAT.competencias);
  const ods = r.codes('ods', env.resolver.ods, WHAT.ods);
  const modalidades = r.codes('modalidades', env.resolver.modalidad, WHAT.modalidades);
  const amountUsd = r.amount('amountUsd');
  const deadline = r.date('deadline');
  if (id === undefined || participant === undefined || title === undefined || description === undefined) return undefined;
  return {
    externalId: normalizeExternalId(id),
    participant,
    title,
    description,
    sectors,
    competencias,
    ods: ods.sort((a, b) => a - b),
    modalidades,
    ...(amountUsd !== undefined && { amountUsd }),
    ...(deadline && { deadline }),
  };
};

const NATIONWIDE = new Set(['NACIONAL', 'TODO_EL_PAIS', 'TODAS', 'TODOS', 'ECUADOR', 'NATIONWIDE', 'ALL']);

const buildOffer: Builder<OfferRecord> = (r, env) => {
  const id = r.required('id');
  const participant = participantRef(r, env, 'cooperant');
  const title = r.required('title');
  const description = r.required('description');
  const sectors = r.codes('sectors', env.resolver.sector, WHAT.sectors);
  const ods = r.codes('ods', env.resolver.ods, WHAT.ods);
  const modalidades = r.codes('modalidades', env.resolver.modalidad, WHAT.modalidades);
  const geo = <T>(field: string, resolve: (t: string) => T | undefined, code: 'unknown_region' | 'unknown_province'): T[] => {
    const out: T[] = [];
    for (const token of splitList(r.text(field))) {
      if (NATIONWIDE.has(normalizeToken(token))) continue;
      const v = resolve(token);
      if (v === undefined) r.error(code, field, { value: token });
      else if (!out.includes(v)) out.push(v);
    }
    return out;
  };
  const regions = geo('regions', env.resolver.region, 'unknown_region');
  const provinces = geo('provinces', env.resolver.province, 'unknown_province').sort();
  const minAmountUsd = r.amount('minAmountUsd');
  const maxAmountUsd = r.amount('maxAmountUsd');
  if (minAmountUsd !== undefined && maxAmountUsd !== undefined && minAmountUsd > maxAmountUsd) {
    r.error('amount_range', 'minAmountUsd', { detail: `${r.text('minAmountUsd')} > ${r.text('maxAmountUsd')}` });
  }
  const validUntil = r.date('validUntil');
  if (id === undefined || participant === undefined || title === undefined || description === undefined) return undefined;
  return {
    externalId: normalizeExternalId(id),
    participant,
    title,
    description,
    sectors,
    ods: ods.sort((a, b) => a - b),
    modalidades,
    regions,
    provinces,
    ...(minAmountUsd !== undefined && { minAmountUsd }),
    ...(maxAmountUsd !== undefined && { maxAmountUsd }),
    ...(validUntil && { validUntil }),
  };
};

const BUILDERS: { [K in ImportKind]: Builder<RecordByKind[K]> } = {
  participants: buildParticipant,
  delegates: buildDelegate,
  demands: buildDemand,
  offers: buildOffer,
};

function knownParticipants(ctx: ImportContext): Map<string, ParticipantKind | undefined> | undefined {
  if (!ctx.participants) return undefined;
  const map = new Map<string, ParticipantKind | undefined>();
  for (const p of ctx.participants) {
    if (typeof p === 'string') map.set(normalizeExternalId(p), undefined);
    else map.set(normalizeExternalId(p.externalId), p.kind);
  }
  return map;
}

/**
 * Turns a parsed sheet into typed records and the complete list of problems
 * (every row, every cell), so organisers fix the file in one pass.
 */
export function validateImport<K extends ImportKind>(
  kind: K,
  table: ParsedTable,
  context: ImportContext = {},
): ImportResult<RecordByKind[K]> {
  const issues: ImportIssue[] = [...table.issues];
  const result: ImportResult<RecordByKind[K]> = { records: [], recordRows: [], issues, rowsRead: table.rows.length };
  if (table.headers.length === 0) return finish(result);

  const headerOf = new Map<string, string>();
  for (const h of table.headers) {
    const spec = resolveHeader(kind, h);
    // Named by the row the headers are really on: a title row above them pushes them down.
    if (!spec) issues.push(makeIssue('unknown_column', table.headerRow || 1, h));
    else if (headerOf.has(spec.field)) issues.push(makeIssue('duplicate_column', table.headerRow || 1, h));
    else headerOf.set(spec.field, h);
  }
  for (const spec of COLUMNS[kind]) {
    if (spec.required && !headerOf.has(spec.field)) issues.push(makeIssue('missing_column', 0, spec.header));
  }
  if (table.rows.length === 0) {
    issues.push(makeIssue('no_data_rows', 0, null));
    return finish(result);
  }

  const env: Env = {
    resolver: createCodeResolver(context.taxonomy ?? loadTaxonomy(), context.gadms ?? loadGadms()),
    participants: knownParticipants(context),
  };
  const builder = BUILDERS[kind] as Builder<RecordByKind[K]>;
  const built: { row: number; record: RecordByKind[K] | undefined; ok: boolean }[] = [];
  table.rows.forEach((cells, i) => {
    const reader = new RowReader(table.rowNumbers[i], cells, headerOf, kind, issues);
    const record = builder(reader, env);
    built.push({ row: reader.row, record, ok: record !== undefined && reader.errors === 0 });
  });

  // Both (all) rows of a repeated id are rejected: the importer cannot know which one the organiser meant.
  const rowsById = new Map<string, number[]>();
  for (const b of built) {
    if (b.record) rowsById.set(b.record.externalId, [...(rowsById.get(b.record.externalId) ?? []), b.row]);
  }
  for (const b of built) {
    const rows = b.record && rowsById.get(b.record.externalId);
    if (rows && rows.length > 1) {
      issues.push(makeIssue('duplicate_id', b.row, headerOf.get('id') ?? 'id', { value: b.record!.externalId, rows: rows.join(', ') }));
      b.ok = false;
    }
  }

  // Every text must fit its database column, so a dry run that passes never meets a commit that fails.
  const limits: Record<string, number> = TEXT_LIMITS[kind];
  for (const b of built) {
    if (!b.ok || !b.record) continue;
    const reported = new Set<string>();
    for (const [field, value] of Object.entries(b.record)) {
      const max = limits[field];
      if (typeof value !== 'string' || max === undefined || value.length <= max) continue;
      // Fields derived from the id (a cooperant's acronym) are reported on the id's column.
      const column = headerOf.get(field === 'externalId' || !headerOf.has(field) ? 'id' : field) ?? 'id';
      b.ok = false;
      if (reported.has(column)) continue;
      reported.add(column);
      issues.push(makeIssue('too_long', b.row, column, { max, value: `${value.slice(0, 40)}…` }));
    }
  }

  const schema = RECORD_SCHEMAS[kind];
  for (const b of built) {
    if (!b.ok || !b.record) continue;
    const parsed = schema.safeParse(b.record);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      issues.push(makeIssue('invalid_record', b.row, null, { detail }));
      continue;
    }
    result.records.push(b.record);
    result.recordRows.push(b.row);
  }
  return finish(result);
}

function finish<R>(result: ImportResult<R>): ImportResult<R> {
  // Stable sort: file-level issues first, then by row, keeping cell order within a row.
  result.issues.sort((a, b) => a.row - b.row);
  return result;
}
