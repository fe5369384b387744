import { z } from 'zod';
import { bi, type Bilingual, indexTaxonomy, loadGadms, TEXT_LIMITS } from '@rueda/domain';

const tax = indexTaxonomy();
const gadms = loadGadms();
const inec = new Set(gadms.map((g) => g.inecCode));
/** Provinces of the 221 GADMs (the same list the import resolves names and codes against). */
const provinces = new Set(gadms.map((g) => g.provinceCode));

const code = (set: Map<string, unknown>, what: Bilingual) =>
  z.string().refine((c) => set.has(c), {
    error: (iss) => bi(`código de ${what.es} desconocido: ${String(iss.input)}`, `unknown ${what.en} code: ${String(iss.input)}`),
  });

export const sectorCodes = z.array(code(tax.sectores, { es: 'sector', en: 'sector' })).max(19);
export const competenciaCodes = z.array(code(tax.competencias, { es: 'competencia', en: 'competence' })).max(14);
export const modalidadCodes = z.array(code(tax.modalidades, { es: 'modalidad', en: 'modality' })).max(20);
export const odsCodes = z
  .array(
    z
      .number()
      .int()
      .refine((n) => tax.ods.has(n), { error: (iss) => bi(`ODS desconocido: ${String(iss.input)}`, `unknown SDG: ${String(iss.input)}`) }),
  )
  .max(17);
export const tipoCode = code(tax.tipos, { es: 'tipo de cooperación', en: 'cooperation type' }).max(TEXT_LIMITS.participants.tipo);
export const inecCode = z.string().refine((c) => inec.has(c), {
  error: (iss) => bi(`código INEC desconocido: ${String(iss.input)}`, `unknown INEC code: ${String(iss.input)}`),
});
export const provinceCode = z
  .string()
  .regex(/^\d{2}$/)
  .refine((c) => provinces.has(c), {
    error: (iss) => bi(`código de provincia desconocido: ${String(iss.input)}`, `unknown province code: ${String(iss.input)}`),
  });
