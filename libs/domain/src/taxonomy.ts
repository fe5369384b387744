import { readFileSync } from 'node:fs';
import { referencePath } from './reference-path';

export interface Label {
  es: string;
  en: string;
}
export interface Competencia extends Label {
  code: string;
}
export interface Ods extends Label {
  code: number;
}
export interface Modalidad extends Label {
  code: string;
}
export interface TipoCooperacion extends Label {
  code: string;
}
export interface Sector extends Label {
  code: string;
  competencias: string[];
  ods: number[];
}

export interface Taxonomy {
  competencias: Competencia[];
  ods: Ods[];
  modalidades: Modalidad[];
  tipos_cooperacion: TipoCooperacion[];
  sectores: Sector[];
}

let cached: Taxonomy | undefined;

/** The reference taxonomy of data/reference/taxonomy.json (codes are stable ids). */
export function loadTaxonomy(): Taxonomy {
  cached ??= JSON.parse(readFileSync(referencePath('taxonomy.json'), 'utf8')) as Taxonomy;
  return cached;
}

/** Fast membership checks for validating codes coming from files and forms. */
export interface TaxonomyIndex {
  sectores: Map<string, Sector>;
  competencias: Map<string, Competencia>;
  ods: Map<number, Ods>;
  modalidades: Map<string, Modalidad>;
  tipos: Map<string, TipoCooperacion>;
}

export function indexTaxonomy(t: Taxonomy = loadTaxonomy()): TaxonomyIndex {
  return {
    sectores: new Map(t.sectores.map((s) => [s.code, s])),
    competencias: new Map(t.competencias.map((c) => [c.code, c])),
    ods: new Map(t.ods.map((o) => [o.code, o])),
    modalidades: new Map(t.modalidades.map((m) => [m.code, m])),
    tipos: new Map(t.tipos_cooperacion.map((m) => [m.code, m])),
  };
}
