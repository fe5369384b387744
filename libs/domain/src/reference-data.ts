import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { properCaseEs } from '@rueda/i18n';
import { referencePath } from './reference-path';

export type Region = 'Costa' | 'Sierra' | 'Amazonía' | 'Insular';

export interface GadmRef {
  inecCode: string;
  canton: string;
  provinceCode: string;
  province: string;
  region: Region;
}

export interface CooperantRef {
  acronym: string;
  name: string;
  tipo: string;
  origin: string;
  sectores: string[];
  modalidades: string[];
}

const splitList = (s: string) =>
  s
    ? s
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

let gadms: GadmRef[] | undefined;
let cooperants: CooperantRef[] | undefined;

/**
 * The 221 GADMs with INEC codes (data/reference/gadm_ecuador.csv). The official list writes
 * names in capitals; they are cased here, once, as people write them ("General Antonio
 * Elizalde (Bucay)"), so no screen, export or agenda shows either form of the same name.
 */
export function loadGadms(): GadmRef[] {
  gadms ??= (parse(readFileSync(referencePath('gadm_ecuador.csv')), { columns: true, bom: true }) as Record<string, string>[]).map((r) => ({
    inecCode: r.inec_code,
    canton: properCaseEs(r.canton),
    provinceCode: r.province_code,
    province: properCaseEs(r.province),
    region: r.region as Region,
  }));
  return gadms;
}

/** The 38 cooperants named in the seed documents (data/reference/cooperantes.csv). */
export function loadCooperants(): CooperantRef[] {
  cooperants ??= (parse(readFileSync(referencePath('cooperantes.csv')), { columns: true, bom: true }) as Record<string, string>[]).map(
    (r) => ({
      acronym: r.acronym,
      name: r.name,
      tipo: r.tipo,
      origin: r.origin,
      sectores: splitList(r.sectores),
      modalidades: splitList(r.modalidades),
    }),
  );
  return cooperants;
}
