import { z } from 'zod';
import { indexTaxonomy, loadGadms } from '@rueda/domain';

const tax = indexTaxonomy();
const inec = new Set(loadGadms().map((g) => g.inecCode));

const code = (set: Map<string, unknown>, what: string) =>
  z.string().refine((c) => set.has(c), { error: (iss) => `código de ${what} desconocido / unknown ${what} code: ${String(iss.input)}` });

export const sectorCodes = z.array(code(tax.sectores, 'sector')).max(19);
export const competenciaCodes = z.array(code(tax.competencias, 'competencia')).max(14);
export const modalidadCodes = z.array(code(tax.modalidades, 'modalidad')).max(20);
export const odsCodes = z
  .array(
    z
      .number()
      .int()
      .refine((n) => tax.ods.has(n), { error: (iss) => `ODS desconocido / unknown SDG: ${String(iss.input)}` }),
  )
  .max(17);
export const tipoCode = code(tax.tipos, 'tipo de cooperación');
export const inecCode = z
  .string()
  .refine((c) => inec.has(c), { error: (iss) => `código INEC desconocido / unknown INEC code: ${String(iss.input)}` });
export const regionName = z.enum(['Costa', 'Sierra', 'Amazonía', 'Insular']);
export const provinceCode = z.string().regex(/^\d{2}$/);
