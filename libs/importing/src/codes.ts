import { loadGadms, loadTaxonomy, type GadmRef, type Label, type Taxonomy } from '@rueda/domain';
import { normalizeToken, padDigits } from './normalize';
import { REGIONS } from './types';

type Region = (typeof REGIONS)[number];

/**
 * Every way an organiser may name a code: the code itself and the Spanish and
 * English labels, plus the pieces of a label around " / " and parentheses
 * ("Financiamiento reembolsable (crédito)" → also "crédito"). A name that two
 * codes share is dropped rather than guessed.
 */
function aliasMap<C>(entries: ReadonlyArray<Label & { code: C }>): Map<string, C> {
  const map = new Map<string, C>();
  const ambiguous = new Set<string>();
  const add = (name: string, code: C) => {
    const key = normalizeToken(name);
    if (!key || ambiguous.has(key)) return;
    const prev = map.get(key);
    if (prev !== undefined && prev !== code) {
      map.delete(key);
      ambiguous.add(key);
    } else map.set(key, code);
  };
  for (const e of entries) {
    add(String(e.code), e.code);
    for (const label of [e.es, e.en]) {
      add(label, e.code);
      const outside = label.replace(/\([^)]*\)/g, ' ');
      add(outside, e.code);
      for (const inner of label.match(/\(([^)]*)\)/g) ?? []) add(inner.slice(1, -1), e.code);
      for (const part of outside.split(/\s\/\s/)) add(part, e.code);
    }
  }
  return map;
}

export interface CodeResolver {
  sector(token: string): string | undefined;
  competencia(token: string): string | undefined;
  ods(token: string): number | undefined;
  modalidad(token: string): string | undefined;
  tipo(token: string): string | undefined;
  region(token: string): Region | undefined;
  /** Province code ("01") from a code, a bare number or a name. */
  province(token: string): string | undefined;
  gadm(inecCode: string): GadmRef | undefined;
}

const REGION_ALIASES: Record<string, Region> = {
  COSTA: 'Costa',
  LITORAL: 'Costa',
  SIERRA: 'Sierra',
  ANDES: 'Sierra',
  AMAZONIA: 'Amazonía',
  AMAZONICA: 'Amazonía',
  ORIENTE: 'Amazonía',
  INSULAR: 'Insular',
  GALAPAGOS: 'Insular',
};

export function createCodeResolver(taxonomy: Taxonomy = loadTaxonomy(), gadms: GadmRef[] = loadGadms()): CodeResolver {
  const sectors = aliasMap(taxonomy.sectores);
  const competencias = aliasMap(taxonomy.competencias);
  const ods = aliasMap(taxonomy.ods);
  const modalidades = aliasMap(taxonomy.modalidades);
  const tipos = aliasMap(taxonomy.tipos_cooperacion);
  const odsCodes = new Set(taxonomy.ods.map((o) => o.code));
  const competenciaCodes = new Set(taxonomy.competencias.map((c) => c.code));
  const provinces = new Map<string, string>();
  for (const g of gadms) {
    provinces.set(g.provinceCode, g.provinceCode);
    provinces.set(normalizeToken(g.province), g.provinceCode);
  }
  const byInec = new Map(gadms.map((g) => [g.inecCode, g]));

  return {
    sector: (t) => sectors.get(normalizeToken(t)),
    competencia: (t) => {
      const key = normalizeToken(t);
      const m = /^C_?(\d{1,2})$/.exec(key);
      if (m) {
        const code = `C${m[1].padStart(2, '0')}`;
        return competenciaCodes.has(code) ? code : undefined;
      }
      return competencias.get(key);
    },
    ods: (t) => {
      const m = /^(?:ODS|SDG|OBJETIVO|GOAL)?_?(\d{1,2})$/.exec(normalizeToken(t));
      if (m) return odsCodes.has(+m[1]) ? +m[1] : undefined;
      return ods.get(normalizeToken(t));
    },
    modalidad: (t) => modalidades.get(normalizeToken(t)),
    tipo: (t) => tipos.get(normalizeToken(t)),
    region: (t) => REGION_ALIASES[normalizeToken(t)],
    province: (t) => provinces.get(padDigits(normalizeToken(t), 2)),
    gadm: (code) => byInec.get(padDigits(code.trim(), 4)),
  };
}
